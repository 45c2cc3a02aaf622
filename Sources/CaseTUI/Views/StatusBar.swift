/// The top row: product, database, queue position, and the latest message.
enum StatusBar {
    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        screen.fill(area, style: Style(reverse: true))
        let queue = state.queue
        let position = queue.rows.isEmpty ? "0/0" : "\(queue.position + 1)/\(queue.total)"
        let left = " CaseDesk │ \(state.databaseLabel) │ \(position) \(UIText.cases.text(state.language)) "
        var used = screen.put(left, x: area.x, y: area.y, maxWidth: area.width, style: Style(bold: true, reverse: true))
        if let busy = state.busyMark {
            used += screen.put(
                "│ ⋯ " + busy.text(state.language) + " ", x: area.x + used, y: area.y, maxWidth: area.width - used,
                style: Style(color: .yellow, bold: true, reverse: true))
        }
        if state.training != nil {
            used += screen.put(
                UIText.training.text(state.language), x: area.x + used, y: area.y, maxWidth: area.width - used,
                style: Style(color: .yellow, bold: true, reverse: true))
        }
        if state.simulated && state.training == nil {
            used += screen.put(
                UIText.simulated.text(state.language), x: area.x + used, y: area.y, maxWidth: area.width - used,
                style: Style(color: .yellow, bold: true, reverse: true))
        }
        if let anchored = state.lastAnchor {
            let age = UIText.anchorAge(seconds: state.now.timeIntervalSince(anchored))
            used += screen.put(
                UIText.anchored(age).text(state.language), x: area.x + used, y: area.y, maxWidth: area.width - used,
                style: Style(bold: true, reverse: true))
        }
        if state.readOnly {
            used += screen.put(
                UIText.readOnly.text(state.language), x: area.x + used, y: area.y, maxWidth: area.width - used,
                style: Style(color: .red, bold: true, reverse: true))
        }
        var scope: [String] = []
        if state.view != .all && state.searchText == nil && state.filterText.isEmpty {
            scope.append(state.view.label.text(state.language))
        }
        if let search = state.searchText { scope.append("search: \(search)") }
        if !state.filterText.isEmpty && state.searchText == nil { scope.append("filter: \(state.filterText)") }
        if state.query.order != .deadline && state.searchText == nil {
            scope.append("by \(state.query.order.rawValue)")
        }
        if !scope.isEmpty {
            used += screen.put(
                "│ " + scope.joined(separator: " · ") + " ", x: area.x + used, y: area.y, maxWidth: area.width - used,
                style: Style(color: .cyan, bold: true, reverse: true))
        }
        if let message = state.message {
            let style = state.messageIsError ? Style(color: .red, bold: true, reverse: true) : Style(reverse: true)
            used += screen.put("│ " + message, x: area.x + used, y: area.y, maxWidth: area.width - used, style: style)
        }
        let clock = " " + DateText.clock(state.now) + " "
        let clockWidth = screen.measure.of(clock)
        if used + clockWidth < area.width {
            screen.put(clock, x: area.maxX - clockWidth, y: area.y, style: Style(reverse: true))
        }
    }
}
