import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB
import StoreTestSupport
import Testing

@testable import CaseStoreSQLite

@Suite("Typed history on SQLite: edited payloads and legacy records")
struct TypedHistorySQLiteTests {
    /// A case in merchant response with one evidence item, taken by the mediator.
    func filedCase() throws -> (CaseDatabase, Int64) {
        let database = try CaseDatabase.withStaff()
        return (database, try fileTakenCase(on: database))
    }

    @Test func aPayloadEditedToTellAnotherStoryIsFound() throws {
        let (database, id) = try filedCase()
        try database.addNote(caseID: id, text: "ok", by: mediator, at: pinnedNow)
        // Turn the note into a step that closes the case, rehashing nothing: the chain breaks.
        let forged = CaseEvent.stepped(
            event: .withdraw, move: StageMove(from: .merchantResponse, to: .withdrawn), note: nil)
        try database.writer.write { db in
            try db.execute(
                sql: "UPDATE audit SET payload = ?, kind = ? WHERE action = 'note'",
                arguments: [try forged.payload(), forged.kind])
        }
        let report = try database.verify()
        #expect(report.problems.contains { $0.contains("does not match the hash chain") }, "\(report.problems)")
        #expect(report.problems.contains { $0.contains("differs from its event") }, "\(report.problems)")
    }

    @Test func anUnreadablePayloadIsNamed() throws {
        let (database, _) = try filedCase()
        try database.writer.write { db in
            try db.execute(sql: "UPDATE audit SET payload = '{\"v\":1}' WHERE action = 'take'")
        }
        let report = try database.verify()
        #expect(report.problems.contains { $0.contains("cannot be read as an event") }, "\(report.problems)")
    }

    @Test func legacyRecordsKeepVerifyingBesideTypedOnes() throws {
        let (database, id) = try filedCase()
        // A record as the release before typed events wrote it, appended to the chain.
        try database.writer.write { db in
            let prev = try String.fetchOne(db, sql: "SELECT hash FROM audit ORDER BY id DESC LIMIT 1")!
            let seconds = Timestamp.seconds(pinnedNow)
            let detail = "stage merchant_response → closed"
            let hash = AuditLog.hash(
                prev: prev, at: seconds, actor: "old", action: "note", caseID: id, detail: detail)
            try db.execute(
                sql:
                    "INSERT INTO audit (at, actor, action, case_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [seconds, "old", "note", id, detail, prev, hash])
        }
        // Its own hash is right, but after records that name their login (v12) every record must:
        // an old release cannot write here (it refuses the newer schema), so this one is named.
        let last = try #require(
            try database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit") })
        #expect(
            try database.verify().problems.first?.hasPrefix("audit record #\(last) does not match the hash chain")
                == true)
        // Read by the legacy reader, as the old release read it.
        let history = try database.replay(caseID: id)
        #expect(history.frame(history.count - 1).item.stage == .closed)
        #expect(history.trail.last?.event == nil)
    }
}
