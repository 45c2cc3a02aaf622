import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    /// Adds an item of evidence that arrives with its case (an import, an example), outside `decide`.
    @discardableResult
    static func addEvidence(
        _ db: Database, caseID: Int64, kind: EvidenceKind, source: EvidenceSource, description: String,
        content: Data, at: Date, actor: String
    ) throws -> Evidence {
        let hash = Hashing.sha256Hex(content)
        let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT ifnull(max(id), 0) + 1 FROM evidence")) ?? 1
        try insertEvidence(
            db, id: id, caseID: caseID, kind: kind, source: source, description: description, sha256: hash,
            content: content, at: at)
        try appendEvent(
            db, .evidenceAdded(evidenceID: id, kind: kind, source: source, description: description, sha256: hash),
            at: at, actor: actor, caseID: caseID)
        return Evidence(
            id: id, caseID: caseID, kind: kind, source: source, description: description, sha256: hash,
            submittedAt: at.wholeSeconds)
    }

    /// Stores an item's row and content and indexes its description.
    static func insertEvidence(
        _ db: Database, id: Int64, caseID: Int64, kind: EvidenceKind, source: EvidenceSource, description: String,
        sha256: String, content: Data, at: Date
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO evidence (id, case_id, kind, source, description, sha256, content, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            id, caseID, kind.rawValue, source.rawValue, description, sha256, content, Timestamp.seconds(at),
        ])
        try indexEvidence(db, id: id, description: description)
    }

    /// The evidence of a case, oldest first.
    public func evidenceContent(caseID: Int64, evidenceID: Int64) throws -> Data? {
        try writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT content FROM evidence WHERE case_id = ? AND id = ?", arguments: [caseID, evidenceID]
            ).map { ($0[0] as Data?) ?? Data() }
        }
    }

    public func evidence(caseID: Int64) throws -> [Evidence] {
        try writer.read { db in try Self.evidence(db, caseID: caseID) }
    }

    static func evidence(_ db: Database, caseID: Int64) throws -> [Evidence] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, case_id, kind, source, description, sha256, submitted_at
                FROM evidence WHERE case_id = ? ORDER BY submitted_at, id
                """,
            arguments: [caseID]
        ).map { row in
            Evidence(
                id: row[0], caseID: row[1],
                kind: try known(EvidenceKind.self, row[2], "evidence.kind"),
                source: try known(EvidenceSource.self, row[3], "evidence.source"),
                description: row[4], sha256: row[5], submittedAt: Timestamp.date(row[6]))
        }
    }
}
