/// Draws pane borders with a title; the focused pane's border is bold.
///
/// Box-drawing characters are East Asian Ambiguous: on a terminal that draws them two
/// columns wide (the `--ambiguous-wide` setting) the borders are plain ASCII instead.
enum Box {
    static func draw(_ rect: Rect, title: String, focused: Bool, into screen: inout Screen) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let style = focused ? Style(color: .cyan, bold: true) : Style(dim: true)
        let ascii = screen.measure.ambiguousIsWide
        let (h, v, tl, tr, bl, br) = ascii ? ("-", "|", "+", "+", "+", "+") : ("─", "│", "┌", "┐", "└", "┘")
        let horizontal = String(repeating: h, count: rect.width - 2)
        screen.put(tl + horizontal + tr, x: rect.x, y: rect.y, style: style)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            screen.put(v, x: rect.x, y: row, style: style)
            screen.put(v, x: rect.maxX - 1, y: row, style: style)
        }
        screen.put(bl + horizontal + br, x: rect.x, y: rect.maxY - 1, style: style)
        let label = " " + screen.measure.truncate(title, to: max(0, rect.width - 6)) + " "
        screen.put(label, x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4, style: Style(bold: true))
    }
}
