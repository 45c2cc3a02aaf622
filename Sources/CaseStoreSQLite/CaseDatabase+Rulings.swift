import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    // MARK: Writing helpers

    /// The terms as stored and hashed: canonical JSON, keys sorted.
    static func termsJSON(_ draft: RulingDraft) throws -> String {
        String(decoding: try CaseEvent.encoder.encode(draft), as: UTF8.self)
    }

    @discardableResult
    static func insertRuling(_ db: Database, _ ruling: Ruling) throws -> Int64 {
        let terms = try termsJSON(ruling.draft)
        try db.execute(
            sql: """
                INSERT INTO rulings (id, case_id, revision, mediator, terms, sha256, favours, total_fen, status,
                    review_reason, appeal_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                ruling.id == 0 ? nil : ruling.id, ruling.caseID, ruling.revision, ruling.mediator, terms,
                Hashing.sha256Hex(Data(terms.utf8)),
                ruling.favours.rawValue, ruling.draft.total.fen, ruling.status.rawValue, ruling.reviewReason,
                ruling.appealID, Timestamp.seconds(ruling.createdAt),
            ])
        return db.lastInsertedRowID
    }

    static func recordFindings(_ db: Database, _ findings: [IssueFinding]) throws {
        for finding in findings {
            try db.execute(
                sql: "UPDATE issues SET finding = ?, finding_note = ? WHERE id = ?",
                arguments: [finding.finding.rawValue, finding.note, finding.issueID])
        }
    }
}
