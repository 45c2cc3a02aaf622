import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB
import StoreTestSupport
import Testing

@testable import CaseStoreSQLite

@Suite("Audit chain on SQLite: a changed or deleted record breaks the chain there")
struct AuditChainTests {
    @Test func changingAnyAuditFieldBreaksTheChainAtThatRecord() throws {
        for column in ["actor", "action", "detail", "at", "prev_hash"] {
            let database = try CaseDatabase.withStaff()
            for index in 0..<5 { try database.insertCase(sampleCase(title: "case \(index)"), actor: "lin.mei") }
            try database.writer.write { db in
                let value = column == "at" ? "12345" : "'tampered'"
                try db.execute(sql: "UPDATE audit SET \(column) = \(value) WHERE id = 3")
            }
            #expect(try database.firstBrokenAuditRecord() == 3, "tampering with \(column)")
        }
    }

    @Test func deletingARecordBreaksTheChainAtTheNextOne() throws {
        let database = try CaseDatabase.withStaff()
        for index in 0..<4 { try database.insertCase(sampleCase(title: "case \(index)"), actor: "a") }
        try database.writer.write { db in try db.execute(sql: "DELETE FROM audit WHERE id = 2") }
        #expect(try database.firstBrokenAuditRecord() == 3)
    }
}
