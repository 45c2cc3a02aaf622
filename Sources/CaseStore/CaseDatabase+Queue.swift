import CaseModel
import Foundation
import GRDB

extension CaseDatabase {
    static let sortKey = "ifnull(stage_deadline, \(Migrations.noDeadlineKey))"
    static let queueColumns = "id, stage, stage_deadline, claim_amount_fen, title, assignee"

    // Keyset paging in two seeks, each a range on the (deadline key, id) index: the rows that
    // tie with the cursor's key, then the rows past it. A row-value comparison such as
    // (key, id) > (?, ?), or an OR of the two, makes SQLite scan the index instead, which at a
    // million cases (most of them closed, all tied on "no deadline") costs milliseconds.
    static let tiesAfter = "SELECT \(queueColumns) FROM cases WHERE \(sortKey) = ? AND id > ? ORDER BY id LIMIT ?"
    static let tiesFrom = "SELECT \(queueColumns) FROM cases WHERE \(sortKey) = ? AND id >= ? ORDER BY id LIMIT ?"
    static let keysAfter = "SELECT \(queueColumns) FROM cases WHERE \(sortKey) > ? ORDER BY \(sortKey), id LIMIT ?"
    static let tiesBefore =
        "SELECT \(queueColumns) FROM cases WHERE \(sortKey) = ? AND id < ? ORDER BY id DESC LIMIT ?"
    static let keysBefore =
        "SELECT \(queueColumns) FROM cases WHERE \(sortKey) < ? ORDER BY \(sortKey) DESC, id DESC LIMIT ?"
    static let head = "SELECT \(queueColumns) FROM cases ORDER BY \(sortKey), id LIMIT ?"
    static let tail = "SELECT \(queueColumns) FROM cases ORDER BY \(sortKey) DESC, id DESC LIMIT ?"
    /// Every statement the queue runs, for the query-plan test.
    static let keysetStatements = [tiesAfter, tiesFrom, keysAfter, tiesBefore, keysBefore, head, tail]

    /// Up to `limit` queue rows in deadline order (no deadline last), starting after `cursor`.
    public func queuePage(after cursor: QueueCursor? = nil, limit: Int) throws -> [QueueRow] {
        // One statement is a consistent snapshot by itself: no transaction needed around it.
        guard let cursor else { return try writer.unsafeRead { db in try Self.queueRows(db, Self.head, [limit]) } }
        return try writer.read { db in try Self.forward(db, ties: Self.tiesAfter, cursor, limit) }
    }

    /// Up to `limit` queue rows starting at `cursor` itself (or the next row if it has gone).
    public func queuePage(from cursor: QueueCursor, limit: Int) throws -> [QueueRow] {
        try writer.read { db in try Self.forward(db, ties: Self.tiesFrom, cursor, limit) }
    }

    static func forward(_ db: Database, ties: String, _ cursor: QueueCursor, _ limit: Int) throws -> [QueueRow] {
        var rows = try queueRows(db, ties, [cursor.deadlineKey, cursor.id, limit])
        if rows.count < limit { rows += try queueRows(db, keysAfter, [cursor.deadlineKey, limit - rows.count]) }
        return rows
    }

    /// How many cases stand in each stage.
    public func countByStage() throws -> [Stage: Int] {
        try writer.read { db in
            var counts: [Stage: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT stage, count(*) FROM cases GROUP BY stage") {
                counts[try known(Stage.self, row[0], "cases.stage")] = row[1]
            }
            return counts
        }
    }

    /// A number that changes whenever anything in the database changes: every write appends
    /// an audit record, so the newest record's id serves, whichever process wrote it.
    public func changeToken() throws -> Int64 {
        try writer.unsafeRead { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM audit")) ?? 0
        }
    }

    /// Up to `limit` queue rows just before `cursor` (or the last rows), returned in queue order.
    public func queuePage(before cursor: QueueCursor?, limit: Int) throws -> [QueueRow] {
        try writer.read { db in
            guard let cursor else { return try Self.queueRows(db, Self.tail, [limit]).reversed() }
            var rows = try Self.queueRows(db, Self.tiesBefore, [cursor.deadlineKey, cursor.id, limit])
            if rows.count < limit {
                rows += try Self.queueRows(db, Self.keysBefore, [cursor.deadlineKey, limit - rows.count])
            }
            return rows.reversed()
        }
    }

    /// How many queue rows stand before `cursor`: the selection's position for the status bar.
    public func queuePosition(of cursor: QueueCursor) throws -> Int {
        try writer.read { db in
            let earlier = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT count(*) FROM cases WHERE \(Self.sortKey) < ?"),
                arguments: [cursor.deadlineKey]) ?? 0
            let ties = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT count(*) FROM cases WHERE \(Self.sortKey) = ? AND id < ?"),
                arguments: [cursor.deadlineKey, cursor.id]) ?? 0
            return earlier + ties
        }
    }

    private static func queueRows(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws -> [QueueRow] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map(queueRow)
    }

    /// A row selected with `queueColumns`.
    static func queueRow(_ row: Row) throws -> QueueRow {
        QueueRow(
            id: row[0],
            stage: try known(Stage.self, row[1], "cases.stage"),
            deadline: (row[2] as Int64?).map(Timestamp.date),
            claimAmount: Money(fen: row[3]),
            title: row[4],
            assignee: row[5])
    }
}
