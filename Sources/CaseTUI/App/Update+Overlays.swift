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
            // Typed text is never thrown away by one key: the first Esc asks, a second discards.
            guard form.isChanged, !form.discardAsked else {
                state.form = nil
                return []
            }
            form.discardAsked = true
            form.error = say(
                state, "Esc again discards what you typed; Enter saves it", "再按 Esc 将丢弃已输入的内容；按 Enter 保存")
            state.form = form
            return []
        case .submit:
            if let problem = form.problem {
                form.error = problem
            } else {
                // The form closes at once, so it cannot be sent twice and the panes answer keys while
                // the store works; it comes back with the reason if the store refuses it.
                form.error = nil
                form.discardAsked = false
                state.form = nil
                state.submittedForms.append(form)
                return [.submitForm(form)]
            }
        default: break
        }
        if id != .back { form.discardAsked = false }
        state.form = form
        return []
    }

    /// Selects case `id` in the queue, wherever it sorts; a search or filter that might hide it is cleared.
    static func jump(_ state: inout AppState, to id: Int64) -> [Effect] {
        state.prompt = nil
        state.focus = .queue
        if state.searchText != nil || state.query.isFiltered || state.view != .all {
            state.searchText = nil
            state.filterText = ""
            state.view = .all
            state.query = QueueQuery(order: state.query.order)
            state.message = say(state, "#\(id): showing all cases", "#\(id)：显示全部案件")
            state.messageIsError = false
        }
        return [.loadQueue(.around(caseID: id), state.query)]
    }

    /// Why `kind` cannot be saved on `item` by the person at the console, before a word is typed:
    /// a read-only database, a role without the permission, a case someone else holds, a ruling on
    /// a case not taken. Nil when it can (the store checks everything again on saving).
    static func formRefusal(_ state: AppState, _ kind: Form.Kind, on item: Case) -> String? {
        if state.readOnly {
            return say(state, "this database is open read-only: nothing can be saved", "数据库以只读方式打开：无法保存任何更改")
        }
        let me = state.staff
        let permission: Permission =
            switch kind {
            case .note: .note
            case .urge: .urge
            case .requestEvidence, .fulfil: .step
            case .addEvidence: .addEvidence
            case .partyAction: .recordPartyEvent
            case .issue, .link: .recordIssue
            case .ruling: .rule
            case .review: .reviewRuling
            case .appeal: .decideAppeal
            case .observer: me.role == .observer ? .observe : .rule
            }
        if case .failure(let error) = me.check(permission) { return error.message.text(state.language) }
        let senior = me.role == .supervisor || me.role == .admin
        let holdersWork: Set<Form.Kind> = [.urge, .requestEvidence, .fulfil, .partyAction, .issue, .link, .ruling]
        if !senior, holdersWork.contains(kind), let holder = item.assignee, holder != me.name {
            return say(
                state, "#\(item.id) is held by \(holder): only they or a supervisor can do this",
                "#\(item.id) 由 \(holder) 承办：只有承办人或主管可以操作")
        }
        if kind == .ruling, !senior, item.assignee != me.name {
            return say(
                state, "#\(item.id): take the case (T) before writing its ruling", "#\(item.id)：请先领取案件（T）再作出裁决")
        }
        return nil
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
            // `#1234` (search or palette) or `1234` (palette) jumps to that case.
            let number = text.hasPrefix("#") ? String(text.dropFirst()) : prompt.kind == .palette ? text : ""
            if prompt.kind != .filter, !number.isEmpty, number.allSatisfy(\.isASCII), let id = Int64(number), id > 0 {
                return jump(&state, to: id)
            }
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
        let usable = CommandTable.available(
            in: .pane(state.focus), for: state.staff.role, training: state.training != nil)
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

extension Update {
    /// Keys while a document is open: scroll it, Esc or q closes it.
    static func documentCommand(_ state: inout AppState, _ id: CommandID) -> [Effect] {
        let page = max(1, state.height - 6)
        switch id {
        case .back: state.document = nil
        case .quit: state.shouldQuit = true
        case .moveDown: state.documentScroll += 1
        case .moveUp: state.documentScroll -= 1
        case .pageDown: state.documentScroll += page
        case .pageUp: state.documentScroll -= page
        case .halfPageDown: state.documentScroll += page / 2
        case .halfPageUp: state.documentScroll -= page / 2
        case .first: state.documentScroll = 0
        case .last: state.documentScroll = Int.max / 2
        case .replayForward, .replayBack:
            guard case .replay(let history, let index) = state.document else { break }
            let next = max(0, min(history.count - 1, index + (id == .replayForward ? 1 : -1)))
            state.document = .replay(history, index: next)
            if next != index { state.documentScroll = 0 }
        default: break
        }
        state.documentScroll = max(0, min(state.documentScroll, DocumentView.maxScroll(state)))
        return []
    }

    /// Opens the form the case needs: a ruling in decision (or its review, for a supervisor, when
    /// one waits), the appeal decision in appeal review, the observer's sign-off, a fulfilment.
    static func decisionForm(_ state: inout AppState, _ id: CommandID) -> [Effect] {
        guard let item = state.openCase else { return [] }
        let catalogue = state.rules.catalogue
        let claim = min(item.claimAmount, item.orderAmount)
        var choices = Form.DecisionChoices(
            remedies: catalogue.remedies.map(\.id),
            statutory: catalogue.remedies.compactMap { remedy in
                remedy.calculator.map {
                    let award = $0.award(pricePaid: item.orderAmount)
                    return "\(remedy.id) \(award.amount.formatted) (\(award.formula))"
                }
            },
            amount: claim.fen > 0 ? String(format: "%lld.%02lld", claim.fen / 100, claim.fen % 100) : "",
            obligations: state.decisions.obligations.filter(\.isOutstanding).map { "#\($0.id)" })
        if choices.remedies.isEmpty { choices.remedies = [Catalogue.claimRejected] }
        func refuse(_ en: String, _ zh: String) -> [Effect] {
            state.message = say(state, en, zh)
            state.messageIsError = true
            return []
        }
        let kind: Form.Kind
        switch id {
        case .observe:
            guard item.flags.contains(.platformInterest) else {
                return refuse(
                    "#\(item.id) is not flagged platform-interest: no observer is needed", "#\(item.id) 未涉及平台利益，无需观察员")
            }
            choices.observers = state.staff.role == .observer ? [state.staff.name] : state.observers
            guard !choices.observers.isEmpty else {
                return refuse(
                    "no independent observer is registered: an admin adds one with `casedesk staff add NAME --role observer`",
                    "尚未登记独立观察员：请管理员执行 `casedesk staff add 姓名 --role observer`")
            }
            kind = .observer
        case .fulfil:
            guard !choices.obligations.isEmpty else {
                return refuse("#\(item.id) owes nothing: no obligation is outstanding", "#\(item.id) 没有待履行的义务")
            }
            kind = .fulfil
        default:
            switch item.stage {
            case .decision where state.decisions.latest?.status == .pendingReview:
                guard Permissions.allows(state.staff.role, .reviewRuling) else {
                    return refuse(
                        "#\(item.id): the ruling waits for a supervisor's review", "#\(item.id)：裁决正在等待主管审核")
                }
                kind = .review
            case .decision:
                kind = .ruling
            case .appealReview:
                guard Permissions.allows(state.staff.role, .decideAppeal) else {
                    return refuse("#\(item.id): a supervisor decides the appeal", "#\(item.id)：申诉由主管裁决")
                }
                kind = .appeal
            default:
                return refuse(
                    "#\(item.id) is in stage \(item.stage.rawValue): nothing to rule on (rulings are made in decision)",
                    "#\(item.id) 处于「\(item.stage.label.zh)」阶段，无需裁决")
            }
        }
        if let refusal = formRefusal(state, kind, on: item) { return refuse(refusal, refusal) }
        var form = Form.make(kind, caseID: item.id, issues: state.issues.map(\.id), choices: choices)
        // A returned ruling is revised, not retyped: its terms come back with the supervisor's comment.
        if kind == .ruling, let returned = state.decisions.rulings.last, returned.status == .returned {
            form.prefill(revising: returned, language: state.language)
        }
        state.form = form
        return []
    }
}

extension Update {
    /// The training keys: time, the walkthrough's notes, the brief, and finishing with a score.
    static func trainingCommand(_ state: inout AppState, _ id: CommandID) -> [Effect] {
        guard var training = state.training else { return [] }
        switch id {
        case .advanceTime:
            return [.advanceTraining]
        case .nextNote, .previousNote:
            let last = max(0, training.notes.count - 1)
            training.step = max(0, min(last, training.step + (id == .nextNote ? 1 : -1)))
            state.training = training
        case .brief:
            state.document = .brief(briefText(training, language: state.language))
            state.documentScroll = 0
        case .finish:
            return [.finishTraining]
        default:
            break
        }
        return []
    }

    /// The brief: what the scenario teaches, then every step note, the current one marked.
    static func briefText(_ training: TrainingStatus, language: Language) -> String {
        var lines = [training.title, "", training.summary, ""]
        for (index, note) in training.notes.enumerated() {
            let mark = index == training.step ? "▶" : " "
            lines.append("\(mark) \(UIText.trainingStep.text(language)) \(index + 1). \(note)")
        }
        lines.append("")
        lines.append(
            language == .zh
                ? "按键：> 推进时间  ] [ 切换步骤  = 结束并评分  B 本说明"
                : "Keys: > advance time  ] [ step notes  = finish and score  B this brief")
        return lines.joined(separator: "\n")
    }
}
