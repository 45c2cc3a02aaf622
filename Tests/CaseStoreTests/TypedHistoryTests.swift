import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

/// Text that the old prose readers would have taken for a step, an evidence hash or a finding.
let hostileTexts = [
    "stage execution → closed",
    "evidence #1 photo from buyer sha256 \(String(repeating: "0", count: 64))",
    "issue #1 proven: stage merchant_response → withdrawn, deadline 2020-01-01T00:00:00Z",
]

@Suite("Typed case history: events, not prose")
struct TypedHistoryTests {
    /// A case in merchant response with one evidence item, taken by the mediator.
    func filedCase(_ store: StoreKind) throws -> (any CaseStore, Int64) {
        let database = try store.withStaff()
        return (database, try fileTakenCase(on: database))
    }

    /// Notes, urges and a party's own words carrying every hostile text.
    func writeHostileTexts(_ database: any CaseStore, _ id: Int64) throws {
        for text in hostileTexts {
            try database.addNote(caseID: id, text: text, by: mediator, at: pinnedNow)
            try database.urge(caseID: id, party: .merchant, message: text, by: mediator, at: pinnedNow)
            try database.recordPartyAction(
                caseID: id, party: .merchant, action: .respond, note: text, tracking: nil, at: pinnedNow,
                by: mediator, rules: testRules)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func hostileTextChangesNothingInReplay(_ store: StoreKind) throws {
        let (database, id) = try filedCase(store)
        try writeHostileTexts(database, id)
        let history = try database.replay(caseID: id)
        #expect(history.count == 3 + 3 * hostileTexts.count)
        for index in 0..<history.count {
            let frame = history.frame(index)
            #expect(frame.item.stage == .merchantResponse, "step \(index + 1): \(frame.entry.detail)")
            #expect(frame.item.stageDeadline == pinnedNow, "step \(index + 1)")
            #expect(frame.issues.isEmpty, "step \(index + 1)")
        }
        #expect(history.frame(history.count - 1).item.assignee == mediator.name)
        #expect(history.trail.allSatisfy { $0.event != nil }, "every new record carries its event")
    }

    @Test(arguments: StoreKind.allCases)
    func hostileTextChangesNothingInVerify(_ store: StoreKind) throws {
        let (database, id) = try filedCase(store)
        try writeHostileTexts(database, id)
        let report = try database.verify()
        #expect(report.isIntact, "\(report.problems)")
        #expect(report.evidenceItems == 1)
    }

    @Test(arguments: StoreKind.allCases)
    func theDetailIsTheEventsSentenceAndThePayloadItsJSON(_ store: StoreKind) throws {
        let (database, id) = try filedCase(store)
        try database.addNote(caseID: id, text: "买家来电：stage execution → closed", by: mediator, at: pinnedNow)
        for entry in try database.auditTrail(caseID: id) {
            let event = try #require(entry.event)
            #expect(entry.kind == event.kind)
            #expect(entry.action == event.action)
            #expect(entry.detail == event.summary(.en))
            #expect(try entry.payload == event.payload())
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aLongTrailReplaysAsAFoldFromItsCheckpoints(_ store: StoreKind) throws {
        let (database, id) = try filedCase(store)
        // Priority 1, 2, 3, 4, 1, … one record each, well past two checkpoints.
        for step in 0..<300 {
            try database.setPriority(caseID: id, level: step % 4 + 1, by: mediator, at: pinnedNow)
        }
        let history = try database.replay(caseID: id)
        #expect(history.count == 303)
        for index in [0, 2, 3, 126, 127, 128, 129, 130, 255, 256, 257, 302] {
            let frame = history.frame(index)
            let expected = index < 3 ? sampleCase().priority : (index - 3) % 4 + 1
            #expect(frame.item.priority == expected, "step \(index + 1)")
            #expect(frame.evidence.count == (index == 0 ? 0 : 1), "step \(index + 1)")
            #expect(frame.item.assignee == (index < 2 ? nil : mediator.name), "step \(index + 1)")
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aRulingsFrameShowsItsDecisionsAndTheFramesBeforeDoNot(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let stored = try database.insertCase(
            sampleCase(stage: .decision, deadline: pinnedNow.addingTimeInterval(86_400), claimFen: 12_000),
            actor: "system")
        try database.take(caseID: stored.id, by: mediator, at: pinnedNow)
        let issue = try database.addIssue(
            caseID: stored.id, kind: .visibleDefect, description: "屏幕碎裂", by: mediator, at: pinnedNow)
        let draft = RulingDraft(
            remedies: [OrderedRemedy(remedy: "refund", amount: Money(fen: 12_000))],
            findings: [IssueFinding(issueID: issue.id, finding: .proven, note: "照片显示碎裂")], reasons: "商品破损",
            citations: ["CC-582"], declaresNoConflict: true)
        try database.submitRuling(caseID: stored.id, draft: draft, by: mediator, at: pinnedNow, rules: testRules)
        let history = try database.replay(caseID: stored.id)
        let ruled = try #require(history.trail.firstIndex { $0.kind == "ruled" })
        #expect(history.frame(ruled - 1).decisions.rulings.isEmpty)
        #expect(history.frame(ruled - 1).issues.first?.finding == nil)
        #expect(history.frame(ruled).decisions.rulings.count == 1)
        #expect(history.frame(ruled).issues.first?.finding == .proven)
        let last = history.frame(history.count - 1)
        #expect(last.item.stage == .execution)
        #expect(last.decisions.obligations.count == 1)
        #expect(last.item.stageDeadline == last.decisions.obligations.first?.dueAt)
    }

    @Test(arguments: StoreKind.allCases)
    func aSeededCaseReplaysWithTheEvidenceItWasSeededWith(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let (admin, _) = try database.authenticate("admin", at: pinnedNow)
        try database.seed(cases: 3, seed: 42, now: pinnedNow, by: admin)
        let seeded = try #require(try database.queuePage(limit: 10).first)
        try database.addNote(caseID: seeded.id, text: "stage execution → closed", by: mediator, at: pinnedNow)
        let history = try database.replay(caseID: seeded.id)
        let evidence = try database.evidence(caseID: seeded.id)
        #expect(!evidence.isEmpty)
        #expect(history.frame(0).evidence.map(\.id) == evidence.map(\.id))
        #expect(history.frame(0).item.stage == seeded.stage)
    }

    @Test(arguments: StoreKind.allCases)
    func aRefusalAboutTheAskerComesBeforeAStaleCopy(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(sampleCase(), actor: "system")
        try database.setPriority(caseID: filed.id, level: 1, by: mediator, at: pinnedNow)
        let trainer = StaffMember(name: "chen.jing", role: .trainer)
        #expect(throws: CaseError.permission(.denied(name: "chen.jing", role: .trainer, permission: .take))) {
            try database.take(caseID: filed.id, by: trainer, expectedVersion: 1, at: pinnedNow)
        }
        #expect(throws: CaseError.emptyText(field: "the note")) {
            try database.perform(
                .note(" "), on: filed.id, by: mediator, expectedVersion: 1, at: pinnedNow, rules: .none)
        }
        // Someone who may take it, on the stale copy, learns the case changed and who changed it.
        #expect(
            throws: StoreError.conflict(caseID: filed.id, expectedVersion: 1, actualVersion: 2, changedBy: "lin.mei")
        ) {
            try database.take(caseID: filed.id, by: otherMediator, expectedVersion: 1, at: pinnedNow)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func everyEvidenceRequestChangesTheCaseForOtherConsoles(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(
            sampleCase(stage: .intervention, deadline: pinnedNow.addingTimeInterval(86_400)), actor: "system")
        let first = try database.requestEvidence(
            caseID: filed.id, from: .merchant, what: "发货视频", by: mediator, at: pinnedNow, rules: testRules)
        let second = try database.requestEvidence(
            caseID: filed.id, from: .buyer, what: "开箱视频", by: mediator, at: pinnedNow, rules: testRules)
        #expect(second.case.version == first.case.version + 1)
        #expect(try database.fetchCase(id: filed.id)?.version == second.case.version)
    }
}
