import CaseModel

/// The step menu: each step open to the case, where it leads, and whether it can be undone.
enum StepMenuView {
    static func render(_ menu: StepMenu, state: AppState, into screen: inout Screen) {
        let rows = menu.events.map { event -> String in
            let target = Lifecycle.transition(for: event).to?.label.text(state.language) ?? "previous stage"
            let mark = StepMenu.isIrreversible(event, from: menu.stage) ? "  (final)" : ""
            return "\(event.rawValue) → \(target)\(mark)"
        }
        let footer = "j/k choose · Enter take the step · Esc close"
        let widest = max(screen.measure.of(footer), rows.map { screen.measure.of($0) }.max() ?? 0)
        let width = min(screen.width - 4, widest + 4)
        let height = min(screen.height - 2, max(rows.count, 1) + 4)
        let area = Rect(x: (screen.width - width) / 2, y: (screen.height - height) / 2, width: width, height: height)
        screen.fill(area)
        Box.draw(area, title: "Steps for #\(menu.caseID) (\(menu.stage.rawValue))", focused: true, into: &screen)
        let inner = area.inner
        if rows.isEmpty {
            screen.put(
                "No step is open to you here.", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1,
                style: Style(dim: true))
        }
        let visible = max(1, inner.height - 1)
        let first = max(0, min(menu.selected - visible + 1, rows.count - visible))
        for (offset, row) in rows.dropFirst(first).prefix(visible).enumerated() {
            let y = inner.y + offset
            screen.put(row, x: inner.x + 1, y: y, maxWidth: inner.width - 1)
            if first + offset == menu.selected {
                screen.restyle(Rect(x: inner.x, y: y, width: inner.width, height: 1)) { $0.reverse = true }
            }
        }
        screen.put(
            footer, x: inner.x + 1, y: inner.maxY - 1,
            maxWidth: inner.width - 1, style: Style(dim: true))
    }
}

/// The question before an irreversible step, with Cancel highlighted unless the user moves.
enum ConfirmView {
    static func render(_ question: Confirmation, state: AppState, into screen: inout Screen) {
        let target = Lifecycle.transition(for: question.event).to?.label.text(state.language) ?? ""
        let text = "Take '\(question.event.rawValue)' on case #\(question.caseID) (→ \(target))? This cannot be undone."
        let width = min(screen.width - 4, 60)
        let lines = screen.measure.wrap(text, width: width - 4)
        let height = lines.count + 5
        let area = Rect(x: (screen.width - width) / 2, y: (screen.height - height) / 2, width: width, height: height)
        screen.fill(area)
        Box.draw(area, title: "Confirm", focused: true, into: &screen)
        for (offset, line) in lines.enumerated() {
            screen.put(line, x: area.x + 2, y: area.y + 1 + offset, maxWidth: width - 4)
        }
        let y = area.maxY - 2
        let cancel = " Cancel "
        let confirm = " \(question.event.rawValue) "
        let cancelX = area.x + 2
        let confirmX = cancelX + screen.measure.of(cancel) + 2
        screen.put(cancel, x: cancelX, y: y, style: Style(bold: true, reverse: !question.confirmSelected))
        screen.put(confirm, x: confirmX, y: y, style: Style(color: .red, bold: true, reverse: question.confirmSelected))
    }
}
