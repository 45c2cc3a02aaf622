import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import GRDB
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("Migrations: older databases upgrade with their data intact")
struct MigrationTests {
    /// A database as CaseDesk's first version left it: only migration v1, with one case and its audit record.
    func v1Database(at path: String) throws {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in try db.execute(sql: Migrations.v1) }
        let queue = try DatabaseQueue(path: path)
        try migrator.migrate(queue)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO cases (id, title, narrative, category, request_type, buyer_account, buyer_name,
                        merchant_account, merchant_name, order_id, order_amount_fen, claim_amount_fen, stage,
                        stage_deadline, created_at, updated_at, version)
                    VALUES (7, '旧案件', '', 'damaged', 'refund_only', 'b', '买家', 'm', '商家', '1', 100, 100,
                        'merchant_response', 1795766400, 1795762800, 1795762800, 3)
                    """)
            // As v1 wrote it: no kind, no payload, the hash over the record's own fields.
            let seconds = Timestamp.seconds(pinnedNow)
            let hash = AuditLog.hash(
                prev: AuditLog.genesis, at: seconds, actor: "old", action: "file", caseID: 7,
                detail: "filed in the old days")
            try db.execute(
                sql:
                    "INSERT INTO audit (at, actor, action, case_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [seconds, "old", "file", 7, "filed in the old days", AuditLog.genesis, hash])
        }
        try queue.close()
    }

    @Test func aVersionOneDatabaseUpgradesToTheCurrentSchema() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        try v1Database(at: path)
        let database = try CaseDatabase(path: path)
        let upgraded = try #require(try database.fetchCase(id: 7))
        #expect(upgraded.title == "旧案件" && upgraded.version == 3 && upgraded.stage == .merchantResponse)
        #expect(upgraded.rulePack == "marketplace@1", "v1 cases ran under the only rules v1 knew")
        #expect(try database.rulePackReference() == "marketplace@1")
        #expect(try database.auditTrail(caseID: 7).map(\.detail) == ["filed in the old days"])
        #expect(try database.search("旧案件").map(\.id) == [7], "the upgrade indexes existing cases")
        let party = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT name FROM parties WHERE account = 'm'")
        }
        #expect(party == "商家", "the upgrade records existing parties")
        #expect(try database.firstBrokenAuditRecord() == nil)
        let applied = try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
        #expect(applied == Migrations.migrator.migrations.sorted())
        // The upgraded database works: the first user becomes admin and can sweep it.
        let (admin, _) = try database.authenticate("ops", at: pinnedNow)
        #expect(admin.role == .admin)
        #expect(try database.sweep(now: pinnedNow, rules: testRules).applied.map(\.caseID) == [7])
    }

    @Test func eachMigrationAppliesOnTopOfThePreviousOnes() throws {
        let identifiers = Migrations.migrator.migrations
        #expect(
            identifiers == ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12", "v13", "v14"])
        for count in 1...identifiers.count {
            var migrator = DatabaseMigrator()
            for identifier in identifiers.prefix(count) {
                migrator.registerMigration(identifier) { db in try db.execute(sql: Migrations.sql(identifier)) }
            }
            let queue = try DatabaseQueue()
            try migrator.migrate(queue)
            // And the rest apply on top.
            try Migrations.migrator.migrate(queue)
            let tables = try queue.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            #expect(
                Set(["cases", "evidence", "audit", "settings", "staff", "issues", "evidence_requests"])
                    .isSubset(of: Set(tables)), "after v1…v\(count)")
        }
    }
}
