/// The `?` overlay: the keys for the pane underneath, generated from the command table.
///
/// When the commands do not fit one column (80×24 and the queue's twenty commands), they
/// flow into two, so every key is always listed.
enum HelpOverlay {
    static func render(_ state: AppState, into screen: inout Screen) {
        let context = Context.pane(state.focus)
        let specs = CommandTable.available(in: context, for: state.staff.role, training: state.training != nil)
        let rows = specs.map { spec in
            (
                state.keymap.keys(for: spec.id, in: context).map(\.label).joined(separator: ", "),
                spec.help.text(state.language)
            )
        }
        let available = max(1, screen.height - 2 - 3)  // border and the closing line
        let columns = rows.count > available ? 2 : 1
        let perColumn = (rows.count + columns - 1) / columns
        let width = min(screen.width - 2, columns == 1 ? 64 : 118)
        let height = min(screen.height - 2, perColumn + 4)
        let area = Rect(x: (screen.width - width) / 2, y: (screen.height - height) / 2, width: width, height: height)
        screen.fill(area)
        let paneName = UIText.paneName(state.focus).text(state.language)
        Box.draw(area, title: UIText.helpTitle.text(state.language) + paneName, focused: true, into: &screen)
        let inner = area.inner
        let columnWidth = inner.width / columns
        let keyWidth = columns == 1 ? 16 : 11
        for (index, row) in rows.enumerated() {
            let column = index / perColumn
            let y = inner.y + index % perColumn
            guard y < inner.maxY - 1 else { continue }
            let x = inner.x + 1 + column * columnWidth
            screen.put(row.0, x: x, y: y, maxWidth: keyWidth - 1, style: Style(bold: true))
            screen.put(
                screen.measure.truncate(row.1, to: columnWidth - keyWidth - 2), x: x + keyWidth, y: y,
                maxWidth: columnWidth - keyWidth - 1)
        }
        screen.put(
            UIText.helpClose.text(state.language), x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 1,
            style: Style(dim: true))
    }
}
