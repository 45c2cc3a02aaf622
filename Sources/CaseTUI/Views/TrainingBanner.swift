/// The training row under the status bar: the scenario, the step, and its note, always in view.
enum TrainingBanner {
    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        guard let training = state.training else { return }
        screen.fill(area, style: Style(color: .yellow, reverse: true))
        let step = min(training.step, max(0, training.notes.count - 1))
        let head = " \(UIText.trainingStep.text(state.language)) \(step + 1)/\(training.notes.count) "
        let used = screen.put(
            head, x: area.x, y: area.y, maxWidth: area.width, style: Style(color: .yellow, bold: true, reverse: true))
        let note = training.notes.isEmpty ? "" : Sanitizer.clean(training.notes[step])
        screen.put(
            screen.measure.truncate(" " + note, to: area.width - used), x: area.x + used, y: area.y,
            maxWidth: area.width - used, style: Style(color: .yellow, reverse: true))
    }
}
