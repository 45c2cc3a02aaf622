import CaseModel
import Foundation
import GRDB

extension CaseDatabase {
    /// Decides the open appeal on a case. Uphold closes the case; modify and overturn put new terms
    /// in force (execution when someone owes something, closed otherwise).
    @discardableResult
    public func decideAppeal(
        caseID: Int64, outcome: AppealOutcome, terms: RulingDraft?, reasons: String, by staff: StaffMember,
        at now: Date, rules: RulePackCatalog
    ) throws -> Appeal {
        let why = reasons.trimmingCharacters(in: .whitespacesAndNewlines)
        return try writer.write { db in
            let member = try Self.require(db, staff, .decideAppeal)
            let current = try Self.current(db, caseID, nil)
            guard current.stage == .appealReview else {
                throw CaseError.wrongStage(
                    caseID: caseID, stage: current.stage, needed: .appealReview, doing: "an appeal decision")
            }
            let decisions = try Self.decisions(db, caseID: caseID)
            guard var appeal = decisions.openAppeal,
                let original = decisions.rulings.first(where: { $0.id == appeal.rulingID })
            else {
                throw CaseError.noRuling(
                    caseID: caseID, what: LocalizedText(en: "appeal awaiting a decision", zh: "待复核的申诉"))
            }
            if case .failure(let error) = RulingRules.checkAppealDecision(rulings: decisions.rulings, by: member.name) {
                throw CaseError.ruling([error])
            }
            guard !why.isEmpty else { throw CaseError.ruling([.reasonsRequired]) }
            let catalogue = rules.catalogue
            let pack = try Self.pack(for: current, rules)
            var newTerms = terms.map {
                RulingRules.withStatutoryAmounts($0, orderAmount: current.orderAmount, catalogue: catalogue)
            }
            // A point the decision makes no new finding on keeps the original ruling's finding.
            if var filled = newTerms {
                let given = Set(filled.findings.map(\.issueID))
                filled.findings += original.draft.findings.filter { !given.contains($0.issueID) }
                newTerms = filled
            }
            if case .failure(let error) = RulingRules.checkAppealOutcome(
                outcome, original: original, newTerms: newTerms, claim: current.claimAmount, catalogue: catalogue)
            {
                throw CaseError.ruling([error])
            }
            appeal.outcome = outcome
            appeal.decidedBy = member.name
            appeal.reasons = why
            appeal.decidedAt = now
            var obligations: [Obligation] = []
            if let newTerms, outcome != .uphold {
                let issueIDs = try Int64.fetchAll(
                    db, sql: "SELECT id FROM issues WHERE case_id = ? ORDER BY id", arguments: [caseID])
                let problems = RulingRules.problems(
                    newTerms, orderAmount: current.orderAmount, issueIDs: issueIDs, catalogue: catalogue, pack: pack)
                guard problems.isEmpty else { throw CaseError.ruling(problems) }
                try db.execute(
                    sql: "UPDATE rulings SET status = 'superseded' WHERE case_id = ? AND status = 'final'",
                    arguments: [caseID])
                var ruling = Ruling(
                    id: 0, caseID: caseID, revision: (decisions.latest?.revision ?? 0) + 1, mediator: member.name,
                    draft: newTerms, favours: newTerms.favours(claim: current.claimAmount, catalogue: catalogue),
                    status: .final, appealID: appeal.id, createdAt: now)
                ruling.id = try Self.insertRuling(db, ruling)
                appeal.newRulingID = ruling.id
                try Self.recordFindings(db, newTerms.findings)
                try Self.appendEvent(db, .ruled(try Self.entry(ruling)), at: now, actor: member.name, caseID: caseID)
                obligations = ObligationPlan.obligations(
                    for: newTerms, caseID: caseID, rulingID: ruling.id, catalogue: catalogue, pack: pack, at: now)
            }
            try db.execute(
                sql: """
                    UPDATE appeals SET outcome = ?, decided_by = ?, reasons = ?, decided_at = ?, new_ruling_id = ?
                    WHERE id = ?
                    """,
                arguments: [outcome.rawValue, member.name, why, Timestamp.seconds(now), appeal.newRulingID, appeal.id])
            try Self.appendEvent(
                db,
                .appealDecided(
                    appealID: appeal.id, party: appeal.party, rulingID: original.id, outcome: outcome, reasons: why,
                    newRulingID: appeal.newRulingID),
                at: now, actor: member.name, caseID: caseID)
            let event: LifecycleEvent = obligations.isEmpty ? .appealClosed : .appealUpheldForExecution
            try Self.apply(
                db, event, toCase: caseID, by: member, onBehalfOf: nil, expectedVersion: nil, at: now, rules: rules,
                dedicated: true)
            if !obligations.isEmpty { try Self.insertObligations(db, obligations, caseID: caseID, by: member, at: now) }
            return appeal
        }
    }

    /// Files a party's appeal against the ruling in force; called inside the event import's transaction
    /// after the lifecycle accepted the step (so a late appeal was already refused with its deadline).
    static func recordAppeal(
        _ db: Database, caseID: Int64, party: PartyRole, grounds: String?, evidenceID: Int64?, at: Date,
        pack: RulePack
    ) throws -> (id: Int64, rulingID: Int64, grounds: String) {
        let text = grounds?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty else { throw CaseError.emptyText(field: "the appeal's grounds ('note')") }
        let decisions = try decisions(db, caseID: caseID)
        guard let ruling = decisions.inForce else {
            throw CaseError.noRuling(
                caseID: caseID, what: LocalizedText(en: "ruling in force to appeal against", zh: "可申诉的生效裁决"))
        }
        guard decisions.appeals.count < pack.maxAppeals else {
            throw CaseError.appealLimit(caseID: caseID, allowed: pack.maxAppeals, pack: pack.reference)
        }
        try db.execute(
            sql: """
                INSERT INTO appeals (case_id, ruling_id, party, grounds, filed_at, evidence_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [caseID, ruling.id, party.rawValue, text, Timestamp.seconds(at), evidenceID])
        return (db.lastInsertedRowID, ruling.id, text)
    }
}
