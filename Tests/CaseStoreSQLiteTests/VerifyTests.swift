import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import GRDB
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("verify: tampering is found and named")
struct VerifyTests {
    func examples() throws -> CaseDatabase {
        let database = try CaseDatabase.withStaff()
        try database.loadExamplesIfEmpty(now: pinnedNow)
        return database
    }

    @Test func anUntouchedDatabaseIsIntact() throws {
        let report = try examples().verify()
        #expect(report.isIntact, "\(report.problems)")
        #expect(report.evidenceItems >= 15 && report.auditRecords > 30)
        #expect(report.rulings >= 5)
    }

    @Test func aRewrittenRulingIsNamed() throws {
        let database = try examples()
        let id = try #require(
            try database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT min(id) FROM rulings") })
        // Changing the terms alone breaks their hash; rehashing them too still differs from the audit record.
        try database.writer.write { db in
            try db.execute(
                sql: "UPDATE rulings SET terms = replace(terms, '\"reasons\":\"', '\"reasons\":\"x') WHERE id = ?",
                arguments: [id])
        }
        #expect(try database.verify().problems == ["ruling #\(id): its terms do not match their SHA-256"])
        try database.writer.write { db in
            let terms = try String.fetchOne(db, sql: "SELECT terms FROM rulings WHERE id = ?", arguments: [id])!
            try db.execute(
                sql: "UPDATE rulings SET sha256 = ? WHERE id = ?",
                arguments: [Hashing.sha256Hex(Data(terms.utf8)), id])
        }
        #expect(
            try database.verify().problems == ["ruling #\(id): its SHA-256 differs from the one its audit record fixed"]
        )
    }

    @Test(arguments: ["at", "actor", "action", "case_id", "detail", "prev_hash", "hash", "kind", "payload", "login"])
    func changingOneByteOfAnAuditRowNamesIt(column: String) throws {
        let database = try examples()
        try database.writer.write { db in
            // Flip the last character of the field (numbers get one added).
            let update =
                ["at", "case_id"].contains(column)
                ? "UPDATE audit SET \(column) = \(column) + 1 WHERE id = 20"
                : "UPDATE audit SET \(column) = substr(\(column), 1, length(\(column)) - 1) || CASE WHEN substr(\(column), -1) = 'a' THEN 'b' ELSE 'a' END WHERE id = 20"
            try db.execute(sql: update)
        }
        let report = try database.verify()
        #expect(!report.isIntact)
        #expect(
            report.problems.contains { $0.hasPrefix("audit record #20 ") || $0.hasPrefix("audit record #21 ") },
            "\(report.problems)")
    }

    @Test func aRenumberedLastRecordIsNamed() throws {
        let database = try examples()
        let last = try #require(
            try database.writer.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit") })
        try database.writer.write { db in
            try db.execute(sql: "UPDATE audit SET id = id + 1000 WHERE id = ?", arguments: [last])
        }
        #expect(try database.verify().problems.contains { $0.hasPrefix("audit record #\(last + 1000) ") })
    }

    @Test func everyNewRecordNamesTheRealLogin() throws {
        let database = try examples()
        let logins = try database.writer.read { db in try String?.fetchAll(db, sql: "SELECT DISTINCT login FROM audit")
        }
        #expect(logins == [ProcessIdentity.login])
    }

    @Test func changedEvidenceContentIsNamed() throws {
        let database = try examples()
        try database.writer.write { db in
            try db.execute(sql: "UPDATE evidence SET content = CAST('forged' AS BLOB) WHERE id = 3")
        }
        #expect(try database.verify().problems == ["evidence #3: its content does not match its SHA-256"])
    }

    @Test func evidenceReplacedTogetherWithItsHashIsStillCaught() throws {
        let database = try examples()
        let forged = Hashing.sha256Hex(Data("forged".utf8))
        try database.writer.write { db in
            try db.execute(
                sql: "UPDATE evidence SET content = CAST('forged' AS BLOB), sha256 = ? WHERE id = 3",
                arguments: [forged])
        }
        let problems = try database.verify().problems
        #expect(problems.first == "evidence #3: its SHA-256 differs from the one its audit record fixed")
        // The recomputed tables name the same row from the case's side.
        #expect(problems.dropFirst().allSatisfy { $0.contains("evidence #3 is") }, "\(problems)")
    }

    @Test func deletedEvidenceIsCaught() throws {
        let database = try examples()
        try database.writer.write { db in try db.execute(sql: "DELETE FROM evidence WHERE id = 5") }
        let problems = try database.verify().problems
        #expect(problems.first == "evidence #5: its audit record exists but the item is gone")
        #expect(problems.dropFirst().allSatisfy { $0.contains("evidence #5 is missing") }, "\(problems)")
    }

    /// Issue 14, problem 3: edits to the tables that no event made are named, row by row, from
    /// the history recomputed: a stage, an assignee, a ruling's status, an obligation, an appeal,
    /// evidence metadata, a finding, a staff role.
    @Test(arguments: [
        ("UPDATE cases SET stage = 'closed' WHERE id = 1", "case #1: stage is closed, its history says intervention"),
        (
            "UPDATE cases SET assignee = 'zhang.wei' WHERE id = 1",
            "case #1: assignee is zhang.wei, its history says lin.mei"
        ),
        ("UPDATE cases SET priority = 4 WHERE id = 1", "case #1: priority is 4"),
        ("UPDATE rulings SET status = 'final' WHERE status = 'pending_review'", "ruling #"),
        ("UPDATE obligations SET status = 'fulfilled' WHERE status = 'open'", "obligation #"),
        ("UPDATE appeals SET outcome = 'overturn'", "appeal #"),
        ("UPDATE evidence SET description = 'relabelled' WHERE id = 1", "evidence #1 is"),
        ("UPDATE evidence SET source = 'platform' WHERE id = 2", "evidence #2 is"),
        ("UPDATE issues SET finding = 'proven' WHERE finding IS NULL OR finding != 'proven'", "point in dispute #"),
        (
            "UPDATE staff SET role = 'admin' WHERE name = 'lin.mei'",
            "staff lin.mei: an admin in the table, a mediator by its history"
        ),
        (
            "UPDATE settings SET value = 'retailer@1' WHERE key = 'rule_pack'",
            "settings: new cases run under retailer@1"
        ),
        (
            "INSERT INTO staff (name, role, added_at, added_by) VALUES ('mallory', 'admin', 0, 'x')",
            "staff mallory: an admin in the table, never added"
        ),
    ])
    func aTableEditNoEventMadeIsNamed(sql: String, named: String) throws {
        let database = try examples()
        try database.writer.write { db in try db.execute(sql: sql) }
        let problems = try database.verify().problems
        #expect(problems.contains { $0.contains(named) }, "\(problems)")
    }

    /// Issue 14, problem 3: a value of the wrong type (which the console and `queue` trapped on)
    /// cannot be stored at all: every table is STRICT.
    @Test(arguments: [
        "UPDATE cases SET version = 'x' WHERE id = 1", "UPDATE cases SET claim_fen = 'lots' WHERE id = 1",
        "UPDATE audit SET at = 'yesterday' WHERE id = 1", "UPDATE obligations SET due_at = 1.5",
        "UPDATE evidence SET content = 42 WHERE id = 1",
    ])
    func aWronglyTypedValueCannotBeStored(sql: String) throws {
        let database = try examples()
        #expect(throws: DatabaseError.self) { try database.writer.write { db in try db.execute(sql: sql) } }
        #expect(try database.verify().isIntact)
    }

    @Test func aDanglingForeignKeyIsReported() throws {
        let database = try examples()
        try database.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "UPDATE evidence SET case_id = 999 WHERE id = 1")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        #expect(try database.verify().problems.contains { $0.hasPrefix("foreign key: evidence row 1") })
    }
}
