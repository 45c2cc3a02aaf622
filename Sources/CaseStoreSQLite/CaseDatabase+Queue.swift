import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    static let queueColumns =
        "id, stage, stage_deadline, claim_amount_fen, title, assignee, created_at, priority, flags"

    // Keyset paging in two seeks on the order's (key, id) index: the rows that tie with the
    // cursor's key, then the rows past it. A row-value comparison such as (key, id) > (?, ?),
    // or an OR of the two, makes SQLite scan the index instead, which at a million cases
    // (most of them closed, all tied on "no deadline") costs milliseconds. INDEXED BY keeps a
    // filter from tempting the planner into another index and a sort.
    enum Seek {
        case tiesAfter, tiesFrom, keysAfter, tiesBefore, keysBefore, head, tail
    }

    static func sql(_ seek: Seek, _ query: QueueQuery) -> String {
        let key = query.order.key
        let select = "SELECT \(queueColumns) FROM cases INDEXED BY \(query.order.index)"
        let filter = query.conditions.sql
        switch seek {
        // Within one key the index is in id order, so the ties sort by id alone (sorting by the key
        // too would make SQLite sort the matches itself).
        case .tiesAfter: return "\(select) WHERE \(key) = ? AND id > ? AND (\(filter)) ORDER BY id LIMIT ?"
        case .tiesFrom: return "\(select) WHERE \(key) = ? AND id >= ? AND (\(filter)) ORDER BY id LIMIT ?"
        case .keysAfter: return "\(select) WHERE \(key) > ? AND (\(filter)) ORDER BY \(key), id LIMIT ?"
        case .tiesBefore:
            return "\(select) WHERE \(key) = ? AND id < ? AND (\(filter)) ORDER BY id DESC LIMIT ?"
        case .keysBefore: return "\(select) WHERE \(key) < ? AND (\(filter)) ORDER BY \(key) DESC, id DESC LIMIT ?"
        case .head: return "\(select) WHERE (\(filter)) ORDER BY \(key), id LIMIT ?"
        case .tail: return "\(select) WHERE (\(filter)) ORDER BY \(key) DESC, id DESC LIMIT ?"
        }
    }

    /// Up to `limit` rows of the queue, in the query's order, starting after `cursor`.
    public func queuePage(_ query: QueueQuery = .all, after cursor: QueueCursor? = nil, limit: Int) throws -> [QueueRow]
    {
        guard let cursor else {
            // One statement is a consistent snapshot by itself: no transaction needed around it.
            return try writer.unsafeRead { db in try Self.rows(db, .head, query, [], limit: limit) }
        }
        return try writer.read { db in try Self.forward(db, .tiesAfter, query, cursor, limit) }
    }

    /// Up to `limit` rows starting at `cursor` itself (or the next row if it has gone).
    public func queuePage(_ query: QueueQuery = .all, from cursor: QueueCursor, limit: Int) throws -> [QueueRow] {
        try writer.read { db in try Self.forward(db, .tiesFrom, query, cursor, limit) }
    }

    /// Up to `limit` rows just before `cursor` (or the last rows), returned in queue order.
    public func queuePage(_ query: QueueQuery = .all, before cursor: QueueCursor?, limit: Int) throws -> [QueueRow] {
        try writer.read { db in
            guard let cursor else { return try Self.rows(db, .tail, query, [], limit: limit).reversed() }
            var rows = try Self.rows(db, .tiesBefore, query, [cursor.key, cursor.id], limit: limit)
            if rows.count < limit {
                rows += try Self.rows(db, .keysBefore, query, [cursor.key], limit: limit - rows.count)
            }
            return rows.reversed()
        }
    }

    static func forward(
        _ db: Database, _ ties: Seek, _ query: QueueQuery, _ cursor: QueueCursor, _ limit: Int
    ) throws -> [QueueRow] {
        var rows = try Self.rows(db, ties, query, [cursor.key, cursor.id], limit: limit)
        if rows.count < limit { rows += try Self.rows(db, .keysAfter, query, [cursor.key], limit: limit - rows.count) }
        return rows
    }

    /// How many rows stand before `cursor`: the selection's position for the status bar.
    public func queuePosition(_ query: QueueQuery = .all, of cursor: QueueCursor) throws -> Int {
        try writer.read { db in
            let (filter, arguments) = query.conditions
            let key = query.order.key
            let earlier =
                try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT count(*) FROM cases WHERE \(key) < ? AND (\(filter))"),
                    arguments: [cursor.key] + arguments) ?? 0
            let ties =
                try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT count(*) FROM cases WHERE \(key) = ? AND id < ? AND (\(filter))"),
                    arguments: [cursor.key, cursor.id] + arguments) ?? 0
            return earlier + ties
        }
    }

    /// How many cases the query selects.
    public func queueCount(_ query: QueueQuery = .all) throws -> Int {
        guard query.isFiltered else { return try caseCount() }
        return try writer.unsafeRead { db in
            let (filter, arguments) = query.conditions
            return try Int.fetchOne(
                db.cachedStatement(sql: "SELECT count(*) FROM cases WHERE \(filter)"), arguments: arguments) ?? 0
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
        try writer.unsafeRead { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM audit")) ?? 0
        }
    }

    /// Runs a seek: its cursor arguments, then the filter's, then the limit.
    private static func rows(_ db: Database, _ seek: Seek, _ query: QueueQuery, _ positional: [Int64], limit: Int)
        throws -> [QueueRow]
    {
        let (_, filterArguments) = query.conditions
        var arguments = StatementArguments(positional)
        arguments += filterArguments
        arguments += [limit]
        return try Row.fetchAll(db.cachedStatement(sql: sql(seek, query)), arguments: arguments).map(queueRow)
    }

    /// A row selected with `queueColumns`.
    static func queueRow(_ row: Row) throws -> QueueRow {
        QueueRow(
            id: row[0],
            stage: try known(Stage.self, row[1], "cases.stage"),
            deadline: (row[2] as Int64?).map(Timestamp.date),
            claimAmount: Money(fen: row[3]),
            title: row[4],
            assignee: row[5],
            createdAt: Timestamp.date(row[6]),
            priority: row[7],
            flags: try flags(row[8]))
    }
}
