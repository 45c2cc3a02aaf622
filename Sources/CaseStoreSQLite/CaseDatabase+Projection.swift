import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    /// Writes what one event adds or changes in the tables beside the case row (which `commit`
    /// writes once from the folded case). Every number comes from the event.
    static func project(
        _ event: CaseEvent, on file: CaseFile, _ db: Database, by actor: String, at now: Date,
        contents: [String: Data]
    ) throws {
        let caseID = file.item.id
        let at = Timestamp.seconds(now)
        switch event {
        case .evidenceRequested(let id, let party, let what, let due, _, _):
            try db.execute(
                sql: """
                    INSERT INTO evidence_requests (id, case_id, party, what, opened_at, due_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [id, caseID, party.rawValue, what, at, Timestamp.seconds(due)])
        case .evidenceAdded(let id, let kind, let source, let description, let sha256):
            guard let content = contents[sha256] else {
                throw StoreError.cannotOpen(path: "evidence #\(id)", reason: "its content was not given to the store")
            }
            try insertEvidence(
                db, id: id, caseID: caseID, kind: kind, source: source, description: description, sha256: sha256,
                content: content, at: now)
        case .issueAdded(let id, let kind, let description, let burden, _, let confirmed, let durable):
            try db.execute(
                sql: """
                    INSERT INTO issues (id, case_id, kind, description, burden, buyer_confirmed_receipt,
                        durable_within_six_months, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, caseID, kind.rawValue, description, burden.rawValue, confirmed, durable, at])
        case .evidenceLinked(let evidenceID, let issueID):
            try db.execute(
                sql: "INSERT OR IGNORE INTO issue_evidence (issue_id, evidence_id) VALUES (?, ?)",
                arguments: [issueID, evidenceID])
        case .findingRecorded(let issueID, let finding, let note):
            try recordFindings(db, [IssueFinding(issueID: issueID, finding: finding, note: note)])
        case .ruled(let entry):
            let replaced: RulingStatus = entry.appealID == nil ? .returned : .final
            try db.execute(
                sql: "UPDATE rulings SET status = 'superseded' WHERE case_id = ? AND status = ?",
                arguments: [caseID, replaced.rawValue])
            let waits = entry.appealID == nil && entry.reviewReason != nil
            try insertRuling(
                db,
                Ruling(
                    id: entry.rulingID, caseID: caseID, revision: entry.revision, mediator: entry.mediator,
                    draft: entry.terms, favours: entry.favours, status: waits ? .pendingReview : .final,
                    reviewReason: entry.reviewReason, appealID: entry.appealID, createdAt: now))
            try recordFindings(db, entry.terms.findings)
        case .rulingReviewed(let id, _, _, let approved, let comment):
            try db.execute(
                sql: "UPDATE rulings SET status = ?, reviewer = ?, review_comment = ?, reviewed_at = ? WHERE id = ?",
                arguments: [(approved ? RulingStatus.final : .returned).rawValue, actor, comment, at, id])
        case .observerSignedOff(let observer, let statement):
            try db.execute(
                sql:
                    "INSERT INTO observer_signoffs (case_id, observer, statement, recorded_by, at) VALUES (?, ?, ?, ?, ?)",
                arguments: [caseID, observer, statement, actor, at])
        case .obligationCreated(let entry):
            try db.execute(
                sql: """
                    INSERT INTO obligations (id, case_id, ruling_id, obligor, task, amount_fen, due_at, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'open')
                    """,
                arguments: [
                    entry.obligationID, caseID, entry.rulingID, entry.obligor.rawValue, entry.task, entry.amount?.fen,
                    Timestamp.seconds(entry.due),
                ])
        case .obligationFulfilled(let id, _, _, let note):
            try db.execute(
                sql: "UPDATE obligations SET status = 'fulfilled', settled_at = ?, note = ? WHERE id = ?",
                arguments: [at, note, id])
        case .obligationDefaulted(let id, _, _, let due, _, _):
            try db.execute(
                sql: "UPDATE obligations SET status = 'defaulted', settled_at = ? WHERE id = ?",
                arguments: [Timestamp.seconds(due), id])
        case .appealFiled(let id, let rulingID, let party, let grounds, let evidenceID, _):
            try db.execute(
                sql: """
                    INSERT INTO appeals (id, case_id, ruling_id, party, grounds, filed_at, evidence_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, caseID, rulingID, party.rawValue, grounds, at, evidenceID])
        case .appealDecided(let id, _, _, let outcome, let reasons, let newRulingID):
            try db.execute(
                sql: """
                    UPDATE appeals SET outcome = ?, decided_by = ?, reasons = ?, decided_at = ?, new_ruling_id = ?
                    WHERE id = ?
                    """, arguments: [outcome.rawValue, actor, reasons, at, newRulingID, id])
        case .filed, .taken, .released, .stepped, .deadlineExpired, .urged, .noted, .partyActed, .priorityChanged,
            .flagChanged, .seeded, .staffAdded, .staffRoleChanged, .rulePackChosen:
            break
        }
    }
}
