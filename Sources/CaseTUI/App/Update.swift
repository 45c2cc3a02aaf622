import CaseModel
import CaseStore
import Foundation

/// The console's logic: the state and an action in, the new state and effects out. No I/O.
public enum Update {
    /// Applies an action to the state and returns the effects it needs.
    public static func update(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .countDigit(let digit):
            state.count = min(9_999, (state.count ?? 0) * 10 + digit)
            return []
        case .command(let id):
            // A typed count applies to the next motion only.
            let count = state.count ?? 1
            state.count = nil
            guard CommandTable.spec(id).roles.contains(state.staff.role) else {
                let help = CommandTable.spec(id).help
                state.message = say(
                    state,
                    "\(state.staff.name) is a \(state.staff.role.rawValue): \(help.en.lowercased()) is not open to that role",
                    "\(state.staff.name)（\(state.staff.role.rawValue)）无权执行：\(help.zh)")
                state.messageIsError = true
                return []
            }
            if CommandTable.spec(id).trainingOnly && state.training == nil && state.context != .form
                && state.context != .prompt
            {
                state.message = say(
                    state, "\(CommandTable.spec(id).help.en): only in training (casedesk train)",
                    "\(CommandTable.spec(id).help.zh)：仅在培训模式下可用（casedesk train）")
                state.messageIsError = true
                return []
            }
            return command(&state, id, count: count)
        case .trainingAdvanced(let happened, let now):
            state.now = now
            state.message = happened.isEmpty ? nil : happened.joined(separator: "; ")
            state.messageIsError = false
            return reloadVisible(state) + [.checkTrainingProgress]
        case .trainingProgress(let done):
            // The walkthrough follows the trainee forward, never back.
            if var training = state.training {
                training.step = max(training.step, min(done, training.notes.count - 1))
                state.training = training
            }
            return []
        case .tick(let now):
            state.now = now
            return [.checkForChanges]
        case .changeToken(let token):
            guard token != state.changeToken else { return [] }
            let first = state.changeToken < 0
            state.changeToken = token
            // Another process (or the sweeper) changed something: reload what is on screen.
            if first { return [] }
            defer { state.followCase = nil }
            return reloadVisible(state)
        case .busy(let work):
            state.busy = work
            return []
        case .effectStarted(let effect):
            if case .sweep = effect { state.sweeping = true } else if effect.isWrite { state.writesInFlight += 1 }
            return []
        case .effectFinished(let effect):
            if case .sweep = effect {
                state.sweeping = false
            } else if effect.isWrite {
                state.writesInFlight = max(0, state.writesInFlight - 1)
            }
            if case .submitForm(let form) = effect, let index = state.submittedForms.firstIndex(of: form) {
                state.submittedForms.remove(at: index)
            }
            return []
        case .sweepDue(let now):
            state.now = now
            return state.readOnly ? [] : [.sweep(now)]
        case .swept(let applied, let problems):
            if !problems.isEmpty {
                state.message = say(state, "Sweep: ", "超时处理：") + problems.joined(separator: "; ")
                state.messageIsError = true
            } else if applied > 0 {
                state.message = say(
                    state, "Sweep: \(applied) default outcome\(applied == 1 ? "" : "s") applied",
                    "超时处理：已执行 \(applied) 项默认结果")
                state.messageIsError = false
            }
            return applied > 0 ? [.checkForChanges] : []
        case .olderTimelineLoaded(let id, let page, let older):
            guard id == state.openCase?.id, state.timelineLoading else { return [] }
            let oldest = state.timeline.first?.id ?? .max
            state.timeline.insert(contentsOf: page.filter { $0.id < oldest }, at: 0)
            state.timelineHasOlder = older
            state.timelineLoading = false
            return []
        case .caseChanged(let updated, let message, let undoable):
            state.undoable = undoable
            state.message = message
            state.messageIsError = false
            state.openCase = updated
            state.followCase = updated.id
            // Reload the case's evidence, issues and timeline, then whatever else changed.
            return [.loadCase(updated.id), .checkForChanges] + (state.training == nil ? [] : [.checkTrainingProgress])
        case .queueRefreshed(let before, let from, let offset, let total, let followed):
            state.queue.total = total
            state.queue.receiveRefresh(
                before: before, from: from, offset: offset, visible: state.visibleQueueRows, followed: followed)
            return fetches(state) + openSelected(state, force: true)
        case .resize(let width, let height):
            state.width = width
            state.height = height
            state.queue.scroll(visible: state.visibleQueueRows)
            return []
        case .queueLoaded(let request, let rows, let total):
            if let total { state.queue.total = total }
            state.queue.receive(request, rows: rows, visible: state.visibleQueueRows)
            if state.queue.rows.isEmpty { clearOpenCase(&state) }
            return fetches(state) + openSelected(state)
        case .caseLoaded(let loaded, let evidence, let issues, let requests, let timeline, let decisions, let older):
            state.issues = issues
            state.decisions = decisions
            state.requests = requests
            // The same case reloaded (another process changed it) keeps the reader's place, and the
            // older pages already read stay: the newest page is joined to them.
            let sameCase = loaded != nil && loaded?.id == state.openCase?.id
            if sameCase, let first = timeline.first?.id, state.timeline.contains(where: { $0.id < first }) {
                let kept = state.timeline.filter { $0.id < first }
                state.timeline = kept + timeline
                // Whether anything older than the kept pages remains is as it was.
            } else {
                state.timeline = timeline
                state.timelineHasOlder = older
            }
            state.timelineLoading = false
            state.openCase = loaded
            state.evidence = evidence
            state.evidenceSelection = sameCase ? min(state.evidenceSelection, max(0, evidence.count - 1)) : 0
            state.detailScroll = sameCase ? min(state.detailScroll, maxDetailScroll(state)) : 0
            return []
        case .formRefused(let message):
            // The oldest submitted form is the one refused: it reopens with the reason, unless
            // another form was opened meanwhile (then the reason goes to the status bar).
            guard var refused = state.submittedForms.first else { return [] }
            refused.error = message
            if state.form == nil {
                state.form = refused
            } else {
                state.message = message
                state.messageIsError = true
            }
            return []
        case .input(let character):
            if var form = state.form {
                form.type(character)
                form.discardAsked = false
                state.form = form
                return []
            }
            guard var prompt = state.prompt else { return [] }
            prompt.text.append(character)
            prompt.error = nil
            state.prompt = prompt
            return []
        case .searchLoaded(var rows):
            // One more than fits is asked for, so a capped result says so instead of looking complete.
            let capped = rows.count >= QueueWindow.pageSize
            if capped { rows.removeLast(rows.count - (QueueWindow.pageSize - 1)) }
            state.queue.total = rows.count
            state.queue.receive(.head, rows: rows, visible: state.visibleQueueRows)
            if capped {
                state.message = say(
                    state,
                    "the \(rows.count) best matches are shown; there are more: add words to narrow the search "
                        + "(casedesk search lists them all)",
                    "仅显示最匹配的 \(rows.count) 条，另有更多：请增加关键词缩小范围（casedesk search 可列出全部）")
                state.messageIsError = false
            }
            if rows.isEmpty { clearOpenCase(&state) }
            if rows.isEmpty {
                state.message = say(
                    state, "No case matches \"\(state.searchText ?? "")\"", "没有匹配「\(state.searchText ?? "")」的案件")
                state.messageIsError = false
            }
            return openSelected(state)
        case .documentLoaded(let document):
            state.document = document
            state.documentScroll = 0
            return []
        case .failed(let message):
            state.message = message
            state.messageIsError = true
            return []
        }
    }

    static func command(_ state: inout AppState, _ id: CommandID, count: Int = 1) -> [Effect] {
        let visible = state.visibleQueueRows
        if state.form != nil { return formCommand(&state, id) }
        if state.prompt != nil { return promptCommand(&state, id) }
        if state.confirmation != nil || state.stepMenu != nil { return overlayCommand(&state, id) }
        if state.document != nil { return documentCommand(&state, id) }
        if state.showHelp, [.moveDown, .moveUp, .pageDown, .pageUp].contains(id) {
            let forward = id == .moveDown || id == .pageDown
            state.helpPage = max(0, min(HelpOverlay.pages(state) - 1, state.helpPage + (forward ? 1 : -1)))
            return []
        }
        switch id {
        case .search:
            // A new search starts empty (Esc in the queue ends the current one).
            state.prompt = Prompt(kind: .search, text: "")
            return []
        case .palette:
            state.prompt = Prompt(kind: .palette, text: "")
            return []
        case .nextMatch, .previousMatch:
            guard state.searchText != nil, !state.queue.rows.isEmpty else {
                state.message = say(
                    state, "No search: / searches, then n and N move between the results", "尚未搜索：按 / 搜索，再用 n 和 N 在结果间移动"
                )
                state.messageIsError = true
                return []
            }
            let count = state.queue.rows.count
            let target = (state.queue.selected + (id == .nextMatch ? 1 : -1) + count) % count
            return move(&state, by: target - state.queue.selected)
        case .filter:
            state.prompt = Prompt(kind: .filter, text: state.filterText)
            return []
        case .sort:
            if state.searchText != nil {
                state.message = say(
                    state, "search results are in match order: Esc ends the search, then s sorts",
                    "搜索结果按匹配度排列：按 Esc 结束搜索后再按 s 排序")
                state.messageIsError = true
                return []
            }
            let orders = QueueOrder.allCases
            let next = orders[(orders.firstIndex(of: state.query.order)! + 1) % orders.count]
            state.query.order = next
            state.message = say(state, "Sorted by \(next.rawValue)", "按\(UIText.order(next).zh)排序")
            state.messageIsError = false
            return restartQueue(&state)
        case .undo:
            guard let last = state.undoable, let inverse = last.inverse else {
                state.message = say(state, "Nothing to undo", "没有可撤销的操作")
                state.messageIsError = true
                return []
            }
            state.undoable = nil
            state.message = say(state, "Undoing the \(last.description)", "正在撤销：\(last.description)")
            state.messageIsError = false
            return [inverse]
        case .nextView:
            state.view = state.view.next
            state.query = state.view.query(staff: state.staff, now: state.now, order: state.query.order)
            state.filterText = ""
            state.searchText = nil
            state.message = nil
            return restartQueue(&state)
        case .note, .urge, .requestEvidence, .addEvidence, .partyAction, .addIssue, .linkEvidence:
            guard let item = state.openCase else { return [] }
            let kind: Form.Kind =
                switch id {
                case .note: .note
                case .urge: .urge
                case .requestEvidence: .requestEvidence
                case .partyAction: .partyAction
                case .addIssue: .issue
                case .linkEvidence: .link
                default: .addEvidence
                }
            if let refusal = formRefusal(state, kind, on: item) {
                state.message = refusal
                state.messageIsError = true
                return []
            }
            var form = Form.make(
                kind, caseID: item.id, issues: state.issues.map(\.id), evidence: state.evidence.map(\.id))
            // Linking from the evidence pane starts at the selected item.
            if kind == .link, state.focus == .evidence, state.evidence.indices.contains(state.evidenceSelection) {
                form.fields[1].text = "#\(state.evidence[state.evidenceSelection].id)"
            }
            form.initial = form.fields
            state.form = form
            return []
        case .decide, .observe, .fulfil:
            return decisionForm(&state, id)
        case .notice:
            guard let item = state.openCase else { return [] }
            guard !state.decisions.rulings.isEmpty else {
                state.message = say(state, "#\(item.id) has no ruling yet", "#\(item.id) 尚无裁决")
                state.messageIsError = true
                return []
            }
            return [.loadNotice(item.id)]
        case .replay:
            guard let item = state.openCase else { return [] }
            return [.loadReplay(item.id)]
        case .advanceTime, .nextNote, .previousNote, .brief, .finish:
            return trainingCommand(&state, id)
        case .replayForward, .replayBack:
            return []
        case .dashboard:
            return [.loadDashboard(state.now)]
        case .submit, .erase, .nextField, .previousField, .chooseLeft, .chooseRight, .complete:
            return []
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
            state.helpPage = 0
            return []
        case .back:
            if state.showHelp {
                state.showHelp = false
            } else if state.focus == .queue && (state.searchText != nil || state.query.isFiltered) {
                // Esc in the queue clears a search or a filter, keeping the order.
                state.searchText = nil
                state.filterText = ""
                state.view = .all
                state.query = QueueQuery(order: state.query.order)
                state.message = nil
                return restartQueue(&state)
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
            if state.focus == .evidence {
                guard state.evidence.indices.contains(state.evidenceSelection) else { return [] }
                return [.loadEvidence(state.evidence[state.evidenceSelection])]
            }
            state.focus = .detail
            return openSelected(state, force: true)
        case .timeline:
            state.showTimeline.toggle()
            state.detailScroll = 0
            return olderTimeline(&state)
        case .moveDown: return move(&state, by: count)
        case .moveUp: return move(&state, by: -count)
        case .halfPageDown: return move(&state, by: count * max(1, visible / 2))
        case .halfPageUp: return move(&state, by: -count * max(1, visible / 2))
        case .pageDown: return move(&state, by: count * max(1, visible - 1))
        case .pageUp: return move(&state, by: -count * max(1, visible - 1))
        case .first:
            switch state.focus {
            case .queue:
                if state.queue.atStart { return move(&state, by: -state.queue.selected) }
                return [.loadQueue(.head, state.query)]
            case .detail: state.detailScroll = 0
            case .evidence: state.evidenceSelection = 0
            }
            return []
        case .last:
            switch state.focus {
            case .queue:
                if state.queue.atEnd { return move(&state, by: state.queue.rows.count) }
                return [.loadQueue(.tail, state.query)]
            case .detail:
                state.detailScroll = maxDetailScroll(state)
                return olderTimeline(&state)
            case .evidence: state.evidenceSelection = max(0, state.evidence.count - 1)
            }
            return []
        }
    }
}
