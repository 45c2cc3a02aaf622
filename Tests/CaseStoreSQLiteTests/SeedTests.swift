import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import GRDB
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("Synthetic disputes")
struct SeedTests {
    let admin = StaffMember(name: "admin", role: .admin)

    @Test func theSameSeedGivesTheSameCases() {
        var first = SyntheticCases(seed: 7, now: pinnedNow)
        var second = SyntheticCases(seed: 7, now: pinnedNow)
        var other = SyntheticCases(seed: 8, now: pinnedNow)
        let a = (0..<50).map { _ in first.nextCase().0 }
        let b = (0..<50).map { _ in second.nextCase().0 }
        let c = (0..<50).map { _ in other.nextCase().0 }
        #expect(a == b)
        #expect(a != c)
    }

    @Test func theMixFollowsTheComplaintStatistics() {
        var generator = SyntheticCases(seed: 1, now: pinnedNow)
        var counts: [CaseModel.Category: Int] = [:]
        var english = 0
        let n = 20_000
        for _ in 0..<n {
            let item = generator.nextCase().0
            counts[item.category, default: 0] += 1
            if !item.title.unicodeScalars.contains(where: { (0x4E00...0x9FFF).contains($0.value) }) { english += 1 }
        }
        // Quality is 19.0% of complaints; counterfeit 1.4%. Within a point at this size.
        #expect(abs(Double(counts[.quality]!) / Double(n) - 0.190) < 0.01)
        #expect(abs(Double(counts[.counterfeit]!) / Double(n) - 0.014) < 0.005)
        #expect(abs(Double(english) / Double(n) - 0.20) < 0.02)
    }

    @Test func seededCasesAreIntactAndTamperingWithThemIsFound() throws {
        let database = try CaseDatabase.withStaff()
        var batches: [Int] = []
        try database.seed(cases: 12_000, seed: 3, now: pinnedNow, by: admin) { batches.append($0) }
        #expect(batches == [5_000, 10_000, 12_000])
        #expect(try database.caseCount() == 12_000)
        #expect(try database.verify().isIntact)
        try database.writer.write { db in
            try db.execute(
                sql: "UPDATE evidence SET sha256 = ?, content = CAST('x' AS BLOB) WHERE id = 777",
                arguments: [Hashing.sha256Hex(Data("x".utf8))])
        }
        let problems = try database.verify().problems
        #expect(problems.count == 1)
        #expect(problems.first?.contains("differ from the digest audit record") == true)
    }

    @Test(arguments: StoreKind.allCases)
    func onlyAnAdminSeeds(_ store: StoreKind) throws {
        let database = try store.withStaff()
        #expect(throws: CaseError.permission(.denied(name: "lin.mei", role: .mediator, permission: .administer))) {
            try database.seed(cases: 10, seed: 1, now: pinnedNow, by: mediator)
        }
    }
}
