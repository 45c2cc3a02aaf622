import CaseModel
import CaseStore
import Foundation

/// Carries out effects against the store and reports their results as actions.
public struct EffectRunner: Sendable {
    let database: CaseDatabase
    let rules: RulePackCatalog
    let staff: StaffMember
    let language: Language

    /// A runner over a database, acting as `staff` and sweeping under the given rule packs.
    public init(database: CaseDatabase, rules: RulePackCatalog, staff: StaffMember, language: Language = .en) {
        self.database = database
        self.rules = rules
        self.staff = staff
        self.language = language
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
                return .searchLoaded(try database.search(text, limit: QueueWindow.pageSize - 1))
            case .loadCase(let id):
                let loaded = try database.fetchCase(id: id)
                let evidence = loaded == nil ? [] : try database.evidence(caseID: id)
                let issues = loaded == nil ? [] : try database.issues(caseID: id)
                let requests = loaded == nil ? [] : try database.evidenceRequests(caseID: id)
                let timeline = loaded == nil ? [] : try database.auditTrail(caseID: id)
                return .caseLoaded(loaded, evidence, issues: issues, requests: requests, timeline: timeline)
            case .checkForChanges:
                return .changeToken(try database.changeToken())
            case .step(let id, let event, let version):
                let updated = try database.apply(
                    event, toCase: id, by: staff, expectedVersion: version, at: Date(), rules: rules)
                let undoable: Undoable? =
                    [.suspend, .resume].contains(event) ? .stepped(caseID: id, event: event) : nil
                return .caseChanged(
                    updated,
                    message: say(
                        "#\(id): \(event.rawValue) → \(updated.stage.rawValue)",
                        "#\(id)：\(event.rawValue) → \(updated.stage.label.zh)"), undoable: undoable)
            case .take(let id, let version):
                let updated = try database.take(caseID: id, by: staff, expectedVersion: version, at: Date())
                return .caseChanged(
                    updated, message: say("#\(id): taken by \(staff.name)", "#\(id)：已由 \(staff.name) 领取"),
                    undoable: .took(caseID: id))
            case .release(let id, let version):
                let updated = try database.release(caseID: id, by: staff, expectedVersion: version, at: Date())
                return .caseChanged(
                    updated, message: say("#\(id): released", "#\(id)：已释放"), undoable: .released(caseID: id))
            case .sweep(let now):
                let report = try database.sweep(now: now, rules: rules)
                return .swept(
                    applied: report.applied.count, problems: report.problems.map { "#\($0.caseID): \($0.message)" })
            }
        } catch let error as StoreError {
            if case .submitForm = effect { return .formRefused(error.message.text(language)) }
            return .failed(error.message.text(language))
        } catch {
            if case .submitForm = effect { return .formRefused("\(error)") }
            return .failed("\(error)")
        }
    }

    /// A message in the interface language.
    func say(_ english: String, _ chinese: String) -> String { language == .zh ? chinese : english }

    /// Carries out a form's command; the store checks permissions and rules as for the CLI.
    func submit(_ form: Form) throws -> Action {
        let id = form.caseID
        let now = Date()
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
                    "#\(id): evidence requested from the \(party.rawValue), due \(ISO8601.string(request.dueAt))",
                    "#\(id)：已要求\(party.label.zh)举证，截止 \(ISO8601.string(request.dueAt))"))
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
        case .addEvidence:
            let content: Data
            let path = form.value("File path")
            if !path.isEmpty {
                let expanded = (path as NSString).expandingTildeInPath
                guard let data = FileManager.default.contents(atPath: expanded) else {
                    return .formRefused("cannot read the file \(path)")
                }
                content = data
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
        case .refresh(let previous):
            // Follow the selected case if it moved in the queue (its deadline changed).
            let anchor =
                try database.fetchCase(id: previous.id).map { QueueCursor(of: $0, order: query.order) } ?? previous
            let before = try database.queuePage(query, before: anchor, limit: QueueWindow.refreshBefore)
            let from = try database.queuePage(query, from: anchor, limit: limit)
            let offset = try before.first.map { try database.queuePosition(query, of: $0.cursor(query.order)) } ?? 0
            return .queueRefreshed(before: before, from: from, offset: offset, total: try database.queueCount(query))
        }
    }
}
