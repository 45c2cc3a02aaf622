import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    /// Files a case; `id` 0 lets the database number it. Returns the stored case.
    @discardableResult
    public func insertCase(_ newCase: Case, actor: String) throws -> Case {
        try writer.write { db in try Self.insertCase(db, newCase, actor: actor) }
    }

    @discardableResult
    static func insertCase(_ db: Database, _ newCase: Case, actor: String) throws -> Case {
        var stored = newCase
        if stored.rulePack.isEmpty { stored.rulePack = try currentRulePack(db) }
        try recordParties(db, stored)
        let includeID = newCase.id != 0
        let columns =
            includeID ? CaseRecord.columns : CaseRecord.columns.replacingOccurrences(of: "id, title", with: "title")
        let placeholders = Array(repeating: "?", count: includeID ? 23 : 22).joined(separator: ", ")
        try db.cachedStatement(sql: "INSERT INTO cases (\(columns)) VALUES (\(placeholders))")
            .execute(arguments: CaseRecord.arguments(stored, includeID: includeID))
        stored.id = db.lastInsertedRowID
        try indexCase(db, stored)
        try appendEvent(
            db,
            .filed(
                stage: newCase.stage, rulePack: stored.rulePack, title: newCase.title,
                deadline: newCase.stageDeadline?.wholeSeconds, assignee: newCase.assignee,
                priority: newCase.priority, flags: newCase.flags.sorted(), suspendedFrom: newCase.suspendedFrom,
                pausedRemaining: newCase.pausedRemaining),
            at: newCase.createdAt,
            actor: actor, caseID: stored.id)
        return stored
    }

    /// Records (or renames) the case's buyer and merchant and records its order, before the case row refers to them.
    static func recordParties(_ db: Database, _ item: Case) throws {
        let upsertParty = try db.cachedStatement(
            sql: """
                INSERT INTO parties (account, name, updated_at) VALUES (?, ?, ?)
                ON CONFLICT(account) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
                WHERE excluded.updated_at >= parties.updated_at
                """)
        let at = Timestamp.seconds(item.updatedAt)
        try upsertParty.execute(arguments: [item.buyer.account, item.buyer.name, at])
        try upsertParty.execute(arguments: [item.merchant.account, item.merchant.name, at])
        try db.cachedStatement(
            sql:
                "INSERT OR IGNORE INTO orders (order_id, buyer_account, merchant_account, amount_fen) VALUES (?, ?, ?, ?)"
        ).execute(arguments: [item.orderID, item.buyer.account, item.merchant.account, item.orderAmount.fen])
    }

    /// The case with this number, or nil.
    public func fetchCase(id: Int64) throws -> Case? {
        try writer.read { db in try Self.fetchCase(db, id: id) }
    }

    static func fetchCase(_ db: Database, id: Int64) throws -> Case? {
        try Row.fetchOne(
            db.cachedStatement(sql: "SELECT \(CaseRecord.columns) FROM cases WHERE id = ?"), arguments: [id]
        )
        .map(CaseRecord.decode)
    }

    /// How many cases the database holds.
    public func caseCount() throws -> Int {
        try writer.unsafeRead { db in try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM cases")) ?? 0 }
    }
}
