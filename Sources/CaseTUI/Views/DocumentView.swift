import CaseModel

/// A document over the panes (a ruling notice, the dashboard): scrolled with j/k and the page keys.
enum DocumentView {
    static func area(_ state: AppState) -> Rect {
        let top = state.layout.banner == nil ? 1 : 2
        return Rect(x: 0, y: top, width: state.width, height: max(3, state.height - 1 - top))
    }

    static func title(_ state: AppState) -> String {
        switch state.document {
        case .notice(let id, _): UIText.noticeTitle.text(state.language) + " #\(id)"
        case .evidence(let item, _):
            (state.language == .zh
                ? "证据 #\(item.id) · 案件 #\(item.caseID)" : "Evidence #\(item.id) · case #\(item.caseID)")
        case .dashboard: UIText.dashboardTitle.text(state.language)
        case .brief: UIText.briefTitle.text(state.language) + (state.training.map { " · \($0.scenarioID)" } ?? "")
        case .score: UIText.scoreTitle.text(state.language) + (state.training.map { " · \($0.scenarioID)" } ?? "")
        case .replay(let history, let index):
            UIText.replayTitle.text(state.language) + " #\(history.current.id) · \(index + 1)/\(history.count)"
        case nil: ""
        }
    }

    static func lines(_ state: AppState) -> [String] {
        let width = max(1, area(state).inner.width - 2)
        switch state.document {
        case .notice(_, let text), .brief(let text), .score(let text), .evidence(_, let text):
            return wrap(text, width: width, measure: state.measure)
        case .replay(let history, let index):
            return wrap(
                ReplayText.text(history.frame(index), state: state, width: width), width: width, measure: state.measure)
        case .dashboard(let dashboard):
            return DashboardText.lines(dashboard, language: state.language, width: width, measure: state.measure)
        case nil:
            return []
        }
    }

    /// Wrapped lines keep their indent (and hang under a bullet's text).
    static func wrap(_ text: String, width: Int, measure: DisplayWidth) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { raw -> [String] in
            let line = Sanitizer.clean(String(raw))
            guard !line.isEmpty else { return [""] }
            let lead = line.prefix { $0 == " " }.count
            let hang = lead + (line.dropFirst(lead).hasPrefix("• ") ? 2 : 0)
            let body = String(line.dropFirst(lead))
            let wrapped = measure.wrap(body, width: max(1, width - hang))
            return wrapped.enumerated().map { index, part in
                String(repeating: " ", count: index == 0 ? lead : hang) + part
            }
        }
    }

    static func maxScroll(_ state: AppState) -> Int {
        max(0, lines(state).count - (area(state).inner.height - 1))
    }

    static func render(_ state: AppState, into screen: inout Screen) {
        let box = area(state)
        screen.fill(box)
        Box.draw(box, title: title(state), focused: true, into: &screen)
        let inner = box.inner
        let all = lines(state)
        let visible = inner.height - 1
        for (row, line) in all.dropFirst(state.documentScroll).prefix(visible).enumerated() {
            screen.put(line, x: inner.x + 1, y: inner.y + row, maxWidth: inner.width - 2)
        }
        let position =
            all.count > visible
            ? " \(state.documentScroll + 1)–\(min(all.count, state.documentScroll + visible))/\(all.count)" : ""
        var keys = UIText.documentKeys.text(state.language)
        if case .replay = state.document { keys = UIText.replayKeys.text(state.language) + keys }
        screen.put(
            keys + position, x: inner.x + 1, y: inner.maxY - 1,
            maxWidth: inner.width - 2, style: Style(dim: true))
    }
}
