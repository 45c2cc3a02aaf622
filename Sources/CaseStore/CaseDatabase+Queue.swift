import CaseModel
import Foundation
import GRDB

extension CaseDatabase {
    static let sortKey = "ifnull(stage_deadline, \(Migrations.noDeadlineKey))"
    private static let queueColumns = "id, stage, stage_deadline, claim_amount_fen, title, assignee"

    // Keyset conditions written so SQLite seeks in the deadline index: a row-value comparison
    // such as (key, id) > (?, ?) is not used for a range on an expression index and scans.
    // Each takes the cursor's key twice, then its id.
    static let after = "\(sortKey) >= ? AND (\(sortKey) > ? OR id > ?)"
    static let from = "\(sortKey) >= ? AND (\(sortKey) > ? OR id >= ?)"
    static let before = "\(sortKey) <= ? AND (\(sortKey) < ? OR id < ?)"
    /// The queue's order.
    static let order = "\(sortKey), id"

    /// Up to `limit` queue rows in deadline order (no deadline last), starting after `cursor`.
    public func queuePage(after cursor: QueueCursor? = nil, limit: Int) throws -> [QueueRow] {
        try writer.read { db in
            if let cursor {
                return try Self.queueRows(
                    db,
                    sql: """
                        SELECT \(Self.queueColumns) FROM cases WHERE \(Self.after)
                        ORDER BY \(Self.sortKey), id LIMIT ?
                        """,
                    arguments: [cursor.deadlineKey, cursor.deadlineKey, cursor.id, limit])
            }
            return try Self.queueRows(
                db, sql: "SELECT \(Self.queueColumns) FROM cases ORDER BY \(Self.sortKey), id LIMIT ?", arguments: [limit])
        }
    }

    /// Up to `limit` queue rows starting at `cursor` itself (or the next row if it has gone).
    public func queuePage(from cursor: QueueCursor, limit: Int) throws -> [QueueRow] {
        try writer.read { db in
            try Self.queueRows(
                db,
                sql: """
                    SELECT \(Self.queueColumns) FROM cases WHERE \(Self.from)
                    ORDER BY \(Self.sortKey), id LIMIT ?
                    """,
                arguments: [cursor.deadlineKey, cursor.deadlineKey, cursor.id, limit])
        }
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
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit") ?? 0 }
    }

    /// Up to `limit` queue rows just before `cursor` (or the last rows), returned in queue order.
    public func queuePage(before cursor: QueueCursor?, limit: Int) throws -> [QueueRow] {
        try writer.read { db in
            let rows: [QueueRow]
            if let cursor {
                rows = try Self.queueRows(
                    db,
                    sql: """
                        SELECT \(Self.queueColumns) FROM cases WHERE \(Self.before)
                        ORDER BY \(Self.sortKey) DESC, id DESC LIMIT ?
                        """,
                    arguments: [cursor.deadlineKey, cursor.deadlineKey, cursor.id, limit])
            } else {
                rows = try Self.queueRows(
                    db, sql: "SELECT \(Self.queueColumns) FROM cases ORDER BY \(Self.sortKey) DESC, id DESC LIMIT ?",
                    arguments: [limit])
            }
            return rows.reversed()
        }
    }

    /// How many queue rows stand before `cursor`: the selection's position for the status bar.
    public func queuePosition(of cursor: QueueCursor) throws -> Int {
        try writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM cases WHERE \(Self.before)",
                arguments: [cursor.deadlineKey, cursor.deadlineKey, cursor.id]) ?? 0
        }
    }

    private static func queueRows(_ db: Database, sql: String, arguments: StatementArguments) throws -> [QueueRow] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            QueueRow(
                id: row[0],
                stage: try known(Stage.self, row[1], "cases.stage"),
                deadline: (row[2] as Int64?).map(Timestamp.date),
                claimAmount: Money(fen: row[3]),
                title: row[4],
                assignee: row[5])
        }
    }
}
