import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("Filter expressions")
struct FilterTests {
    @Test func aFullExpressionParses() throws {
        let query = try QueueQuery.parse(
            "stage:evidence,decision assignee:lin.mei overdue category:counterfeit amount:>=1000 amount:<5000 sort:amount open",
            now: pinnedNow)
        #expect(query.stages == [.evidence, .decision])
        #expect(query.assignee == "lin.mei")
        #expect(query.overdueAt == pinnedNow)
        #expect(query.categories == [.counterfeit])
        #expect(query.minClaim == .yuan(1000))
        #expect(query.maxClaim == Money(fen: 499_999))
        #expect(query.order == .amount)
        #expect(query.openOnly)
    }

    @Test(arguments: [
        ("stage:nowhere", "unknown stage 'nowhere'"), ("colour:red", "unknown key 'colour'"),
        ("amount:lots", "expected an amount"),
        ("sort:size", "sort by deadline, amount, age or priority"), ("hello", "expected key:value"),
        ("stage:", "has no value"),
    ])
    func badTermsAreNamed(text: String, reason: String) {
        do {
            _ = try QueueQuery.parse(text, now: pinnedNow)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.term == text)
            #expect(error.reason.contains(reason), "\(error)")
        }
    }

    @Test func unassignedAndOverdueSelectTheRightCases() throws {
        let database = try CaseDatabase.withStaff()
        try database.loadExamplesIfEmpty(now: pinnedNow)
        let overdue = try database.queuePage(try QueueQuery.parse("overdue", now: pinnedNow), limit: 50)
        #expect(overdue.map(\.id) == [9, 5])
        let unassigned = try database.queuePage(try QueueQuery.parse("unassigned open", now: pinnedNow), limit: 50)
        #expect(unassigned.allSatisfy { $0.assignee == nil && $0.stage.isOpen })
        #expect(unassigned.count == 5)
        let mine = try database.queueCount(try QueueQuery.parse("assignee:lin.mei", now: pinnedNow))
        #expect(mine == 6)
    }
}
