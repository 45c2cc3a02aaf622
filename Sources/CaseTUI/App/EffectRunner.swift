import CaseModel
import CaseStore
import CaseTraining
import Foundation

/// Carries out effects against the store and reports their results as actions.
public struct EffectRunner: Sendable {
    let database: any CaseStore
    let rules: RulePackCatalog
    let staff: StaffMember
    /// How many audit records a page of the timeline holds.
    static let timelinePage = 200
    let language: Language
    /// The time writes are stamped with: the wall clock, or a training sandbox's simulated clock.
    let clock: @Sendable () -> Date
    /// The scenario being played, in training mode.
    let training: TrainingSession?

    /// A runner over a database, acting as `staff` and sweeping under the given rule packs.
    public init(
        database: any CaseStore, rules: RulePackCatalog, staff: StaffMember, language: Language = .en,
        clock: @escaping @Sendable () -> Date = Date.init, training: TrainingSession? = nil
    ) {
        self.database = database
        self.rules = rules
        self.staff = staff
        self.language = language
        self.clock = clock
        self.training = training
    }

    /// Runs one effect; failures come back as a `.failed` action, never as a throw.
    public func run(_ effect: Effect) -> Action {
        do {
            switch effect {
            case .loadQueue(let request, let query):
                return try loadQueue(request, query)
            case .submitForm(let form):
                return try submit(form)
            case .search(let text):
                return .searchLoaded(try database.search(text, limit: QueueWindow.pageSize))
            case .loadCase(let id):
                let loaded = try database.fetchCase(id: id)
                let evidence = loaded == nil ? [] : try database.evidence(caseID: id)
                let issues = loaded == nil ? [] : try database.issues(caseID: id)
                let requests = loaded == nil ? [] : try database.evidenceRequests(caseID: id)
                // The newest page only: a case with a million records opens as fast as any other.
                var timeline =
                    loaded == nil
                    ? [] : try database.auditTrail(caseID: id, newest: Self.timelinePage + 1, before: nil)
                let older = timeline.count > Self.timelinePage
                if older { timeline.removeFirst() }
                let decisions = loaded == nil ? CaseDecisions() : try database.decisions(caseID: id)
                return .caseLoaded(
                    loaded, evidence, issues: issues, requests: requests, timeline: timeline, decisions: decisions,
                    olderRecords: older)
            case .loadOlderTimeline(let id, let before):
                var page = try database.auditTrail(caseID: id, newest: Self.timelinePage + 1, before: before)
                let older = page.count > Self.timelinePage
                if older { page.removeFirst() }
                return .olderTimelineLoaded(caseID: id, page, olderRecords: older)
            case .loadEvidence(let item):
                let content = try database.evidenceContent(caseID: item.caseID, evidenceID: item.id)
                let requests = try database.evidenceRequests(caseID: item.caseID)
                return .documentLoaded(
                    .evidence(
                        item, text: EvidenceText.text(item, content: content, requests: requests, language: language)))
            case .loadNotice(let id):
                return .documentLoaded(
                    .notice(caseID: id, text: try database.notice(caseID: id, rules: rules, language: language)))
            case .loadDashboard(let now):
                return .documentLoaded(.dashboard(try database.dashboard(now: now)))
            case .checkForChanges:
                return .changeToken(try database.changeToken())
            case .step(let id, let event, let version):
                let updated = try database.apply(
                    event, toCase: id, by: staff, expectedVersion: version, at: clock(), rules: rules)
                let undoable: Undoable? =
                    [.suspend, .resume].contains(event) ? .stepped(caseID: id, event: event) : nil
                return .caseChanged(
                    updated,
                    message: say(
                        "#\(id): \(event.rawValue) → \(updated.stage.rawValue)",
                        "#\(id)：\(event.rawValue) → \(updated.stage.label.zh)"), undoable: undoable)
            case .take(let id, let version):
                let updated = try database.take(caseID: id, by: staff, expectedVersion: version, at: clock())
                return .caseChanged(
                    updated, message: say("#\(id): taken by \(staff.name)", "#\(id)：已由 \(staff.name) 领取"),
                    undoable: .took(caseID: id))
            case .release(let id, let version):
                let updated = try database.release(caseID: id, by: staff, expectedVersion: version, at: clock())
                return .caseChanged(
                    updated, message: say("#\(id): released", "#\(id)：已释放"), undoable: .released(caseID: id))
            case .loadReplay(let id):
                let history = try database.replay(caseID: id)
                guard history.count > 0 else {
                    return .failed(say("#\(id) has no audit records to replay", "#\(id) 没有可回放的审计记录"))
                }
                return .documentLoaded(.replay(history, index: 0))
            case .advanceTraining:
                guard let training else { return .failed(say("not in training", "不在培训模式")) }
                let happened = try training.sandbox.advanceToNext().map { $0.text(language) }
                return .trainingAdvanced(happened, now: training.sandbox.now())
            case .checkTrainingProgress:
                guard let training else { return .trainingProgress(done: 0) }
                return .trainingProgress(done: try training.sandbox.stepsDone())
            case .finishTraining:
                guard let training else { return .failed(say("not in training", "不在培训模式")) }
                let sandbox = training.sandbox
                let score = try sandbox.score()
                var sheet = ScoreSheet.text(score, scenario: sandbox.scenario, catalogue: rules.catalogue)
                // The trainee sees the score even when the score book cannot keep it (locked, full).
                if let book = training.book {
                    do {
                        let earlier = try book.records(trainee: sandbox.trainee.name)
                            .filter { $0.scenario == sandbox.scenario.id }
                        try book.record(sandbox.record(score, at: training.wallClock()))
                        sheet = ScoreSheet.text(
                            score, scenario: sandbox.scenario, catalogue: rules.catalogue, earlier: earlier)
                    } catch {
                        let reason =
                            book.explain(error)?.message.text(language) ?? "\(error)"
                        sheet += "\n\n" + say("This score could not be kept: ", "本次得分未能保存：") + reason
                    }
                }
                return .documentLoaded(.score(sheet))
            case .sweep(let now):
                let report = try database.sweep(now: now, rules: rules)
                return .swept(
                    applied: report.applied.count, problems: report.problems.map { "#\($0.caseID): \($0.message)" })
            }
        } catch let error as any ExplainedError {
            if case .submitForm = effect { return .formRefused(error.message.text(language)) }
            return .failed(error.message.text(language))
        } catch {
            let message = database.explain(error)?.message.text(language) ?? "\(error)"
            if case .submitForm = effect { return .formRefused(message) }
            return .failed(message)
        }
    }

    /// A message in the interface language.
    func say(_ english: String, _ chinese: String) -> String { language == .zh ? chinese : english }

    /// Carries out a form's command; the store checks permissions and rules as for the CLI.
    func submit(_ form: Form) throws -> Action {
        let id = form.caseID
        let now = clock()
        switch form.kind {
        case .note:
            try database.addNote(caseID: id, text: form.value("Note"), by: staff, at: now)
            return .caseChanged(try database.fetchCase(id: id)!, message: say("#\(id): note added", "#\(id)：已添加备注"))
        case .urge:
            let party = PartyRole(rawValue: form.value("Party")) ?? .merchant
            try database.urge(caseID: id, party: party, message: form.value("Message"), by: staff, at: now)
            return .caseChanged(
                try database.fetchCase(id: id)!,
                message: say("#\(id): urged the \(party.rawValue)", "#\(id)：已督促\(party.label.zh)"))
        case .requestEvidence:
            let party = PartyRole(rawValue: form.value("From")) ?? .merchant
            let (request, updated) = try database.requestEvidence(
                caseID: id, from: party, what: form.value("What"), by: staff, at: now, rules: rules)
            return .caseChanged(
                updated,
                message: say(
                    "#\(id): evidence requested from the \(party.rawValue), due \(ISO8601Time.string(request.dueAt))",
                    "#\(id)：已要求\(party.label.zh)举证，截止 \(ISO8601Time.string(request.dueAt))"))
        case .partyAction:
            let party = PartyRole(rawValue: form.value("Party")) ?? .merchant
            let action = PartyAction(rawValue: form.value("Action")) ?? .respond
            try database.recordPartyAction(
                caseID: id, party: party, action: action, note: form.value("Their words"),
                tracking: form.value("Tracking"),
                at: now, by: staff, rules: rules)
            return .caseChanged(
                try database.fetchCase(id: id)!,
                message: say(
                    "#\(id): \(party.rawValue) \(action.rawValue) recorded",
                    "#\(id)：已代录\(party.label.zh) \(action.rawValue)"))
        case .issue:
            let issue = try database.addIssue(
                caseID: id, kind: IssueKind(rawValue: form.value("Kind")) ?? .faultUndeterminable,
                description: form.value("The point"), buyerConfirmedReceipt: form.value("Confirmed") == "yes",
                durableWithinSixMonths: form.value("Durable <6m") == "yes", by: staff, at: now)
            return .caseChanged(
                try database.fetchCase(id: id)!,
                message: say(
                    "#\(id): issue #\(issue.id), burden on the \(issue.burden.rawValue)",
                    "#\(id)：争议焦点 #\(issue.id)，由\(issue.burden.label.zh)举证"))
        case .link:
            let issue = Int64(form.value("Issue").dropFirst()) ?? 0
            let evidence = Int64(form.value("Evidence").dropFirst()) ?? 0
            try database.linkEvidence(caseID: id, issueID: issue, evidenceID: evidence, by: staff, at: now)
            return .caseChanged(
                try database.fetchCase(id: id)!,
                message: say(
                    "#\(id): evidence #\(evidence) linked to issue #\(issue)",
                    "#\(id)：证据 #\(evidence) 已关联争议焦点 #\(issue)"))
        case .ruling:
            let result = try database.submitRuling(
                caseID: id, draft: Self.terms(form, outcomeField: "Outcome", catalogue: rules.catalogue), by: staff,
                at: now, rules: rules)
            let message =
                result.reviewReason.map {
                    say(
                        "#\(id): ruling #\(result.ruling.id) waits for review (\($0.text.en))",
                        "#\(id)：裁决 #\(result.ruling.id) 待审核（\($0.text.zh)）")
                }
                ?? say(
                    "#\(id): ruling #\(result.ruling.id) in force, \(result.obligations.count) obligation(s)",
                    "#\(id)：裁决 #\(result.ruling.id) 已生效，\(result.obligations.count) 项履行义务")
            return .caseChanged(try database.fetchCase(id: id)!, message: message)
        case .review:
            let approve = form.value("Decision") == "approve"
            let (ruling, _) = try database.reviewRuling(
                caseID: id, approve: approve, comment: form.value("Comment"), by: staff, at: now, rules: rules)
            return .caseChanged(
                try database.fetchCase(id: id)!,
                message: approve
                    ? say("#\(id): ruling #\(ruling.id) approved, in force", "#\(id)：裁决 #\(ruling.id) 审核通过，已生效")
                    : say(
                        "#\(id): ruling #\(ruling.id) returned to \(ruling.mediator)",
                        "#\(id)：裁决 #\(ruling.id) 已退回 \(ruling.mediator) 修改"))
        case .appeal:
            let outcome = AppealOutcome(rawValue: form.value("Decision")) ?? .uphold
            let terms =
                outcome == .uphold ? nil : Self.terms(form, outcomeField: "New outcome", catalogue: rules.catalogue)
            let appeal = try database.decideAppeal(
                caseID: id, outcome: outcome,
                terms: terms.map {
                    var t = $0
                    t.reasons = form.value("Reasons")
                    return t
                },
                reasons: form.value("Reasons"), by: staff, at: now, rules: rules)
            return .caseChanged(
                try database.fetchCase(id: id)!,
                message: say(
                    "#\(id): appeal #\(appeal.id) \(outcome.label.en)", "#\(id)：申诉 #\(appeal.id) \(outcome.label.zh)"))
        case .observer:
            try database.recordObserverSignoff(
                caseID: id, observer: form.value("Observer"), statement: form.value("Statement"), by: staff, at: now)
            return .caseChanged(
                try database.fetchCase(id: id)!, message: say("#\(id): observer sign-off recorded", "#\(id)：已记录观察员意见"))
        case .fulfil:
            let obligation = Int64(form.value("Obligation").dropFirst()) ?? 0
            try database.fulfil(obligationID: obligation, caseID: id, note: form.value("Note"), by: staff, at: now)
            return .caseChanged(
                try database.fetchCase(id: id)!,
                message: say("#\(id): obligation #\(obligation) fulfilled", "#\(id)：义务 #\(obligation) 已履行"))
        case .addEvidence:
            let content: Data
            let path = form.value("File path")
            if !path.isEmpty {
                let expanded = (path as NSString).expandingTildeInPath
                do {
                    content = try EvidenceFile.read(expanded)
                } catch {
                    return .formRefused(error.message.text(language))
                }
            } else {
                content = Data(form.value("Or text").utf8)
            }
            let item = try database.addEvidence(
                caseID: id, kind: EvidenceKind(rawValue: form.value("Kind")) ?? .statement,
                source: EvidenceSource(rawValue: form.value("Source")) ?? .mediator,
                description: form.value("Describe"),
                content: content, at: now, by: staff)
            return .caseChanged(
                try database.fetchCase(id: id)!,
                message: say(
                    "#\(id): evidence #\(item.id) added, sha256 \(item.shortHash)…",
                    "#\(id)：已添加证据 #\(item.id)，sha256 \(item.shortHash)…"))
        }
    }

    /// The terms a deciding form describes: its outcome (with an amount when the remedy takes one),
    /// the statutory remedy if chosen, findings, reasons, citations and the declaration.
    static func terms(_ form: Form, outcomeField: String, catalogue: Catalogue) -> RulingDraft {
        var remedies: [OrderedRemedy] = []
        let outcome = form.value(outcomeField)
        if let remedy = catalogue.remedy(outcome) {
            let amount = remedy.amount == .required ? Money(yuanString: form.value("Amount ¥")) : nil
            remedies.append(OrderedRemedy(remedy: remedy.id, amount: amount))
        }
        let statutory = form.value("Statutory").split(separator: " ").first.map(String.init) ?? "none"
        if statutory != "none" { remedies.append(OrderedRemedy(remedy: statutory)) }
        var findings: [IssueFinding] = []
        for field in form.fields where field.label.hasPrefix("Finding #") && field.text != Form.keepFinding {
            guard let issue = Int64(field.label.dropFirst("Finding #".count)) else { continue }
            // An appeal's new finding without its own facts rests on the decision's reasons.
            let facts = form.value("Facts #\(issue)")
            findings.append(
                IssueFinding(
                    issueID: issue, finding: Finding(rawValue: field.text) ?? .undetermined,
                    note: facts.isEmpty && form.kind == .appeal ? form.value("Reasons") : facts))
        }
        return RulingDraft(
            remedies: remedies, findings: findings, reasons: form.value("Reasons"),
            citations: citations(form.value("Cite")), declaresNoConflict: form.value("No conflict") == "yes")
    }

    /// "CRPL-55, CC-582 marketplace@1 merchant_response" as citations: commas, 、 or spaces
    /// separate them, and a pack reference keeps the stage that follows it.
    static func citations(_ text: String) -> [String] {
        let words = text.split { $0 == "," || $0 == "，" || $0 == "、" || $0 == ";" || $0 == "；" || $0.isWhitespace }
            .map(String.init)
        var result: [String] = []
        var index = 0
        while index < words.count {
            if words[index].contains("@"), index + 1 < words.count {
                result.append("\(words[index]) \(words[index + 1])")
                index += 2
            } else {
                // Statute ids are written in capitals (CRPL-55); `crpl-55` means the same.
                result.append(words[index].uppercased())
                index += 1
            }
        }
        return result
    }

    func loadQueue(_ request: QueueRequest, _ query: QueueQuery) throws -> Action {
        let limit = QueueWindow.pageSize
        switch request {
        case .head:
            return .queueLoaded(
                request, try database.queuePage(query, limit: limit), total: try database.queueCount(query))
        case .tail:
            return .queueLoaded(
                request, try database.queuePage(query, before: nil, limit: limit), total: try database.queueCount(query)
            )
        case .after(let cursor):
            return .queueLoaded(request, try database.queuePage(query, after: cursor, limit: limit), total: nil)
        case .before(let cursor):
            return .queueLoaded(request, try database.queuePage(query, before: cursor, limit: limit), total: nil)
        case .around(let id):
            guard let item = try database.fetchCase(id: id) else {
                return .failed(say("there is no case #\(id)", "没有案件 #\(id)"))
            }
            return try refreshed(around: QueueCursor(of: item, order: query.order), query, followed: true)
        case .refresh(let previous, let follow):
            // The user's own change: follow the case to where it now sorts. Anyone else's: stay put.
            let anchor =
                follow
                ? try database.fetchCase(id: previous.id).map { QueueCursor(of: $0, order: query.order) } ?? previous
                : previous
            return try refreshed(around: anchor, query, followed: follow)
        }
    }

    /// The rows before `anchor` and from it on, with the first one's place in the queue.
    func refreshed(around anchor: QueueCursor, _ query: QueueQuery, followed follow: Bool) throws -> Action {
        let before = try database.queuePage(query, before: anchor, limit: QueueWindow.refreshBefore)
        let from = try database.queuePage(query, from: anchor, limit: QueueWindow.pageSize)
        let offset = try before.first.map { try database.queuePosition(query, of: $0.cursor(query.order)) } ?? 0
        return .queueRefreshed(
            before: before, from: from, offset: offset, total: try database.queueCount(query), followed: follow)
    }
}
