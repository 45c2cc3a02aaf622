/// The `?` overlay: the keys for the pane underneath, generated from the command table.
///
/// When the commands do not fit one column (80×24 and the queue's twenty commands), they
/// flow into two; when two columns do not hold them (training mode, a small terminal), j/k
/// turn pages, and the closing line says so. Every key is always listed.
enum HelpOverlay {
    static func rows(_ state: AppState) -> [(String, String)] {
        let context = Context.pane(state.focus)
        let specs = CommandTable.available(in: context, for: state.staff.role, training: state.training != nil)
        return specs.map { spec in
            (
                state.keymap.keys(for: spec.id, in: context).map(\.label).joined(separator: ", "),
                spec.help.text(state.language)
            )
        }
    }

    /// Rows one column holds: the screen less the borders and the closing line.
    static func available(_ state: AppState) -> Int { max(1, state.height - 2 - 3) }

    /// How many pages the keys take.
    static func pages(_ state: AppState) -> Int {
        let count = rows(state).count
        return max(1, (count + 2 * available(state) - 1) / (2 * available(state)))
    }

    static func render(_ state: AppState, into screen: inout Screen) {
        let all = rows(state)
        let available = available(state)
        let columns = all.count > available ? 2 : 1
        let pages = pages(state)
        let page = min(state.helpPage, pages - 1)
        let rows = Array(all.dropFirst(page * 2 * available).prefix(2 * available))
        let perColumn = pages > 1 ? available : (rows.count + columns - 1) / columns
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
        let more = pages > 1 ? " · j/k \(UIText.page.text(state.language)) \(page + 1)/\(pages)" : ""
        screen.put(
            UIText.helpClose.text(state.language) + more, x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 1,
            style: Style(dim: true))
    }
}
