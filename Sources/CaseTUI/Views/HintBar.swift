/// The bottom row: the main keys for where the user is now, read from the command table.
enum HintBar {
    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        var x = area.x + 1
        for spec in CommandTable.available(in: state.context, for: state.staff.role, training: state.training != nil) {
            guard let hint = spec.hint, let key = state.keymap.keys(for: spec.id, in: state.context).first else {
                continue
            }
            let moveUp = state.keymap.keys(for: .moveUp, in: state.context).first
            let keyText = spec.id == .moveDown && moveUp != nil ? "\(key.label)/\(moveUp!.label)" : key.label
            let width = screen.measure.of(keyText) + 1 + screen.measure.of(hint.text(state.language)) + 2
            guard x + width <= area.maxX else { break }
            x += screen.put(keyText, x: x, y: area.y, style: Style(reverse: true))
            x += screen.put(" " + hint.text(state.language) + "  ", x: x, y: area.y)
        }
    }
}
