import CaseModel
import Foundation
import GRDB

extension CaseDatabase {
    /// Adds an item of evidence to a case, fixing its content by SHA-256, and audits it.
    @discardableResult
    public func addEvidence(
        caseID: Int64, kind: EvidenceKind, source: EvidenceSource, description: String,
        content: Data, at: Date, by staff: StaffMember
    ) throws -> Evidence {
        let text = description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CaseError.emptyText(field: "the evidence description") }
        return try writer.write { db in
            let member = try Self.require(db, staff, .addEvidence)
            return try Self.addEvidence(
                db, caseID: caseID, kind: kind, source: source, description: text,
                content: content, at: at, actor: member.name)
        }
    }

    @discardableResult
    static func addEvidence(
        _ db: Database, caseID: Int64, kind: EvidenceKind, source: EvidenceSource, description: String,
        content: Data, at: Date, actor: String
    ) throws -> Evidence {
        guard try Int.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM cases WHERE id = ?"), arguments: [caseID]) != nil
        else {
            throw StoreError.caseNotFound(caseID)
        }
        let hash = Hashing.sha256Hex(content)
        try db.cachedStatement(
            sql: """
                INSERT INTO evidence (case_id, kind, source, description, sha256, content, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            caseID, kind.rawValue, source.rawValue, description, hash, content, Timestamp.seconds(at),
        ])
        let id = db.lastInsertedRowID
        try indexEvidence(db, id: id, description: description)
        try appendEvent(
            db, .evidenceAdded(evidenceID: id, kind: kind, source: source, description: description, sha256: hash),
            at: at, actor: actor, caseID: caseID)
        return Evidence(
            id: id, caseID: caseID, kind: kind, source: source, description: description, sha256: hash,
            submittedAt: Timestamp.date(Timestamp.seconds(at)))
    }

    /// The evidence of a case, oldest first.
    public func evidence(caseID: Int64) throws -> [Evidence] {
        try writer.read { db in
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
}
