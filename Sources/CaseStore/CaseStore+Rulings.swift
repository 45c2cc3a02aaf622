import CaseModel
import Foundation

/// Rulings, review, sign-offs, obligations and appeals, each one intent over `perform`.
extension CaseStore {
    /// Submits a ruling on a case in decision. It takes effect at once (case to execution, obligations
    /// created) unless the pack's review policy sends it to a supervisor first.
    @discardableResult
    public func submitRuling(
        caseID: Int64, draft: RulingDraft, by staff: StaffMember, expectedVersion: Int? = nil, at now: Date,
        rules: RulePackCatalog
    ) throws -> RulingSubmission {
        let commit = try perform(
            .submitRuling(draft), on: caseID, by: staff, expectedVersion: expectedVersion, at: now, rules: rules)
        guard let ruling = commit.file.decisions.rulings.last else { throw StoreError.caseNotFound(caseID) }
        let reason = commit.events.lazy.compactMap { event -> ReviewReason? in
            if case .ruled(let entry) = event { return entry.review }
            return nil
        }.first
        return RulingSubmission(ruling: ruling, reviewReason: reason, obligations: commit.createdObligations)
    }

    /// A supervisor approves the ruling waiting for review (it takes effect) or returns it with comments.
    @discardableResult
    public func reviewRuling(
        caseID: Int64, approve: Bool, comment: String, by staff: StaffMember, at now: Date, rules: RulePackCatalog
    ) throws -> (ruling: Ruling, obligations: [Obligation]) {
        let commit = try perform(
            .reviewRuling(approve: approve, comment: comment), on: caseID, by: staff, at: now, rules: rules)
        guard let ruling = commit.file.decisions.rulings.last else { throw StoreError.caseNotFound(caseID) }
        return (ruling, commit.createdObligations)
    }

    /// Records an independent observer's sign-off on a platform-interest case: `observer` names a
    /// registered staff member of the observer role, who may be `staff` signing in person.
    public func recordObserverSignoff(
        caseID: Int64, observer: String, statement: String, by staff: StaffMember, at now: Date
    ) throws {
        let named = observer.trimmingCharacters(in: .whitespacesAndNewlines)
        let registered = try self.staff().first { $0.name == named }
        try perform(
            .observe(observer: registered, named: named, statement: statement), on: caseID, by: staff, at: now,
            rules: .none)
    }

    /// Records an obligation as carried out (by the party, or enforced by the platform).
    public func fulfil(obligationID: Int64, caseID: Int64, note: String, by staff: StaffMember, at now: Date) throws {
        try perform(.fulfil(obligationID: obligationID, note: note), on: caseID, by: staff, at: now, rules: .none)
    }

    /// Decides the open appeal on a case. Uphold closes the case; modify and overturn put new terms
    /// in force (execution when someone owes something, closed otherwise).
    @discardableResult
    public func decideAppeal(
        caseID: Int64, outcome: AppealOutcome, terms: RulingDraft?, reasons: String, by staff: StaffMember,
        at now: Date, rules: RulePackCatalog
    ) throws -> Appeal {
        let commit = try perform(
            .decideAppeal(outcome, terms: terms, reasons: reasons), on: caseID, by: staff, at: now, rules: rules)
        guard let appeal = commit.file.decisions.appeals.last(where: { $0.outcome != nil }) else {
            throw StoreError.caseNotFound(caseID)
        }
        return appeal
    }

    /// The ruling notice of a case as the parties receive it, in `language`: the ruling in force,
    /// or the latest revision marked as not yet in force.
    public func notice(caseID: Int64, rules: RulePackCatalog, language: Language) throws -> String {
        let file = try caseFile(id: caseID)
        guard let ruling = file.decisions.inForce ?? file.decisions.latest else {
            throw CaseError.noRuling(caseID: caseID, what: LocalizedText(en: "ruling yet", zh: "裁决"))
        }
        guard let pack = rules.pack(file.item.rulePack) else {
            throw CaseError.unknownRulePack(caseID: caseID, reference: file.item.rulePack)
        }
        return RulingNotice.render(
            case: file.item, ruling: ruling, issues: file.issues, obligations: file.decisions.obligations,
            appeals: file.decisions.appeals, catalogue: rules.catalogue, pack: pack, language: language)
    }
}

extension Commit {
    /// The obligations the commit created, as stored.
    public var createdObligations: [Obligation] {
        let ids = Set(
            events.compactMap { event -> Int64? in
                if case .obligationCreated(let entry) = event { return entry.obligationID }
                return nil
            })
        return file.decisions.obligations.filter { ids.contains($0.id) }
    }
}
