/// A form over the panes: a label and value per field, the field being edited marked, choices
/// shown as ‹value›, and the reason a submit was refused in red.
enum FormView {
    static func render(_ form: Form, into screen: inout Screen) {
        let width = min(screen.width - 4, 72)
        let height = form.fields.count + 6
        let area = Rect(
            x: (screen.width - width) / 2, y: max(1, (screen.height - height) / 2), width: width, height: height)
        screen.fill(area)
        Box.draw(area, title: "\(form.kind.title) · case #\(form.caseID)", focused: true, into: &screen)
        let inner = area.inner
        let labelWidth = 11
        for (index, field) in form.fields.enumerated() {
            let y = inner.y + index
            let focused = index == form.focused
            screen.put(
                field.label, x: inner.x + 1, y: y, maxWidth: labelWidth - 1, style: Style(bold: focused, dim: !focused))
            let room = inner.width - labelWidth - 2
            var value = field.choices == nil ? field.text : "‹ \(field.text) ›"
            if field.choices == nil {
                while screen.measure.of(value) > room - 1, !value.isEmpty { value.removeFirst() }
            }
            let used = screen.put(
                value, x: inner.x + labelWidth, y: y, maxWidth: room, style: Style(underline: focused))
            if focused && field.choices == nil {
                screen.put(" ", x: inner.x + labelWidth + used, y: y, style: Style(reverse: true))
            }
        }
        if let error = form.error {
            screen.put(
                error, x: inner.x + 1, y: inner.maxY - 2, maxWidth: inner.width - 2,
                style: Style(color: .red, bold: true))
        }
        screen.put(
            "Tab next field · ←/→ choose · Enter save · Esc cancel", x: inner.x + 1, y: inner.maxY - 1,
            maxWidth: inner.width - 2, style: Style(dim: true))
    }
}
