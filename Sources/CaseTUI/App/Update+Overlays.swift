import CaseModel
import CaseStore
import Foundation

/// Keys while something covers the panes: a form, a prompt (search, filter, palette), the step
/// menu or a confirmation; and the small helpers they share with `Update.update`.
extension Update {
    /// Keys while a form is open: fields, choices, submit (the form stays, with the reason, if refused).
    static func formCommand(_ state: inout AppState, _ id: CommandID) -> [Effect] {
        guard var form = state.form else { return [] }
        switch id {
        case .nextField: form.move(1)
        case .previousField: form.move(-1)
        case .chooseLeft: form.choose(-1)
        case .chooseRight: form.choose(1)
        case .erase: form.erase()
        case .back:
            state.form = nil
            return []
        case .submit:
            if let problem = form.problem {
                form.error = problem
            } else {
                state.form = form
                return [.submitForm(form)]
            }
        default: break
        }
        state.form = form
        return []
    }

    /// Keys while a prompt is open: Enter submits, Backspace erases, Esc closes (typed text is kept on errors).
    static func promptCommand(_ state: inout AppState, _ id: CommandID) -> [Effect] {
        guard var prompt = state.prompt else { return [] }
        switch id {
        case .erase:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
            prompt.error = nil
            state.prompt = prompt
        case .back:
            state.prompt = nil
        case .complete:
            guard prompt.kind == .palette else { break }
            let matches = paletteMatches(prompt.text, state: state)
            if let first = matches.first { prompt.text = first.id.rawValue }
            state.prompt = prompt
        case .submit:
            let text = prompt.text.trimmingCharacters(in: .whitespaces)
            switch prompt.kind {
            case .palette:
                state.prompt = nil
                guard
                    let spec = paletteMatches(text, state: state).first(where: { $0.id.rawValue == text })
                        ?? paletteMatches(text, state: state).first
                else {
                    prompt.error = "no command '\(text)' here; Tab completes"
                    state.prompt = prompt
                    return []
                }
                return update(&state, .command(spec.id))
            case .search:
                state.prompt = nil
                guard !text.isEmpty else {
                    state.searchText = nil
                    return restartQueue(&state)
                }
                state.searchText = text
                state.focus = .queue
                return [.search(text)]
            case .filter:
                do {
                    var query = try QueueQuery.parse(text, now: state.now)
                    if !text.lowercased().contains("sort:") { query.order = state.query.order }
                    state.query = query
                    state.filterText = text
                    state.view = .all
                    state.searchText = nil
                    state.prompt = nil
                    state.focus = .queue
                    return restartQueue(&state)
                } catch {
                    prompt.error = error.description
                    state.prompt = prompt
                }
            }
        default:
            break
        }
        return []
    }

    /// The commands the palette offers for what was typed: usable in the pane underneath by this
    /// role, whose name starts with the text (or contains it), in table order.
    static func paletteMatches(_ text: String, state: AppState) -> [CommandSpec] {
        let typed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let usable = CommandTable.available(in: .pane(state.focus), for: state.staff.role)
        let starting = usable.filter { $0.id.rawValue.hasPrefix(typed) }
        return starting.isEmpty ? usable.filter { $0.id.rawValue.contains(typed) } : starting
    }

    /// A message in the interface language.
    static func say(_ state: AppState, _ english: String, _ chinese: String) -> String {
        state.language == .zh ? chinese : english
    }

    /// Shows the queue from its first row under the current query and order.
    static func restartQueue(_ state: inout AppState) -> [Effect] {
        state.queue = QueueWindow()
        state.queue.order = state.query.order
        if let text = state.searchText { return [.search(text)] }
        return [.loadQueue(.head, state.query)]
    }

    /// The page fetches the queue window needs now.
    static func fetches(_ state: AppState) -> [Effect] {
        let query = state.query
        return state.queue.fetchesNeeded().map { Effect.loadQueue($0, query) }
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
}
