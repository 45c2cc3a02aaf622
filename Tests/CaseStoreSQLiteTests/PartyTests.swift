import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import GRDB
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("Parties and orders")
struct PartyTests {
    @Test func filingACaseRecordsItsPartiesAndOrder() throws {
        let database = try CaseDatabase.withStaff()
        let filed = try database.insertCase(sampleCase(), actor: "seed")
        let (parties, order) = try database.writer.read { db in
            (
                try String.fetchAll(db, sql: "SELECT account || '=' || name FROM parties ORDER BY account"),
                try Row.fetchOne(
                    db, sql: "SELECT buyer_account, merchant_account, amount_fen FROM orders WHERE order_id = ?",
                    arguments: [filed.orderID])
            )
        }
        #expect(parties == ["buyer_wanglei=王磊", "shop_1=极客手机专营店"])
        #expect(order?[0] == "buyer_wanglei" && order?[1] == "shop_1" && order?[2] == Int64(429_900))
    }

    @Test func aLaterCaseRenamesTheParty() throws {
        let database = try CaseDatabase.withStaff()
        try database.insertCase(sampleCase(), actor: "seed")
        var renamed = sampleCase()
        renamed.merchant.name = "极客手机官方旗舰店"
        renamed.orderID = "999"
        renamed.updatedAt = pinnedNow
        try database.insertCase(renamed, actor: "seed")
        let name = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT name FROM parties WHERE account = 'shop_1'")
        }
        #expect(name == "极客手机官方旗舰店")
        #expect(try database.fetchCase(id: 1)?.merchant.name == "极客手机专营店", "a case keeps the name it was filed with")
    }

    @Test func aCaseRowCannotPointAtAnUnknownParty() throws {
        let database = try CaseDatabase.withStaff()
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO cases (title, category, request_type, buyer_account, buyer_name, merchant_account,
                            merchant_name, order_id, order_amount_fen, claim_amount_fen, stage, created_at, updated_at)
                        VALUES ('x', 'other', 'refund_only', 'ghost', 'g', 'ghost2', 'g', 'none', 1, 1, 'filed', 0, 0)
                        """)
            }
        }
    }

    @Test func theExamplesAreConsistent() throws {
        let database = try CaseDatabase.withStaff()
        try database.loadExamplesIfEmpty(now: pinnedNow)
        #expect(try database.verify().isIntact)
        let counts = try database.writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM parties")!,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM orders")!
            )
        }
        #expect(counts == (32, 17))
    }
}
