/// Draws pane borders with a title; the focused pane's border is bold.
enum Box {
    static func draw(_ rect: Rect, title: String, focused: Bool, into screen: inout Screen) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let style = focused ? Style(color: .cyan, bold: true) : Style(dim: true)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        screen.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            screen.put("│", x: rect.x, y: row, style: style)
            screen.put("│", x: rect.maxX - 1, y: row, style: style)
        }
        screen.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        let label = " " + screen.measure.truncate(title, to: max(0, rect.width - 6)) + " "
        screen.put(label, x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, style: Style(bold: true))
    }
}
