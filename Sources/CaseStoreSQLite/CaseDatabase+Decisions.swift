import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    /// Everything decided on a case.
    public func decisions(caseID: Int64) throws -> CaseDecisions {
        try writer.read { db in try Self.decisions(db, caseID: caseID) }
    }

    static func decisions(_ db: Database, caseID: Int64) throws -> CaseDecisions {
        var result = CaseDecisions()
        result.rulings = try rulings(db, caseID: caseID)
        result.obligations = try obligations(db, caseID: caseID)
        result.signoffs = try Row.fetchAll(
            db, sql: "SELECT observer, statement, recorded_by, at FROM observer_signoffs WHERE case_id = ? ORDER BY id",
            arguments: [caseID]
        ).map { ObserverSignoff(observer: $0[0], statement: $0[1], recordedBy: $0[2], at: Timestamp.date($0[3])) }
        result.appeals = try Row.fetchAll(
            db,
            sql: """
                SELECT id, case_id, ruling_id, party, grounds, filed_at, evidence_id, outcome, decided_by, reasons,
                    decided_at, new_ruling_id
                FROM appeals WHERE case_id = ? ORDER BY id
                """, arguments: [caseID]
        ).map { row in
            Appeal(
                id: row[0], caseID: row[1], rulingID: row[2], party: try known(PartyRole.self, row[3], "appeals.party"),
                grounds: row[4], filedAt: Timestamp.date(row[5]), evidenceID: row[6],
                outcome: try (row[7] as String?).map { try known(AppealOutcome.self, $0, "appeals.outcome") },
                decidedBy: row[8], reasons: row[9], decidedAt: (row[10] as Int64?).map(Timestamp.date),
                newRulingID: row[11])
        }
        return result
    }

    static func rulings(_ db: Database, caseID: Int64) throws -> [Ruling] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, case_id, revision, mediator, terms, favours, status, review_reason, reviewer,
                    review_comment, reviewed_at, appeal_id, created_at
                FROM rulings WHERE case_id = ? ORDER BY revision
                """, arguments: [caseID]
        ).map { row in
            let terms: String = row[4]
            return Ruling(
                id: row[0], caseID: row[1], revision: row[2], mediator: row[3],
                draft: try JSONDecoder().decode(RulingDraft.self, from: Data(terms.utf8)),
                favours: try known(Favours.self, row[5], "rulings.favours"),
                status: try known(RulingStatus.self, row[6], "rulings.status"), reviewReason: row[7],
                reviewer: row[8], reviewComment: row[9], reviewedAt: (row[10] as Int64?).map(Timestamp.date),
                appealID: row[11], createdAt: Timestamp.date(row[12]))
        }
    }

    static func obligations(_ db: Database, caseID: Int64) throws -> [Obligation] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, case_id, ruling_id, obligor, task, amount_fen, due_at, status, settled_at, note
                FROM obligations WHERE case_id = ? ORDER BY id
                """, arguments: [caseID]
        ).map { row in
            Obligation(
                id: row[0], caseID: row[1], rulingID: row[2],
                obligor: try known(PartyRole.self, row[3], "obligations.obligor"), task: row[4],
                amount: (row[5] as Int64?).map(Money.init(fen:)), dueAt: Timestamp.date(row[6]),
                status: try known(ObligationStatus.self, row[7], "obligations.status"),
                settledAt: (row[8] as Int64?).map(Timestamp.date), note: row[9])
        }
    }
}
