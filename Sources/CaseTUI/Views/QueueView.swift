import CaseModel
import CaseStore

/// The queue pane: one row per case in deadline order: number, stage, countdown, claim, title.
enum QueueView {
    struct Columns {
        let id = 5
        let stage = 10
        let due = 7
        let amount = 8
        let title: Int

        init(width: Int) {
            title = max(4, width - id - stage - due - amount - 4)
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
        let columns = Columns(width: inner.width)
        let order = state.searchText == nil ? state.query.order : nil
        let header = row(
            id: order == .age ? "#▲" : "#", stage: UIText.columnStage.text(language),
            due: UIText.columnDue.text(language) + (order == .deadline ? "▲" : ""),
            amount: UIText.columnClaim.text(language) + (order == .amount ? "▼" : ""),
            title: UIText.columnTitle.text(language) + (order == .priority ? " (P)" : ""),
            columns, screen.measure)
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
                title: (item.flags.contains(.obligationOverdue) ? "! " : "") + item.title, columns, screen.measure)
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
        id: String, stage: String, due: String, amount: String, title: String, _ columns: Columns,
        _ measure: DisplayWidth
    ) -> String {
        measure.pad(id, to: columns.id, alignRight: true) + " "
            + measure.pad(stage, to: columns.stage) + " "
            + measure.pad(due, to: columns.due, alignRight: true) + " "
            + measure.pad(amount, to: columns.amount, alignRight: true) + " "
            + measure.pad(title, to: columns.title)
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
