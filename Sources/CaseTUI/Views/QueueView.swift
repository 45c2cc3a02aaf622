import CaseModel
import CaseStore
import Foundation

/// The queue pane: one row per case in deadline order: number, stage, countdown, claim, title,
/// and, as the terminal widens, the priority and the assignee.
enum QueueView {
    /// Column widths: each as wide as the widest value held (a six-digit case number is never cut),
    /// the title taking what is left; priority and assignee appear once the title keeps 24 columns.
    struct Columns {
        var id = 5
        var stage = 10
        var due = 7
        var amount = 8
        var priority = 0
        var assignee = 0
        var title: Int

        init(
            width: Int, rows: [QueueRow], header: (stage: String, due: String, amount: String), now: Date,
            language: Language, measure: DisplayWidth
        ) {
            id = max(3, rows.map { String($0.id).count }.max() ?? 1)
            stage = max(
                measure.of(header.stage), rows.map { measure.of($0.stage.label.text(language)) }.max() ?? 0)
            due = max(
                measure.of(header.due),
                rows.map { row in
                    guard let deadline = row.deadline, row.stage.isOpen else { return 1 }
                    return measure.of(Countdown(deadline: deadline, now: now).compact)
                }.max() ?? 0)
            amount = max(measure.of(header.amount), rows.map { measure.of($0.claimAmount.compact) }.max() ?? 0)
            title = width - id - stage - due - amount - 4
            let assigneeWidth = min(
                12,
                max(
                    measure.of(UIText.assignee.text(language)),
                    rows.map { measure.of($0.assignee ?? "") }.max() ?? 0))
            if title - 3 - assigneeWidth - 1 >= 24 {
                priority = 2
                assignee = assigneeWidth
                title -= 3 + assignee + 1
            }
            title = max(4, title)
        }
    }

    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        let focused = state.focus == .queue && !state.hasOverlay
        let language = state.language
        let title =
            state.searchText == nil
            ? UIText.queueBy.text(language) + UIText.order(state.query.order).text(language)
            : UIText.queueSearch.text(language)
        Box.draw(area, title: title, focused: focused, into: &screen)
        let inner = area.inner
        guard inner.height > 1, inner.width > 10 else { return }
        let order = state.searchText == nil ? state.query.order : nil
        let names = (
            stage: UIText.columnStage.text(language),
            due: UIText.columnDue.text(language) + (order == .deadline ? "▲" : ""),
            amount: UIText.columnClaim.text(language) + (order == .amount ? "▼" : "")
        )
        let columns = Columns(
            width: inner.width, rows: state.queue.rows, header: names, now: state.now, language: language,
            measure: screen.measure)
        let header = row(
            id: order == .age ? "#▲" : "#", stage: names.stage, due: names.due, amount: names.amount,
            title: UIText.columnTitle.text(language) + (order == .priority && columns.priority == 0 ? " (P)" : ""),
            priority: order == .priority ? "P▲" : "P", assignee: UIText.assignee.text(language), columns,
            screen.measure)
        screen.put(header, x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(bold: true, underline: true))
        let queue = state.queue
        if queue.rows.isEmpty {
            let empty = (state.searchText != nil || state.query.isFiltered ? UIText.noMatch : UIText.noCases).text(
                language)
            screen.put(empty, x: inner.x + 1, y: inner.y + 2, maxWidth: inner.width - 1, style: Style(dim: true))
            return
        }
        for line in 0..<(inner.height - 1) {
            let index = queue.top + line
            guard index < queue.rows.count else { break }
            let item = queue.rows[index]
            let y = inner.y + 1 + line
            var due = "—"
            var dueStyle = Style(dim: true)
            if let deadline = item.deadline, item.stage.isOpen {
                let countdown = Countdown(deadline: deadline, now: state.now)
                due = countdown.compact
                dueStyle = urgencyStyle(countdown.urgency)
            }
            let text = row(
                id: String(item.id), stage: item.stage.label.text(state.language), due: "",
                amount: item.claimAmount.compact,
                title: (item.flags.contains(.obligationOverdue) ? "! " : "") + Sanitizer.clean(item.title),
                priority: String(item.priority), assignee: item.assignee ?? "—", columns, screen.measure)
            screen.put(text, x: inner.x, y: y, maxWidth: inner.width)
            let dueX = inner.x + columns.id + 1 + columns.stage + 1
            screen.put(screen.measure.pad(due, to: columns.due, alignRight: true), x: dueX, y: y, style: dueStyle)
            if index == queue.selected {
                let bar = Rect(x: inner.x, y: y, width: inner.width, height: 1)
                screen.restyle(bar) { style in
                    if focused {
                        style.reverse = true
                    } else {
                        style.bold = true
                        style.underline = true
                    }
                }
            }
        }
    }

    static func row(
        id: String, stage: String, due: String, amount: String, title: String, priority: String = "",
        assignee: String = "", _ columns: Columns, _ measure: DisplayWidth
    ) -> String {
        var line =
            measure.pad(id, to: columns.id, alignRight: true) + " "
            + measure.pad(stage, to: columns.stage) + " "
            + measure.pad(due, to: columns.due, alignRight: true) + " "
            + measure.pad(amount, to: columns.amount, alignRight: true) + " "
        if columns.assignee > 0 {
            line +=
                measure.pad(priority, to: columns.priority) + " " + measure.pad(assignee, to: columns.assignee) + " "
        }
        return line + measure.pad(title, to: columns.title)
    }

    static func urgencyStyle(_ urgency: Urgency) -> Style {
        switch urgency {
        case .overdue: Style(color: .red, bold: true)
        case .critical: Style(color: .yellow, bold: true)
        case .soon: Style(color: .yellow)
        case .normal: Style(color: .green)
        case .none: Style(dim: true)
        }
    }
}
