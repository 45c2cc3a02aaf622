import CaseModel
import CaseStore

/// One replay frame as text: the record that made this step, then the case as it stood, drawn by
/// the same detail view the console uses (so a replay looks like the case did at the time).
public enum ReplayText {
    /// The frame's text at `width` columns.
    public static func text(_ frame: ReplayFrame, state: AppState, width: Int) -> String {
        var view = state
        view.openCase = frame.item
        view.evidence = frame.evidence
        view.issues = frame.issues
        view.decisions = frame.decisions
        view.timeline = []
        view.requests = []
        view.showTimeline = false
        view.now = frame.entry.at
        let language = state.language
        let zh = language == .zh
        var lines = [
            (zh ? "第 \(frame.index + 1)/\(frame.count) 步 · " : "Step \(frame.index + 1)/\(frame.count) · ")
                + DateText.short(frame.entry.at) + " · \(frame.entry.actor) · \(frame.entry.action)",
            "  " + frame.entry.detail, "",
        ]
        for line in DetailView.lines(view, width: width, measure: state.measure) {
            let pad = String(repeating: " ", count: max(1, 9 - state.measure.of(line.label)))
            lines.append(line.label.isEmpty ? line.value : line.label + pad + line.value)
        }
        lines.append("")
        lines.append(zh ? "当时的证据（\(frame.evidence.count)）：" : "Evidence then (\(frame.evidence.count)):")
        for item in frame.evidence {
            lines.append(
                "  • \(DateText.short(item.submittedAt)) \(item.source.label.text(language)) "
                    + "\(item.kind.label.text(language)): \(item.description)")
        }
        return lines.joined(separator: "\n")
    }
}
