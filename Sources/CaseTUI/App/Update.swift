import CaseModel
import CaseStore
import Foundation

/// The console's logic: the state and an action in, the new state and effects out. No I/O.
public enum Update {
    /// Applies an action to the state and returns the effects it needs.
    public static func update(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .command(let id):
            guard CommandTable.spec(id).roles.contains(state.staff.role) else {
                state.message =
                    "\(state.staff.name) is a \(state.staff.role.rawValue): "
                    + CommandTable.spec(id).help.text(state.language).lowercased() + " is not open to that role"
                state.messageIsError = true
                return []
            }
            return command(&state, id)
        case .tick(let now):
            state.now = now
            return [.checkForChanges]
        case .changeToken(let token):
            guard token != state.changeToken else { return [] }
            let first = state.changeToken < 0
            state.changeToken = token
            // Another process (or the sweeper) changed something: reload what is on screen.
            if first { return [] }
            return reloadVisible(state)
        case .sweepDue(let now):
            state.now = now
            return [.sweep(now)]
        case .swept(let applied, let problems):
            if !problems.isEmpty {
                state.message = "Sweep: " + problems.joined(separator: "; ")
                state.messageIsError = true
            } else if applied > 0 {
                state.message = "Sweep: \(applied) default outcome\(applied == 1 ? "" : "s") applied"
                state.messageIsError = false
            }
            return applied > 0 ? [.checkForChanges] : []
        case .caseChanged(let updated, let message):
            state.message = message
            state.messageIsError = false
            state.openCase = updated
            return [.checkForChanges]
        case .queueRefreshed(let before, let from, let offset, let total):
            state.queue.total = total
            state.queue.receiveRefresh(before: before, from: from, offset: offset, visible: state.visibleQueueRows)
            return state.queue.fetchesNeeded().map(Effect.loadQueue) + openSelected(state, force: true)
        case .resize(let width, let height):
            state.width = width
            state.height = height
            state.queue.scroll(visible: state.visibleQueueRows)
            return []
        case .queueLoaded(let request, let rows, let total):
            if let total { state.queue.total = total }
            state.queue.receive(request, rows: rows, visible: state.visibleQueueRows)
            return state.queue.fetchesNeeded().map(Effect.loadQueue) + openSelected(state)
        case .caseLoaded(let loaded, let evidence):
            // The same case reloaded (another process changed it) keeps the reader's place.
            let sameCase = loaded != nil && loaded?.id == state.openCase?.id
            state.openCase = loaded
            state.evidence = evidence
            state.evidenceSelection = sameCase ? min(state.evidenceSelection, max(0, evidence.count - 1)) : 0
            state.detailScroll = sameCase ? min(state.detailScroll, maxDetailScroll(state)) : 0
            return []
        case .failed(let message):
            state.message = message
            state.messageIsError = true
            return []
        }
    }

    static func command(_ state: inout AppState, _ id: CommandID) -> [Effect] {
        let visible = state.visibleQueueRows
        if state.confirmation != nil || state.stepMenu != nil { return overlayCommand(&state, id) }
        switch id {
        case .steps:
            guard let item = state.openCase else { return [] }
            state.stepMenu = StepMenu(
                caseID: item.id, version: item.version, stage: item.stage,
                events: StepMenu.events(for: item, kind: Permissions.actorKind(for: state.staff.role)))
            return []
        case .take:
            guard let item = state.openCase else { return [] }
            return [.take(caseID: item.id, version: item.version)]
        case .release:
            guard let item = state.openCase else { return [] }
            return [.release(caseID: item.id, version: item.version)]
        case .choose, .toggleChoice:
            return []
        case .quit:
            state.shouldQuit = true
            return []
        case .help:
            state.showHelp.toggle()
            return []
        case .back:
            if state.showHelp {
                state.showHelp = false
            } else {
                state.focus = .queue
            }
            return []
        case .nextPane:
            state.focus = state.focus.next
            return []
        case .previousPane:
            state.focus = state.focus.previous
            return []
        case .open:
            state.focus = .detail
            return openSelected(state, force: true)
        case .moveDown: return move(&state, by: 1)
        case .moveUp: return move(&state, by: -1)
        case .halfPageDown: return move(&state, by: max(1, visible / 2))
        case .halfPageUp: return move(&state, by: -max(1, visible / 2))
        case .pageDown: return move(&state, by: max(1, visible - 1))
        case .pageUp: return move(&state, by: -max(1, visible - 1))
        case .first:
            switch state.focus {
            case .queue:
                if state.queue.atStart { return move(&state, by: -state.queue.selected) }
                return [.loadQueue(.head)]
            case .detail: state.detailScroll = 0
            case .evidence: state.evidenceSelection = 0
            }
            return []
        case .last:
            switch state.focus {
            case .queue:
                if state.queue.atEnd { return move(&state, by: state.queue.rows.count) }
                return [.loadQueue(.tail)]
            case .detail: state.detailScroll = maxDetailScroll(state)
            case .evidence: state.evidenceSelection = max(0, state.evidence.count - 1)
            }
            return []
        }
    }

    /// Keys while the step menu or a confirmation is open.
    static func overlayCommand(_ state: inout AppState, _ id: CommandID) -> [Effect] {
        if var question = state.confirmation {
            switch id {
            case .toggleChoice:
                question.confirmSelected.toggle()
                state.confirmation = question
            case .back:
                state.confirmation = nil
            case .choose:
                state.confirmation = nil
                state.stepMenu = nil
                guard question.confirmSelected else { return [] }
                return [.step(caseID: question.caseID, event: question.event, version: question.version)]
            default: break
            }
            return []
        }
        guard var menu = state.stepMenu else { return [] }
        switch id {
        case .moveDown, .moveUp:
            guard !menu.events.isEmpty else { return [] }
            menu.selected = min(max(0, menu.selected + (id == .moveDown ? 1 : -1)), menu.events.count - 1)
            state.stepMenu = menu
        case .back:
            state.stepMenu = nil
        case .choose:
            guard menu.events.indices.contains(menu.selected) else { return [] }
            let event = menu.events[menu.selected]
            if StepMenu.isIrreversible(event, from: menu.stage) {
                state.confirmation = Confirmation(caseID: menu.caseID, version: menu.version, event: event)
                state.stepMenu = nil
                return []
            }
            state.stepMenu = nil
            return [.step(caseID: menu.caseID, event: event, version: menu.version)]
        default: break
        }
        return []
    }

    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        switch state.focus {
        case .queue:
            let fetches = state.queue.move(by: delta, visible: state.visibleQueueRows)
            return fetches.map(Effect.loadQueue) + openSelected(state)
        case .detail:
            state.detailScroll = min(max(0, state.detailScroll + delta), maxDetailScroll(state))
            return []
        case .evidence:
            guard !state.evidence.isEmpty else { return [] }
            state.evidenceSelection = min(max(0, state.evidenceSelection + delta), state.evidence.count - 1)
            return []
        }
    }

    static func maxDetailScroll(_ state: AppState) -> Int {
        DetailView.maxScroll(
            state, area: Layout(width: state.width, height: state.height).detail, measure: state.measure)
    }

    /// Reloads the queue around the selection and the open case.
    static func reloadVisible(_ state: AppState) -> [Effect] {
        guard let row = state.queue.selectedRow else { return [.loadQueue(.head)] }
        return [.loadQueue(.refresh(row.cursor))]
    }

    /// Loads the selected case into the detail pane unless it is already there.
    static func openSelected(_ state: AppState, force: Bool = false) -> [Effect] {
        guard let row = state.queue.selectedRow else { return [] }
        if !force, state.openCase?.id == row.id { return [] }
        return [.loadCase(row.id)]
    }
}
