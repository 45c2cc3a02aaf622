import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("Priority levels and flags")
struct PriorityTests {
    @Test(arguments: [
        (CaseModel.Category.safety, Int64(100), 1), (.fraud, 100, 1), (.counterfeit, 100, 2), (.quality, 500_000, 2),
        (.quality, 499_999, 3),
    ])
    func casesStartAtTheLevelTheirNatureGives(category: CaseModel.Category, claimFen: Int64, level: Int) {
        #expect(Priority.initial(category: category, claim: Money(fen: claimFen)) == level)
    }

    @Test(arguments: StoreKind.allCases)
    func priorityAndFlagsAreSetAuditedAndFiltered(_ store: StoreKind) throws {
        let database = try store.withStaff()
        try database.loadExamplesIfEmpty(now: pinnedNow)
        try database.setPriority(caseID: 7, level: 1, by: mediator, at: pinnedNow)
        try database.setFlag(.platformInterest, on: true, caseID: 3, by: mediator, at: pinnedNow)
        #expect(try database.fetchCase(id: 3)?.flags == [.platformInterest])
        #expect(try database.auditTrail(caseID: 3).last?.detail == "flagged platform_interest")
        let flagged = try database.queuePage(try QueueQuery.parse("flag:platform_interest", now: pinnedNow), limit: 50)
        #expect(flagged.map(\.id) == [16, 3])
        // By priority: level 1 first (case 7 now, the expired infant formula, the leaking kettle, the fraud), each by deadline.
        let byPriority = try database.queuePage(QueueQuery(order: .priority), limit: 4).map(\.id)
        #expect(byPriority == [5, 7, 16, 14])
        #expect(throws: CaseError.invalidPriority(9)) {
            try database.setPriority(caseID: 7, level: 9, by: mediator, at: pinnedNow)
        }
        let trainer = StaffMember(name: "chen.jing", role: .trainer)
        #expect(throws: CaseError.permission(.denied(name: "chen.jing", role: .trainer, permission: .step))) {
            try database.setFlag(.courtRisk, on: true, caseID: 3, by: trainer, at: pinnedNow)
        }
    }
}

/// Issue 14, problem 7: holding a case protects it from a colleague's steps, priority and flags;
/// a supervisor may act on it, and the record names the supervisor.
@Suite("A case someone holds")
struct HolderTests {
    @Test(arguments: StoreKind.allCases)
    func aColleagueIsRefusedAndASupervisorMayAct(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let id = try fileTakenCase(on: database)
        let before = try #require(try database.fetchCase(id: id))
        let refusals: [() throws -> Void] = [
            {
                _ = try database.apply(
                    .refer, toCase: id, by: otherMediator, expectedVersion: nil, at: pinnedNow, rules: testRules)
            },
            {
                _ = try database.apply(
                    .withdraw, toCase: id, by: otherMediator, expectedVersion: nil, at: pinnedNow, rules: testRules)
            },
            {
                _ = try database.apply(
                    .suspend, toCase: id, by: otherMediator, expectedVersion: nil, at: pinnedNow, rules: testRules)
            },
            {
                _ = try database.apply(
                    .withdraw, toCase: id, by: otherMediator, onBehalfOf: .buyer, expectedVersion: nil, at: pinnedNow,
                    rules: testRules)
            },
            { try database.setPriority(caseID: id, level: 1, by: otherMediator, at: pinnedNow) },
            { try database.setFlag(.courtRisk, on: true, caseID: id, by: otherMediator, at: pinnedNow) },
        ]
        for refusal in refusals {
            #expect(throws: CaseError.heldByAnother(caseID: id, assignee: mediator.name, permission: .step)) {
                try refusal()
            }
        }
        #expect(try database.fetchCase(id: id) == before)
        let supervisor = StaffMember(name: "wang.fang", role: .supervisor)
        try database.setPriority(caseID: id, level: 1, by: supervisor, at: pinnedNow)
        #expect(try database.auditTrail(caseID: id).last?.actor == "wang.fang")
    }
}
