import CaseModel

/// One evidence item in full: what it is, who brought it and when, whether on time, and its
/// whole SHA-256, the fingerprint a court can check the content against.
enum EvidenceViewer {
    static func render(_ item: Evidence, state: AppState, into screen: inout Screen) {
        let width = min(screen.width - 4, 76)
        let lines: [(String, String)] = [
            ("Item", "#\(item.id) \(item.kind.label.text(state.language))"),
            ("From", item.source.label.text(state.language)),
            ("Submitted", DateText.full(item.submittedAt)),
            ("Timeliness", item.timeliness(requests: state.requests).rawValue.replacingOccurrences(of: "_", with: " ")),
            ("SHA-256", ""),
        ]
        let description = screen.measure.wrap(Sanitizer.clean(item.description), width: width - 4)
        let height = min(screen.height - 2, lines.count + description.count + 6)
        let area = Rect(x: (screen.width - width) / 2, y: (screen.height - height) / 2, width: width, height: height)
        screen.fill(area)
        Box.draw(area, title: "Evidence #\(item.id) · case #\(item.caseID)", focused: true, into: &screen)
        let inner = area.inner
        var y = inner.y
        for (label, value) in lines where y < inner.maxY - 1 {
            screen.put(label, x: inner.x + 1, y: y, maxWidth: 11, style: Style(dim: true))
            screen.put(value, x: inner.x + 12, y: y, maxWidth: inner.width - 13)
            y += 1
        }
        // The whole hash on a line of its own: 64 digits fit an 80-column terminal.
        screen.put(item.sha256, x: inner.x + 1, y: y, maxWidth: inner.width - 2, style: Style(bold: true))
        y += 1
        y += 1
        for text in description where y < inner.maxY - 1 {
            screen.put(text, x: inner.x + 1, y: y, maxWidth: inner.width - 2)
            y += 1
        }
        screen.put("Esc closes", x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 2, style: Style(dim: true))
    }
}
