import CaseModel

/// The evidence pane: each item's kind, source, time and short hash, then what it shows.
enum EvidenceView {
    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        let focused = state.focus == .evidence && !state.hasOverlay
        Box.draw(
            area, title: "\(UIText.evidence.text(state.language)) (\(state.evidence.count))", focused: focused,
            into: &screen)
        let inner = area.inner
        guard inner.height > 0, inner.width > 4 else { return }
        guard !state.evidence.isEmpty else {
            screen.put(
                UIText.noEvidence.text(state.language), x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1,
                style: Style(dim: true))
            return
        }
        let perItem = 2
        let fits = max(1, inner.height / perItem)
        let first = max(0, min(state.evidenceSelection - fits + 1, state.evidence.count - fits))
        for (offset, item) in state.evidence.dropFirst(first).prefix(fits).enumerated() {
            let y = inner.y + offset * perItem
            let index = first + offset
            // On time or late comes right after the source: it matters more than the hash.
            var timeliness = ""
            switch item.timeliness(requests: state.requests) {
            case .onTime: timeliness = " · " + UIText.onTime.text(state.language)
            case .late: timeliness = " · " + UIText.late.text(state.language)
            case .unrequested: break
            }
            let head =
                "\(item.kind.label.text(state.language)) · \(item.source.label.text(state.language))\(timeliness) · "
                + "\(DateText.short(item.submittedAt)) · \(item.shortHash)"
            screen.put(head, x: inner.x, y: y, maxWidth: inner.width, style: Style(bold: true))
            screen.put("  " + item.description, x: inner.x, y: y + 1, maxWidth: inner.width)
            if focused && index == state.evidenceSelection {
                screen.restyle(Rect(x: inner.x, y: y, width: inner.width, height: min(perItem, inner.maxY - y))) {
                    $0.reverse = true
                }
            }
        }
    }
}
