import Foundation
import GRDBSQLite

/// The same queries issued straight through the SQLite C API: the floor the store is compared with.
final class DirectSQLite {
    private var connection: OpaquePointer?

    init(path: String, writable: Bool = false) throws {
        let flags = writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY
        guard sqlite3_open_v2(path, &connection, flags, nil) == SQLITE_OK else {
            throw BenchError("cannot open \(path) directly")
        }
    }

    deinit { sqlite3_close(connection) }

    /// The first column of the first row, as an integer.
    func firstInteger(_ sql: String, _ arguments: [Int64] = []) throws -> Int64 {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else {
            throw BenchError(String(cString: sqlite3_errmsg(connection)))
        }
        defer { sqlite3_finalize(statement) }
        for (index, value) in arguments.enumerated() { sqlite3_bind_int64(statement, Int32(index + 1), value) }
        guard sqlite3_step(statement) == SQLITE_ROW else { throw BenchError("no row for \(sql)") }
        return sqlite3_column_int64(statement, 0)
    }

    /// The first column of every row, as integers, for a query with one text argument.
    func integers(_ sql: String, _ text: String) throws -> [Int64] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else {
            throw BenchError(String(cString: sqlite3_errmsg(connection)))
        }
        defer { sqlite3_finalize(statement) }
        sqlite3_bind_text(statement, 1, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        var values: [Int64] = []
        while sqlite3_step(statement) == SQLITE_ROW { values.append(sqlite3_column_int64(statement, 0)) }
        return values
    }

    /// Prepares `sql`, binds integers, steps through every row reading each column, and finalises.
    @discardableResult
    func run(_ sql: String, _ arguments: [Int64] = []) throws -> Int {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else {
            throw BenchError(String(cString: sqlite3_errmsg(connection)))
        }
        defer { sqlite3_finalize(statement) }
        for (index, value) in arguments.enumerated() { sqlite3_bind_int64(statement, Int32(index + 1), value) }
        var rows = 0
        let columns = sqlite3_column_count(statement)
        while sqlite3_step(statement) == SQLITE_ROW {
            rows += 1
            for column in 0..<columns {
                // Touch each value as a caller would (text as text, numbers as numbers).
                if sqlite3_column_type(statement, column) == SQLITE_TEXT {
                    _ = sqlite3_column_text(statement, column)
                } else {
                    _ = sqlite3_column_int64(statement, column)
                }
            }
        }
        return rows
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
