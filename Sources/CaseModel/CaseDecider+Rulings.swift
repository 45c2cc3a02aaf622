import Foundation

extension Decision {
    /// A ruling on a case in decision: in force at once, or sent to a supervisor by the pack's review policy.
    mutating func submitRuling(_ draft: RulingDraft) throws(CaseError) {
        let member = try require(.rule)
        guard item.stage == .decision else {
            throw .wrongStage(caseID: item.id, stage: item.stage, needed: .decision, doing: "a ruling")
        }
        let senior = member.map { $0.role == .supervisor || $0.role == .admin } ?? true
        guard item.assignee == actor.name || senior else {
            throw .notYourCase(caseID: item.id, assignee: item.assignee)
        }
        let pack = try pack()
        let previous = file.decisions.rulings.last
        if previous?.status == .pendingReview { throw .rulingPending(caseID: item.id) }
        let catalogue = rules.catalogue
        let filled = RulingRules.withStatutoryAmounts(draft, orderAmount: item.orderAmount, catalogue: catalogue)
        let problems = RulingRules.problems(
            filled, orderAmount: item.orderAmount, issueIDs: file.issues.map(\.id), catalogue: catalogue, pack: pack)
        guard problems.isEmpty else { throw .ruling(problems) }
        // Citing the platform's own co-liability makes the case one of platform interest (observer required).
        if filled.citations.contains(Self.platformLiability) && !item.flags.contains(.platformInterest) {
            emit(.flagChanged(flag: .platformInterest, raised: true))
        }
        let revision = (previous?.revision ?? 0) + 1
        let reason = pack.review.reason(
            total: filled.total, flags: item.flags, caseID: item.id, revision: revision,
            afterReturn: previous?.status == .returned)
        let entry = RulingEntry(
            rulingID: file.next.ruling, revision: revision, mediator: actor.name, terms: filled,
            favours: filled.favours(claim: item.claimAmount, catalogue: catalogue), sha256: "",
            reviewReason: reason?.text.en, review: reason)
        emit(.ruled(entry))
        if reason == nil { try putInForce(entry) }
    }

    /// A supervisor approves the ruling waiting for review (it takes effect) or returns it with comments.
    mutating func reviewRuling(approve: Bool, comment: String) throws(CaseError) {
        let text = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        try require(.reviewRuling)
        guard let ruling = file.decisions.rulings.last, ruling.status == .pendingReview else {
            throw .noRuling(caseID: item.id, what: LocalizedText(en: "ruling awaiting review", zh: "待审核的裁决"))
        }
        if case .failure(let error) = RulingRules.checkReview(of: ruling, by: actor.name) { throw .ruling([error]) }
        // Whoever signed off as the independent observer cannot also be the ruling's reviewer.
        if let observer = file.decisions.signoffs.first(where: { $0.observer.lowercased() == actor.name.lowercased() })
        {
            throw .observerNotIndependent(caseID: item.id, observer: observer.observer)
        }
        if !approve && text.isEmpty { throw .ruling([.commentRequired]) }
        emit(
            .rulingReviewed(
                rulingID: ruling.id, revision: ruling.revision, mediator: ruling.mediator, approved: approve,
                comment: text.isEmpty ? nil : text))
        guard approve else { return }
        try putInForce(
            RulingEntry(
                rulingID: ruling.id, revision: ruling.revision, mediator: ruling.mediator, terms: ruling.draft,
                favours: ruling.favours, sha256: ""))
    }

    /// A ruling takes effect: the observer check, the `rule` step, and its obligations, the
    /// execution clock running to the last of their deadlines.
    mutating func putInForce(_ entry: RulingEntry) throws(CaseError) {
        if item.flags.contains(.platformInterest) && file.decisions.signoffs.isEmpty {
            throw .ruling([.observerSignoffMissing(caseID: item.id)])
        }
        var updated = try moved(by: .rule, party: nil)
        let obligations = try plan(entry.terms, rulingID: entry.rulingID)
        if let last = obligations.map(\.dueAt).max() {
            updated.stageDeadline = max(updated.stageDeadline ?? last, last)
        }
        emit(
            .stepped(
                event: .rule, move: StageMove(from: item, to: updated), note: .rulingInForce(rulingID: entry.rulingID)))
        for obligation in obligations { emit(.obligationCreated(ObligationEntry(obligation))) }
    }

    /// The obligations `terms` create, numbered from the next free number.
    func plan(_ terms: RulingDraft, rulingID: Int64) throws(CaseError) -> [Obligation] {
        let planned = ObligationPlan.obligations(
            for: terms, caseID: item.id, rulingID: rulingID, catalogue: rules.catalogue, pack: try pack(), at: now)
        return planned.enumerated().map { index, obligation in
            var numbered = obligation
            numbered.id = file.next.obligation + Int64(index)
            return numbered
        }
    }

    /// An independent observer's sign-off on a platform-interest case.
    mutating func observe(observer: StaffMember?, named: String, statement: String) throws(CaseError) {
        let named = try text(named, "the observer's name")
        let said = try text(statement, "the observer's statement")
        let inPerson = actor.staffRole == .observer
        if inPerson, case .staff(let member) = actor {
            try require(.observe)
            guard member.name == named else {
                throw .observerSignsForThemselves(observer: member.name, named: named)
            }
        } else {
            try require(.rule)
        }
        guard let observer, observer.role == .observer else { throw .observerNotRegistered(observer: named) }
        let name = observer.name
        guard item.flags.contains(.platformInterest) else { throw .notPlatformInterest(caseID: item.id) }
        guard item.stage.isOpen else { throw .finalStage(caseID: item.id, stage: item.stage) }
        // Independent means independent: not the ruling's author, its reviewer, nor the case's staff.
        let involved = Set(
            file.decisions.rulings.flatMap { [$0.mediator] + ($0.reviewer.map { [$0] } ?? []) }
                + [item.assignee, inPerson ? nil : actor.name].compactMap { $0 })
        if involved.contains(where: { $0.lowercased() == name.lowercased() }) {
            throw .observerNotIndependent(caseID: item.id, observer: name)
        }
        emit(.observerSignedOff(observer: name, statement: said))
    }

    /// An obligation carried out, by the party or enforced by the platform; late after a default.
    mutating func fulfil(_ id: Int64, note: String) throws(CaseError) {
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        try require(.step)
        guard let obligation = file.decisions.obligations.first(where: { $0.id == id }), obligation.isOutstanding
        else { throw .obligationNotOpen(caseID: item.id, obligationID: id) }
        emit(
            .obligationFulfilled(
                obligationID: id, label: obligation.label(.empty), late: obligation.status == .defaulted,
                note: text.isEmpty ? nil : text))
    }

    /// The open appeal decided: uphold closes the case; modify and overturn put new terms in force
    /// (execution when someone owes something, closed otherwise).
    mutating func decideAppeal(_ outcome: AppealOutcome, terms: RulingDraft?, reasons: String) throws(CaseError) {
        let why = reasons.trimmingCharacters(in: .whitespacesAndNewlines)
        try require(.decideAppeal)
        guard item.stage == .appealReview else {
            throw .wrongStage(caseID: item.id, stage: item.stage, needed: .appealReview, doing: "an appeal decision")
        }
        let decisions = file.decisions
        guard let appeal = decisions.openAppeal,
            let original = decisions.rulings.first(where: { $0.id == appeal.rulingID })
        else {
            throw .noRuling(caseID: item.id, what: LocalizedText(en: "appeal awaiting a decision", zh: "待复核的申诉"))
        }
        if case .failure(let error) = RulingRules.checkAppealDecision(rulings: decisions.rulings, by: actor.name) {
            throw .ruling([error])
        }
        guard !why.isEmpty else { throw .ruling([.reasonsRequired]) }
        let catalogue = rules.catalogue
        let pack = try pack()
        var newTerms = terms.map {
            RulingRules.withStatutoryAmounts($0, orderAmount: item.orderAmount, catalogue: catalogue)
        }
        // A point the decision makes no new finding on keeps the original ruling's finding.
        if var filled = newTerms {
            let given = Set(filled.findings.map(\.issueID))
            filled.findings += original.draft.findings.filter { !given.contains($0.issueID) }
            newTerms = filled
        }
        if case .failure(let error) = RulingRules.checkAppealOutcome(
            outcome, original: original, newTerms: newTerms, claim: item.claimAmount, catalogue: catalogue)
        {
            throw .ruling([error])
        }
        var obligations: [Obligation] = []
        var newRulingID: Int64?
        if let newTerms, outcome != .uphold {
            let problems = RulingRules.problems(
                newTerms, orderAmount: item.orderAmount, issueIDs: file.issues.map(\.id), catalogue: catalogue,
                pack: pack)
            guard problems.isEmpty else { throw .ruling(problems) }
            let entry = RulingEntry(
                rulingID: file.next.ruling, revision: (decisions.latest?.revision ?? 0) + 1, mediator: actor.name,
                terms: newTerms, favours: newTerms.favours(claim: item.claimAmount, catalogue: catalogue), sha256: "",
                appealID: appeal.id)
            emit(.ruled(entry))
            newRulingID = entry.rulingID
            obligations = try plan(newTerms, rulingID: entry.rulingID)
        }
        emit(
            .appealDecided(
                appealID: appeal.id, party: appeal.party, rulingID: original.id, outcome: outcome, reasons: why,
                newRulingID: newRulingID))
        let event: LifecycleEvent = obligations.isEmpty ? .appealClosed : .appealUpheldForExecution
        var updated = try moved(by: event, party: nil)
        if let last = obligations.map(\.dueAt).max() {
            updated.stageDeadline = max(updated.stageDeadline ?? last, last)
        }
        emit(.stepped(event: event, move: StageMove(from: item, to: updated), note: nil))
        for obligation in obligations { emit(.obligationCreated(ObligationEntry(obligation))) }
    }
}
