import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import GRDB
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Files: modes, read-only, full disk (issue 8)")
struct FileSafetyTests {
    func mode(_ path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode & 0o777
    }

    @Test func aNewDatabaseAndItsWALAreReadableOnlyByTheirOwner() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("c.sqlite")
        let old = umask(0o022)
        defer { umask(old) }
        let database = try CaseDatabase(path: path)
        try database.insertCase(sampleCase(), actor: "test")
        #expect(mode(path) == 0o600)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(mode(path + "-wal") == 0o600)
        #expect(mode(path + "-shm") == 0o600)
    }

    @Test func aSharedGroupGetsGroupReadAndWrite() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("c.sqlite")
        let group = String(cString: getgrgid(getgid())!.pointee.gr_name)
        _ = try CaseDatabase(path: path, group: group)
        #expect(mode(path) == 0o660)
        var info = stat()
        stat(path, &info)
        #expect(info.st_gid == getgid())
        #expect(throws: StoreError.self) {
            try CaseDatabase(path: directory.path("d.sqlite"), group: "no-such-group-x")
        }
    }

    @Test func readOnlyRefusesEveryWriteAndChangesNothing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("c.sqlite")
        do {
            let database = try CaseDatabase(path: path)
            _ = try database.authenticate("admin", at: pinnedNow)
            try database.loadExamplesIfEmpty(now: pinnedNow)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let database = try CaseDatabase(path: path, readOnly: true)
        #expect(database.isReadOnly)
        #expect(try database.caseCount() == 17)
        let admin = StaffMember(name: "admin", role: .admin)
        do {
            try database.addNote(caseID: 2, text: "x", by: admin, at: pinnedNow)
            Issue.record("a note was written to a read-only database")
        } catch {
            #expect(StoreError.translating(error, path: path) == .readOnly(path: path))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// A full disk, injected at SQLite's page limit: the write fails whole, with a clear error.
    @Test func aFullDiskReportsAndLosesNothing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("c.sqlite")
        let database = try CaseDatabase(path: path)
        let (admin, _) = try database.authenticate("admin", at: pinnedNow)
        try database.loadExamplesIfEmpty(now: pinnedNow)
        let pages = try database.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count")! }
        try database.writer.write { db in try db.execute(sql: "PRAGMA max_page_count = \(pages + 2)") }
        let big = String(repeating: "证据内容", count: 200_000)
        do {
            _ = try database.addEvidence(
                caseID: 2, kind: .statement, source: .mediator, description: "大文件", content: Data(big.utf8),
                at: pinnedNow, by: admin)
            Issue.record("a write past the page limit succeeded")
        } catch {
            #expect(StoreError.translating(error, path: path) == .diskFull(path: path))
            #expect(StoreError.diskFull(path: path).message.en.contains("nothing was written"))
        }
        #expect(try database.evidence(caseID: 2).allSatisfy { $0.description != "大文件" })
        #expect(try database.verify().isIntact)
    }
}

/// Issue 15, problem 8: another process's long write never stops a database opening or being read.
@Suite("Opening beside a writer")
struct OpeningBesideAWriterTests {
    @Test func aDatabaseOpensAndReadsWhileAnotherConnectionHoldsTheWriteLock() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casedesk-lock-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cases.sqlite").path
        do {
            let first = try CaseDatabase(path: path)
            _ = try first.authenticate("admin", at: Date(timeIntervalSince1970: 1_795_766_400))
            try first.loadExamplesIfEmpty(now: Date(timeIntervalSince1970: 1_795_766_400))
        }
        // Another process mid-write: its transaction holds the lock and has not reached the WAL yet.
        var config = Configuration()
        config.busyMode = .immediateError
        config.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: path, configuration: config)
        try holder.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "INSERT INTO settings (key, value) VALUES ('probe', '1')")
        }
        defer { try? holder.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") } }
        let reader = try CaseDatabase(path: path)
        #expect(try reader.caseCount() == 17)
        #expect(try reader.authenticate("admin", at: Date()).member.role == .admin)
        #expect(try reader.loadExamplesIfEmpty(now: Date()) == 0)
    }
}
