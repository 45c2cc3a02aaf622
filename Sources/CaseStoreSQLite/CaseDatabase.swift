import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

/// The SQLite conformer of `CaseStore`: the one place that talks to SQLite.
///
/// Every change to a case is `perform`: one transaction that re-reads the acting person's role,
/// lets `CaseDecider` decide, projects the events into the tables and appends them to the
/// hash-chained audit log, so a change and its record commit together or not at all.
public final class CaseDatabase: Sendable {
    let writer: any DatabaseWriter
    /// Where the database lives, for messages ("in memory" for tests).
    public let path: String

    /// Opens (creating if needed) the database file at `path` in WAL mode and migrates it.
    ///
    /// A new file is created with mode 0600 (only its owner reads it: it holds personal data),
    /// or 0660 and owned by `group` when a shared group is named. A file this user may not
    /// write is opened read-only (`isReadOnly`), and every write is refused with that reason.
    /// `readOnly` opens an existing database read-only on purpose (to browse a production copy).
    /// A database written by a newer CaseDesk is refused and left untouched.
    public convenience init(path: String, group: String? = nil, readOnly: Bool = false) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: error.localizedDescription)
        }
        let exists = FileManager.default.fileExists(atPath: path)
        let directory = url.deletingLastPathComponent().path
        let writable =
            FileManager.default.isWritableFile(atPath: path) && FileManager.default.isWritableFile(atPath: directory)
        if exists && writable && !readOnly {
            // Look before opening for writing: a newer database must not be touched at all.
            try Self.refuseNewerSchema(path: path)
        } else if !exists {
            try FileModes.create(path: path, group: group)
        }
        if exists && (!writable || readOnly) {
            var config = Self.configuration
            config.readonly = true
            // A WAL database needs its -shm index beside it; where this user may not create one,
            // browse a private copy instead (later changes by others are not seen until reopened).
            var queue: DatabaseQueue?
            var copy: String?
            var failure = ""
            for attempt in 0..<2 {
                var candidate = path
                if attempt == 1 {
                    let scratch = FileManager.default.temporaryDirectory
                        .appendingPathComponent("casedesk-readonly-\(getpid())-\(UUID().uuidString).sqlite").path
                    do {
                        try FileModes.create(path: scratch, group: nil)
                        try FileManager.default.removeItem(atPath: scratch)
                        try FileManager.default.copyItem(atPath: path, toPath: scratch)
                    } catch {
                        failure = "\(error)"
                        break
                    }
                    candidate = scratch
                    copy = scratch
                }
                do {
                    // The private copy leaves WAL mode (so it needs no index), then opens read-only too.
                    if attempt == 1 {
                        var convert = config
                        convert.readonly = false
                        let writable = try DatabaseQueue(path: candidate, configuration: convert)
                        try writable.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE")
                        }
                        try writable.close()
                    }
                    let opened = try DatabaseQueue(path: candidate, configuration: config)
                    _ = try opened.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
                    queue = opened
                    break
                } catch {
                    failure = "\(error)"
                }
            }
            guard let queue else {
                throw StoreError.cannotOpen(path: path, reason: "read-only, and SQLite cannot read it: \(failure)")
            }
            let unknown = try queue.read(Self.unknownMigrations)
            guard unknown.isEmpty else { throw StoreError.newerSchema(path: path, unknownMigrations: unknown) }
            let pending = try queue.read { db in try Migrations.migrator.hasCompletedMigrations(db) }
            guard pending else {
                throw StoreError.cannotOpen(
                    path: path, reason: "it is read-only here and needs an upgrade that writes to it")
            }
            try self.init(readOnly: queue, path: path, copy: copy)
            return
        }
        let writer: any DatabaseWriter
        do {
            // A file already in WAL mode opens without a write: setting WAL up (what a pool does on
            // opening) would wait on another process's long write and stop the console opening at all.
            writer =
                exists && Self.isWAL(path: path)
                ? try DatabaseQueue(path: path, configuration: Self.configuration)
                : try DatabasePool(path: path, configuration: Self.configuration)
        } catch {
            throw StoreError.translating(error, path: path) ?? StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        try self.init(writer: writer, path: path)
    }

    /// Whether the file's header says it is in WAL mode (bytes 18 and 19 are 2).
    static func isWAL(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 20), header.count == 20 else { return false }
        return header[18] == 2 && header[19] == 2
    }

    /// A database opened read-only: no migration, and writes fail with `StoreError.readOnly`.
    init(readOnly queue: DatabaseQueue, path: String, copy: String? = nil) throws {
        self.writer = queue
        self.path = path
        self.isReadOnly = true
        self.readOnlyCopy = copy
    }

    deinit {
        if let copy = readOnlyCopy {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
        }
    }

    /// The private copy a read-only database is browsed through, when its directory lacks a -shm index.
    let readOnlyCopy: String?

    /// Whether this database was opened read-only (the file is not writable by this user).
    public let isReadOnly: Bool

    /// An in-memory database, for tests.
    public static func inMemory() throws -> CaseDatabase {
        try CaseDatabase(writer: DatabaseQueue(configuration: configuration), path: ":memory:")
    }

    init(writer: any DatabaseWriter, path: String) throws {
        self.writer = writer
        self.path = path
        self.isReadOnly = false
        self.readOnlyCopy = nil
        try Self.migrate(writer, path: path)
    }

    static var configuration: Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.label = "CaseDesk"
        // WAL's usual durability, whether the file opens as a pool (which sets it) or a queue.
        config.prepareDatabase { db in
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        return config
    }

    static func migrate(_ writer: any DatabaseWriter, path: String) throws {
        let unknown = try writer.read(unknownMigrations)
        guard unknown.isEmpty else { throw StoreError.newerSchema(path: path, unknownMigrations: unknown) }
        // An up-to-date file is only read: opening never waits on another process's write lock.
        if try writer.read(Migrations.migrator.hasCompletedMigrations) { return }
        try Migrations.migrator.migrate(writer)
    }

    /// Opens an existing file read-only and refuses it if a newer CaseDesk wrote it.
    static func refuseNewerSchema(path: String) throws {
        var config = configuration
        config.readonly = true
        let unknown: [String]
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            unknown = try queue.read(unknownMigrations)
            try queue.close()
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "\(error)")
        }
        guard unknown.isEmpty else { throw StoreError.newerSchema(path: path, unknownMigrations: unknown) }
    }

    /// Migrations recorded in the file that this version does not know.
    static func unknownMigrations(_ db: Database) throws -> [String] {
        guard try db.tableExists("grdb_migrations") else { return [] }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        let known = Set(Migrations.migrator.migrations)
        return applied.filter { !known.contains($0) }
    }

    // MARK: Audit

    /// Appends one event's audit record; call only inside a write transaction.
    ///
    /// The record's action and English detail are derived from the event; its kind and canonical
    /// payload are stored beside them and covered by the hash.
    @discardableResult
    static func appendEvent(
        _ db: Database, _ event: CaseEvent, at: Date, actor: String, caseID: Int64?
    ) throws -> String {
        let head = try Row.fetchOne(db.cachedStatement(sql: "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1"))
        let prev: String = head?[1] ?? AuditLog.genesis
        let id: Int64 = (head?[0] ?? 0) + 1
        let seconds = Timestamp.seconds(at)
        let action = event.action
        let detail = event.summary(.en)
        let kind = event.kind
        let payload = try event.payload()
        let login = ProcessIdentity.login
        let hash = AuditLog.hash(
            prev: prev, at: seconds, actor: actor, action: action, caseID: caseID, detail: detail, kind: kind,
            payload: payload, id: id, login: login)
        try db.cachedStatement(
            sql: """
                INSERT INTO audit (id, at, actor, action, case_id, detail, prev_hash, hash, kind, payload, login)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [id, seconds, actor, action, caseID, detail, prev, hash, kind, payload, login])
        return hash
    }

    /// The last audit record's number and hash.
    public func auditHead() throws -> (records: Int64, hash: String)? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").map { ($0[0], $0[1]) }
        }
    }

    /// The hash of one audit record.
    public func auditHash(id: Int64) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT hash FROM audit WHERE id = ?", arguments: [id]) }
    }

    /// The audit trail of one case, oldest first.
    public func auditTrail(caseID: Int64) throws -> [AuditEntry] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT \(Self.auditColumns) FROM audit WHERE case_id = ? ORDER BY id",
                arguments: [caseID]
            ).map(Self.auditEntry)
        }
    }

    public func auditTrail(caseID: Int64, newest limit: Int, before: Int64?) throws -> [AuditEntry] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT \(Self.auditColumns) FROM audit WHERE case_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
                arguments: [caseID, before ?? Int64.max, max(0, limit)]
            ).reversed().map(Self.auditEntry)
        }
    }

    /// Checks the whole chain; returns the id of the first record that does not match, or nil.
    public func firstBrokenAuditRecord() throws -> Int64? {
        try writer.read(Self.firstBrokenAuditRecord)
    }

    static func firstBrokenAuditRecord(_ db: Database) throws -> Int64? {
        var prev = AuditLog.genesis
        var previousID: Int64 = 0
        var loginsBegan = false
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT \(auditColumns) FROM audit ORDER BY id")
        while let row = try cursor.next() {
            let entry = auditEntry(row)
            // From the first record that names its login (v12) on, every record does, numbered one after another.
            if entry.login != nil { loginsBegan = true }
            if loginsBegan && (entry.login == nil || entry.id != previousID + 1) { return entry.id }
            previousID = entry.id
            let expected = AuditLog.hash(
                prev: prev, at: Timestamp.seconds(entry.at), actor: entry.actor, action: entry.action,
                caseID: entry.caseID, detail: entry.detail, kind: entry.kind, payload: entry.payload, id: entry.id,
                login: entry.login)
            if entry.prevHash != prev || entry.hash != expected { return entry.id }
            prev = entry.hash
        }
        return nil
    }

    /// The columns `auditEntry` reads, in its order.
    static let auditColumns = "id, at, actor, action, case_id, detail, prev_hash, hash, kind, payload, login"

    static func auditEntry(_ row: Row) -> AuditEntry {
        AuditEntry(
            id: row[0], at: Timestamp.date(row[1]), actor: row[2], action: row[3], caseID: row[4],
            detail: row[5], prevHash: row[6], hash: row[7], kind: row[8], payload: row[9], login: row[10])
    }
}
