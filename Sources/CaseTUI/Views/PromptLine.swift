/// The bottom row while a search or filter is being typed: the label, the text and a cursor,
/// and, after a refused submit, why (the text stays, so nothing typed is lost).
enum PromptLine {
    static func render(_ prompt: Prompt, state: AppState, into screen: inout Screen, area: Rect) {
        screen.fill(area)
        var x = area.x
        x += screen.put(prompt.label + " ", x: x, y: area.y, style: Style(bold: true))
        // Keep the end of a long text in view: what is being typed matters most.
        let room = max(1, area.maxX - x - 1 - (prompt.error == nil ? 0 : min(40, area.width / 2)))
        var shown = prompt.text
        while screen.measure.of(shown) > room, !shown.isEmpty { shown.removeFirst() }
        x += screen.put(shown, x: x, y: area.y)
        x += screen.put(" ", x: x, y: area.y, style: Style(reverse: true))
        if let error = prompt.error {
            screen.put("  " + error, x: x, y: area.y, maxWidth: area.maxX - x, style: Style(color: .red, bold: true))
        } else if prompt.kind == .palette {
            // What Tab would complete to, and what else matches.
            let names = Update.paletteMatches(prompt.text, state: state).map(\.id.rawValue)
            screen.put(
                "  " + names.joined(separator: " "), x: x, y: area.y, maxWidth: area.maxX - x, style: Style(dim: true))
        }
    }
}
