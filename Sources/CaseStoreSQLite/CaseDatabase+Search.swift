import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    /// Cases whose title, account, party names or evidence descriptions contain every term of
    /// `text` (Chinese or English), newest first.
    public func search(_ text: String, limit: Int = 50) throws -> [QueueRow] {
        guard let query = SearchText.query(text) else { return [] }
        return try writer.read { db in
            // Newest first lets FTS5 walk its rowids in order and stop at the limit.
            var ids = try Int64.fetchAll(
                db.cachedStatement(
                    sql: "SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid DESC LIMIT ?"),
                arguments: [query, limit])
            ids += try Int64.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT DISTINCT e.case_id FROM evidence e
                        WHERE e.id IN (SELECT rowid FROM evidence_search WHERE evidence_search MATCH ?
                                       ORDER BY rowid DESC LIMIT ?)
                        """),
                arguments: [query, limit])
            let chosen = Array(Set(ids)).sorted(by: >).prefix(limit)
            guard !chosen.isEmpty else { return [] }
            let placeholders = Array(repeating: "?", count: chosen.count).joined(separator: ",")
            return try Row.fetchAll(
                db,
                sql: "SELECT \(Self.queueColumns) FROM cases WHERE id IN (\(placeholders)) ORDER BY id DESC",
                arguments: StatementArguments(Array(chosen))
            ).map(Self.queueRow)
        }
    }

    /// Adds a case's searchable text to the index; call inside the write that files it.
    static func indexCase(_ db: Database, _ item: Case) throws {
        try indexCase(
            db, id: item.id,
            fields: [
                item.title, item.narrative, item.buyer.name, item.buyer.account, item.merchant.name,
                item.merchant.account, item.orderID,
            ])
    }

    static func indexCase(_ db: Database, id: Int64, fields: [String]) throws {
        try db.cachedStatement(sql: "INSERT INTO case_search (rowid, text) VALUES (?, ?)")
            .execute(arguments: [id, SearchText.indexed(fields.joined(separator: " "))])
    }

    /// Adds an evidence item's description to the index; call inside the write that adds it.
    static func indexEvidence(_ db: Database, id: Int64, description: String) throws {
        try db.cachedStatement(sql: "INSERT INTO evidence_search (rowid, text) VALUES (?, ?)")
            .execute(arguments: [id, SearchText.indexed(description)])
    }
}
