import CaseModel
import CaseStore
import Foundation

/// Moving through the panes, and keeping the queue, the case pane and the timeline loaded for what
/// the selection shows.
extension Update {
    /// The next page of older audit records, once the reader scrolls within a screen of the
    /// timeline's end and the case has more.
    static func olderTimeline(_ state: inout AppState) -> [Effect] {
        guard state.showTimeline, state.timelineHasOlder, !state.timelineLoading, let id = state.openCase?.id,
            let oldest = state.timeline.first?.id, state.detailScroll + state.height >= maxDetailScroll(state)
        else { return [] }
        state.timelineLoading = true
        return [.loadOlderTimeline(caseID: id, before: oldest)]
    }

    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        switch state.focus {
        case .queue:
            let requests = state.queue.move(by: delta, visible: state.visibleQueueRows)
            let query = state.query
            return requests.map { Effect.loadQueue($0, query) } + openSelected(state)
        case .detail:
            state.detailScroll = min(max(0, state.detailScroll + delta), maxDetailScroll(state))
            return olderTimeline(&state)
        case .evidence:
            guard !state.evidence.isEmpty else { return [] }
            state.evidenceSelection = min(max(0, state.evidenceSelection + delta), state.evidence.count - 1)
            return []
        }
    }

    static func maxDetailScroll(_ state: AppState) -> Int {
        DetailView.maxScroll(
            state, area: state.layout.detail, measure: state.measure)
    }

    /// Empties the case and evidence panes when the queue shows no case.
    static func clearOpenCase(_ state: inout AppState) {
        state.openCase = nil
        state.evidence = []
        state.issues = []
        state.requests = []
        state.timeline = []
    }

    /// Reloads the queue around the selection and the open case.
    static func reloadVisible(_ state: AppState) -> [Effect] {
        if let text = state.searchText { return [.search(text)] }
        guard let row = state.queue.selectedRow else { return [.loadQueue(.head, state.query)] }
        return [
            .loadQueue(.refresh(row.cursor(state.query.order), follow: state.followCase == row.id), state.query)
        ]
    }

    /// Loads the selected case into the detail pane unless it is already there.
    static func openSelected(_ state: AppState, force: Bool = false) -> [Effect] {
        guard let row = state.queue.selectedRow else { return [] }
        if !force, state.openCase?.id == row.id { return [] }
        return [.loadCase(row.id)]
    }
}
