import Foundation

/// The rules of working a case, as a pure function: an intent on a case file, by someone, at a
/// moment, under the rule packs, gives the events that record it, or the rule that refuses it.
///
/// Nothing here reads a clock, a file or a database: the store loads the file, calls `decide`,
/// and commits the events (see `docs/architecture.md`).
public enum CaseDecider {
    /// The events `intent` records, or why it is refused. No events means nothing to do (taking a
    /// case one already holds, a flag already raised).
    public static func decide(
        _ intent: CaseIntent, on file: CaseFile, by actor: CaseActor, at now: Date, rules: RulePackCatalog
    ) -> Result<[CaseEvent], CaseError> {
        var decision = Decision(file: file, actor: actor, recorded: intent.recordedActor(actor), now: now, rules: rules)
        do {
            try decision.decide(intent)
            return .success(decision.events)
        } catch {
            return .failure(error)
        }
    }
}

/// One decision under way: the file as the events so far leave it, and those events.
struct Decision {
    var file: CaseFile
    let actor: CaseActor
    /// The name the records show.
    let recorded: String
    let now: Date
    let rules: RulePackCatalog
    var events: [CaseEvent] = []

    init(file: CaseFile, actor: CaseActor, recorded: String, now: Date, rules: RulePackCatalog) {
        self.file = file
        self.actor = actor
        self.recorded = recorded
        self.now = now
        self.rules = rules
    }

    var item: Case { file.item }

    /// Records an event and folds it into the file, so later rules see it.
    mutating func emit(_ event: CaseEvent) {
        events.append(event)
        file.apply(event, at: now, by: recorded)
    }

    /// The staff member acting, checked for `permission`; the system passes every check.
    ///
    /// Working a case someone holds (its steps, requests, urging, points in dispute, priority and
    /// flags) is theirs: another mediator is refused; a supervisor or an admin may, on the record.
    @discardableResult
    func require(_ permission: Permission) throws(CaseError) -> StaffMember? {
        guard case .staff(let member) = actor else { return nil }
        if case .failure(let error) = member.check(permission) { throw .permission(error) }
        if Self.holdersWork.contains(permission) { try requireHolder(permission) }
        return member
    }

    /// Refuses another mediator's work on a case someone holds; supervisors and admins pass.
    func requireHolder(_ permission: Permission) throws(CaseError) {
        guard case .staff(let member) = actor, let holder = item.assignee, holder != member.name,
            member.role != .supervisor && member.role != .admin
        else { return }
        throw .heldByAnother(caseID: item.id, assignee: holder, permission: permission)
    }

    /// The statute that makes the platform co-liable (E-commerce Law art. 38): a ruling citing it
    /// is a ruling on the platform's own interest.
    static let platformLiability = "ECL-38"

    /// What only a case's holder (or a supervisor) may do to it.
    static let holdersWork: Set<Permission> = [.step, .urge, .recordIssue]

    func pack() throws(CaseError) -> RulePack {
        guard let pack = rules.pack(item.rulePack) else {
            throw .unknownRulePack(caseID: item.id, reference: item.rulePack)
        }
        return pack
    }

    /// The text, trimmed; an empty one is refused naming the field.
    func text(_ value: String, _ field: String) throws(CaseError) -> String {
        let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .emptyText(field: field) }
        return text
    }

    mutating func decide(_ intent: CaseIntent) throws(CaseError) {
        switch intent {
        case .take:
            let member = try require(.take)
            let name = member?.name ?? actor.name
            if let holder = item.assignee, holder != name { throw .takenBy(caseID: item.id, assignee: holder) }
            guard item.assignee != name else { return }
            emit(.taken(from: item.assignee, to: name))
        case .release:
            let member = try require(.release)
            let senior = member.map { $0.role == .supervisor || $0.role == .admin } ?? true
            guard let holder = item.assignee, holder == actor.name || senior else {
                throw .notAssignee(caseID: item.id, assignee: item.assignee)
            }
            emit(.released(from: holder))
        case .urge(let party, let message):
            let text = try text(message, "the urging message")
            try require(.urge)
            guard item.stage.isOpen else { throw .finalStage(caseID: item.id, stage: item.stage) }
            emit(.urged(party: party, message: text))
        case .note(let value):
            let text = try text(value, "the note")
            try require(.note)
            emit(.noted(text: text))
        case .setPriority(let level):
            guard Priority.levels.contains(level) else { throw .invalidPriority(level) }
            try require(.step)
            guard item.priority != level else { return }
            emit(.priorityChanged(from: item.priority, to: level))
        case .setFlag(let flag, let on, let reason):
            guard flag.isManual else { throw .automaticFlag(flag) }
            let member = try require(.step)
            guard item.flags.contains(flag) != on else { return }
            if flag == .platformInterest && !on {
                // The flag is what calls in an independent observer: only a supervisor lifts it, saying why,
                // and never while the ruling in force (or waiting) rests on the platform's own liability.
                guard member.map({ $0.role == .supervisor || $0.role == .admin }) ?? true else {
                    throw .platformInterestLocked(caseID: item.id, reason: .supervisorOnly)
                }
                if let ruling = file.decisions.latest, ruling.draft.citations.contains(Self.platformLiability) {
                    throw .platformInterestLocked(caseID: item.id, reason: .citesPlatformLiability(rulingID: ruling.id))
                }
                let why = try text(reason ?? "", "the reason for lifting the platform-interest flag")
                emit(.flagChanged(flag: flag, raised: false))
                emit(.noted(text: "platform interest lifted: \(why)"))
                return
            }
            emit(.flagChanged(flag: flag, raised: on))
        case .step(let event, let party):
            // A party's step entered by staff (--on-behalf-of) is the holder's work too; the feed's own
            // events arrive as `.party` and are not staff work.
            if party != nil { try requireHolder(.step) }
            try step(event, party: party, note: nil, dedicated: false)
        case .requestEvidence(let party, let what):
            try requestEvidence(from: party, what: what)
        case .addEvidence(let kind, let source, let description, let sha256):
            let text = try text(description, "the evidence description")
            try require(.addEvidence)
            emit(
                .evidenceAdded(
                    evidenceID: file.next.evidence, kind: kind, source: source, description: text, sha256: sha256))
        case .addIssue(let kind, let description, let confirmed, let durable):
            let text = try text(description, "the issue's description")
            try require(.recordIssue)
            let burden = BurdenRules.burden(
                for: kind, buyerConfirmedReceipt: confirmed, durableWithinSixMonths: durable)
            emit(
                .issueAdded(
                    issueID: file.next.issue, kind: kind, description: text, burden: burden.party,
                    burdenReason: burden.reason, buyerConfirmedReceipt: confirmed, durableWithinSixMonths: durable))
        case .linkEvidence(let issueID, let evidenceID):
            try require(.recordIssue)
            guard let issue = file.issues.first(where: { $0.id == issueID }) else {
                throw .issueNotFound(caseID: item.id, issueID: issueID)
            }
            guard file.evidence.contains(where: { $0.id == evidenceID }) else {
                throw .evidenceNotFound(caseID: item.id, evidenceID: evidenceID)
            }
            guard !issue.evidenceIDs.contains(evidenceID) else { return }
            emit(.evidenceLinked(evidenceID: evidenceID, issueID: issueID))
        case .recordFinding(let issueID, let finding, let note):
            let text = try text(note, "the finding's reasoning")
            try require(.recordIssue)
            guard file.issues.contains(where: { $0.id == issueID }) else {
                throw .issueNotFound(caseID: item.id, issueID: issueID)
            }
            emit(.findingRecorded(issueID: issueID, finding: finding, note: text))
        case .submitRuling(let draft): try submitRuling(draft)
        case .reviewRuling(let approve, let comment): try reviewRuling(approve: approve, comment: comment)
        case .observe(let observer, let named, let statement):
            try observe(observer: observer, named: named, statement: statement)
        case .fulfil(let id, let note): try fulfil(id, note: note)
        case .decideAppeal(let outcome, let terms, let reasons):
            try decideAppeal(outcome, terms: terms, reasons: reasons)
        case .party(let entry): try party(entry)
        case .expire: try expire()
        case .defaultObligation(let id): try defaultObligation(id)
        }
    }

    /// A lifecycle step by staff (or by a party, entered for them); ruling steps only when `dedicated`.
    mutating func step(_ event: LifecycleEvent, party: PartyRole?, note: StepNote?, dedicated: Bool)
        throws(CaseError)
    {
        if !dedicated, Lifecycle.rulingSteps.contains(event) {
            let command = event == .rule ? "casedesk case rule" : "casedesk case decide-appeal"
            throw .useCommand(event: event, command: command)
        }
        let updated = try moved(by: event, party: party)
        emit(.stepped(event: event, move: StageMove(from: item, to: updated), note: note))
    }

    /// The case after a lifecycle step, every rule of the step checked.
    func moved(by event: LifecycleEvent, party: PartyRole?) throws(CaseError) -> Case {
        let member = try require(.view)
        let kind: ActorKind
        if let party {
            kind = party == .buyer ? .buyer : .merchant
        } else if let member {
            kind = Permissions.actorKind(for: member.role)
        } else {
            kind = .system
        }
        try require(Permissions.permission(for: event, as: kind))
        let pack = try pack()
        if event == .executed {
            let open = file.decisions.obligations.filter { $0.status == .open }
            if !open.isEmpty {
                throw .obligationsOutstanding(
                    caseID: item.id, labels: open.map { "#\($0.id) \($0.label(rules.catalogue).en)" })
            }
        }
        switch item.applying(event, by: kind, at: now, pack: pack) {
        case .success(let next): return next
        case .failure(let error): throw .lifecycle(error)
        }
    }

    mutating func requestEvidence(from party: PartyRole, what: String) throws(CaseError) {
        let text = try text(what, "what is requested")
        let member = try require(.step)
        let pack = try pack()
        let due = (pack.deadline(entering: .evidence, at: now) ?? now.addingTimeInterval(3 * 86_400)).wholeSeconds
        var updated: Case
        switch item.stage {
        case .intervention:
            let kind = member.map { Permissions.actorKind(for: $0.role) } ?? .system
            switch item.applying(.requestEvidence, by: kind, at: now, deadline: due) {
            case .success(let next): updated = next
            case .failure(let error): throw .lifecycle(error)
            }
        case .evidence:
            updated = item
            updated.stageDeadline = max(item.stageDeadline ?? due, due)
        default:
            throw .lifecycle(.notAllowed(event: .requestEvidence, stage: item.stage))
        }
        emit(
            .evidenceRequested(
                requestID: file.next.request, party: party, what: text, due: due, rulePack: pack.reference,
                move: StageMove(from: item, to: updated)))
    }
}
