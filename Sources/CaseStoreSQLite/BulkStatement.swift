import CaseInterchange
import CaseStore
import Foundation
import GRDB
import GRDBSQLite

/// A prepared INSERT bound straight through the SQLite C API, for bulk loads where building
/// GRDB argument arrays row by row would cost more than SQLite's own work.
struct BulkStatement {
    /// SQLite copies bound text and blobs (SQLITE_TRANSIENT), so Swift buffers may go at once.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    let statement: Statement
    private var handle: OpaquePointer { statement.sqliteStatement }
    private var index: Int32 = 0

    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    mutating func bind(_ value: Int64) {
        index += 1
        sqlite3_bind_int64(handle, index, value)
    }

    mutating func bind(_ value: Int64?) {
        guard let value else { return bindNull() }
        bind(value)
    }

    mutating func bind(_ value: String) {
        index += 1
        sqlite3_bind_text(handle, index, value, -1, Self.transient)
    }

    mutating func bind(_ value: String?) {
        guard let value else { return bindNull() }
        bind(value)
    }

    mutating func bind(_ value: Data) {
        index += 1
        value.withUnsafeBytes { bytes in
            _ = sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
        }
    }

    mutating func bindNull() {
        index += 1
        sqlite3_bind_null(handle, index)
    }

    /// Runs the statement with what was bound, then resets it for the next row.
    mutating func step(_ db: Database) throws {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            index = 0
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}
