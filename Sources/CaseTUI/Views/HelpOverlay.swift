/// The `?` overlay: the keys for the pane underneath, generated from the command table.
enum HelpOverlay {
    static func render(_ state: AppState, into screen: inout Screen) {
        let context = Context.pane(state.focus)
        let specs = CommandTable.available(in: context, for: state.staff.role)
        let keyWidth = 16
        let rows = specs.map { spec in
            (spec.keys.map(\.label).joined(separator: ", "), spec.help.text(state.language))
        }
        let width = min(screen.width - 4, 64)
        let height = min(screen.height - 2, rows.count + 4)
        let area = Rect(x: (screen.width - width) / 2, y: (screen.height - height) / 2, width: width, height: height)
        screen.fill(area)
        let paneName: String
        switch state.focus {
        case .queue: paneName = "queue"
        case .detail: paneName = "case detail"
        case .evidence: paneName = "evidence"
        }
        Box.draw(area, title: "Help · keys in the \(paneName)", focused: true, into: &screen)
        let inner = area.inner
        for (offset, row) in rows.prefix(inner.height - 1).enumerated() {
            let y = inner.y + offset
            screen.put(row.0, x: inner.x + 1, y: y, maxWidth: keyWidth, style: Style(bold: true))
            screen.put(row.1, x: inner.x + 1 + keyWidth, y: y, maxWidth: inner.width - keyWidth - 1)
        }
        screen.put(
            "Esc or ? closes this help", x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 1,
            style: Style(dim: true))
    }
}
