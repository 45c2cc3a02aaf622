import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import GRDB
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("Case database on a real SQLite file")
struct CaseDatabaseTests {
    @Test func aNewFileIsInWALModeWithTheSchema() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("nested/dir/cases.sqlite")
        let database = try CaseDatabase(path: path)
        let mode = try database.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let tables = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(Set(["cases", "evidence", "audit"]).isSubset(of: Set(tables)))
    }

    @Test func aCaseRoundTripsWithChineseTextAndExactMoney() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("cases.sqlite")
        let stored = try CaseDatabase(path: path).insertCase(sampleCase(claimFen: 12_345_678_901), actor: "lin.mei")
        // Read back through a second connection to the same file.
        let read = try #require(try CaseDatabase(path: path).fetchCase(id: stored.id))
        #expect(read == stored)
        #expect(read.claimAmount.fen == 12_345_678_901)
        #expect(read.buyer.name == "王磊")
    }

    @Test func evidenceIsFixedBySHA256OfItsContent() throws {
        let database = try CaseDatabase.withStaff()
        let filed = try database.insertCase(sampleCase(), actor: "lin.mei")
        let item = try database.addEvidence(
            caseID: filed.id, kind: .chatLog, source: .buyer, description: "聊天记录", content: Data("abc".utf8),
            at: pinnedNow, by: mediator)
        #expect(item.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(item.shortHash == "ba7816bf")
        #expect(try database.evidence(caseID: filed.id) == [item])
    }

    @Test func evidenceForAMissingCaseIsRefusedAndNothingIsWritten() throws {
        let database = try CaseDatabase.withStaff()
        let before = try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") }
        #expect(throws: StoreError.caseNotFound(99)) {
            try database.addEvidence(
                caseID: 99, kind: .photo, source: .buyer, description: "x", content: Data(), at: pinnedNow, by: mediator
            )
        }
        let auditRows = try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") }
        #expect(auditRows == before)
    }

    @Test func aDatabaseFromANewerCaseDeskIsRefusedAndLeftUntouched() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("cases.sqlite")
        do {
            let database = try CaseDatabase(path: path)
            try database.writer.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.newerSchema(path: path, unknownMigrations: ["v99-from-the-future"])) {
            _ = try CaseDatabase(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func anUnwritableLocationGivesAClearError() throws {
        let directory = try TemporaryDirectory()
        let blocker = directory.path("file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        // A path "under" a regular file can never be created.
        #expect {
            _ = try CaseDatabase(path: blocker + "/cases.sqlite")
        } throws: { error in
            guard case .cannotOpen(let path, _) = error as? StoreError else { return false }
            return path.hasSuffix("file/cases.sqlite")
        }
    }
}
