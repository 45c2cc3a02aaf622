import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("Example cases shipped with CaseDesk")
struct ExamplesTests {
    @Test func aNewDatabaseGetsTheExamplesOnceWithEvidence() throws {
        let database = try CaseDatabase.inMemory()
        let loaded = try database.loadExamplesIfEmpty(now: pinnedNow)
        #expect(loaded >= 12)
        #expect(try database.loadExamplesIfEmpty(now: pinnedNow) == 0)
        #expect(try database.caseCount() == loaded)
        for id in 1...Int64(loaded) {
            #expect(try !database.evidence(caseID: id).isEmpty, "case \(id) has evidence")
        }
        #expect(try database.firstBrokenAuditRecord() == nil)
    }

    @Test func examplesAreMostlyChineseAndSpanStagesAndCategories() throws {
        let database = try CaseDatabase.inMemory()
        let loaded = try database.loadExamplesIfEmpty(now: pinnedNow)
        let cases = try (1...Int64(loaded)).compactMap { try database.fetchCase(id: $0) }
        let chinese = cases.filter { $0.title.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        #expect(chinese.count * 2 > cases.count)
        #expect(chinese.count < cases.count, "some are in English")
        #expect(Set(cases.map(\.stage)).count >= 8)
        #expect(Set(cases.map(\.category)).count >= 8)
    }

    @Test func exampleTimesAreRelativeToTheLoadingMoment() throws {
        let database = try CaseDatabase.inMemory()
        try database.loadExamplesIfEmpty(now: pinnedNow)
        let first = try #require(try database.queuePage(limit: 1).first)
        // The most urgent example is overdue at the moment of loading, so the queue shows a late case first.
        #expect(try #require(first.deadline) < pinnedNow)
    }
}
