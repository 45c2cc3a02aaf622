import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("Sweeper: every expired deadline's default outcome, exactly once")
struct SweepTests {
    let hour: TimeInterval = 3600

    @Test(arguments: StoreKind.allCases)
    func aSilentMerchantGetsTheDefaultRefundOnceWithTheRuleAudited(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(
            sampleCase(stage: .merchantResponse, deadline: pinnedNow.addingTimeInterval(-hour)), actor: "seed")
        let report = try database.sweep(now: pinnedNow, rules: testRules)
        #expect(report.applied.map(\.caseID) == [filed.id])
        #expect(report.applied.first?.event == .merchantSilent)
        #expect(report.applied.first?.rule == "marketplace@1 merchant_response.on_expiry")
        let swept = try #require(try database.fetchCase(id: filed.id))
        #expect(swept.stage == .execution)
        // The next clock starts when the old one ran out: 3 days after the expiry.
        #expect(swept.stageDeadline == pinnedNow.addingTimeInterval(-hour + 3 * 86_400))
        let trail = try database.auditTrail(caseID: filed.id)
        #expect(trail.last?.actor == "sweeper")
        #expect(trail.last?.detail.contains("rule marketplace@1 merchant_response.on_expiry") == true)
        #expect(trail.last?.detail.contains("refund granted") == true)

        let again = try database.sweep(now: pinnedNow, rules: testRules)
        #expect(again.applied.isEmpty)
        #expect(try database.auditTrail(caseID: filed.id) == trail)
        #expect(try database.fetchCase(id: filed.id) == swept)
    }

    @Test(arguments: StoreKind.allCases)
    func aLongExpiredCaseCascadesThroughEachDefaultOnce(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(
            sampleCase(stage: .merchantResponse, deadline: pinnedNow.addingTimeInterval(-30 * 86_400)), actor: "seed")
        let report = try database.sweep(now: pinnedNow, rules: testRules)
        #expect(report.applied.map(\.event) == [.merchantSilent, .executed, .appealLapsed])
        #expect(try database.fetchCase(id: filed.id)?.stage == .closed)
        #expect(try database.sweep(now: pinnedNow, rules: testRules).applied.isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func aStageWithoutADefaultStaysOverdue(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(
            sampleCase(stage: .decision, deadline: pinnedNow.addingTimeInterval(-hour)), actor: "seed")
        #expect(try database.sweep(now: pinnedNow, rules: testRules).applied.isEmpty)
        #expect(try database.fetchCase(id: filed.id)?.stage == .decision)
    }

    @Test(arguments: StoreKind.allCases)
    func notYetExpiredCasesAreLeftAlone(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(
            sampleCase(stage: .merchantResponse, deadline: pinnedNow.addingTimeInterval(1)), actor: "seed")
        #expect(try database.sweep(now: pinnedNow, rules: testRules).applied.isEmpty)
        #expect(try database.fetchCase(id: filed.id)?.stage == .merchantResponse)
        // At the deadline itself the default applies.
        #expect(try database.sweep(now: pinnedNow.addingTimeInterval(1), rules: testRules).applied.count == 1)
    }

    @Test(arguments: StoreKind.allCases)
    func aCaseUnderAnUnknownPackIsReportedAndTheOthersProceed(_ store: StoreKind) throws {
        let database = try store.withStaff()
        var stray = sampleCase(stage: .merchantResponse, deadline: pinnedNow.addingTimeInterval(-hour))
        stray.rulePack = "gone@9"
        let strayCase = try database.insertCase(stray, actor: "seed")
        let normal = try database.insertCase(
            sampleCase(stage: .merchantResponse, deadline: pinnedNow.addingTimeInterval(-hour)), actor: "seed")
        let report = try database.sweep(now: pinnedNow, rules: testRules)
        #expect(report.applied.map(\.caseID) == [normal.id])
        #expect(report.problems.map(\.caseID) == [strayCase.id])
        #expect(report.problems.first?.message.contains("gone@9") == true)
    }

    @Test(arguments: StoreKind.allCases)
    func newCasesRecordTheDatabasesRulePack(_ store: StoreKind) throws {
        let database = try store.withStaff()
        #expect(try database.insertCase(sampleCase(), actor: "a").rulePack == "marketplace@1")
        let admin = StaffMember(name: "admin", role: .admin)
        let retailer = RulePack(
            id: "retailer", version: 3, name: LocalizedText(en: "R", zh: "R"), calendar: testPack.calendar, stages: [:])
        #expect(throws: CaseError.permission(.denied(name: "lin.mei", role: .mediator, permission: .administer))) {
            try database.setRulePack(retailer, by: mediator, at: pinnedNow)
        }
        try database.setRulePack(retailer, by: admin, at: pinnedNow)
        let later = try database.insertCase(sampleCase(), actor: "a")
        #expect(later.rulePack == "retailer@3")
        #expect(try database.fetchCase(id: 1)?.rulePack == "marketplace@1", "open cases keep their pack")
    }
}

@Suite("Suspension pauses the clock; resuming gives the time back")
struct SuspensionTests {
    @Test(arguments: StoreKind.allCases)
    func naturalTimeIsRestoredToTheSecond(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let left: TimeInterval = 10 * 3600 + 17 * 60 + 23
        let filed = try database.insertCase(
            sampleCase(stage: .intervention, deadline: pinnedNow.addingTimeInterval(left)), actor: "seed")
        let suspended = try database.apply(
            .suspend, toCase: filed.id, by: mediator, expectedVersion: 1, at: pinnedNow,
            rules: testRules)
        #expect(suspended.pausedRemaining == Int64(left))
        #expect(suspended.stageDeadline == pinnedNow.addingTimeInterval(30 * 86_400))
        let later = pinnedNow.addingTimeInterval(3 * 86_400 + 123)
        let resumed = try database.apply(
            .resume, toCase: filed.id, by: mediator, expectedVersion: 2, at: later,
            rules: testRules)
        #expect(resumed.stage == .intervention)
        #expect(resumed.stageDeadline == later.addingTimeInterval(left))
        #expect(resumed.pausedRemaining == nil)
    }

    @Test(arguments: StoreKind.allCases)
    func workingTimeIsRestoredInWorkingSeconds(_ store: StoreKind) throws {
        let database = try store.withStaff()
        // Evidence requested Thursday 2026-11-26 06:30 UTC, before the 09:00 start: the 4 working hours end at 13:00.
        let thursday = Date(timeIntervalSince1970: 1_795_674_600)  // 2026-11-26T06:30:00Z
        let deadline = testPack.deadline(entering: .evidence, at: thursday)!
        let filed = try database.insertCase(sampleCase(stage: .evidence, deadline: deadline), actor: "seed")
        let pauseAt = thursday.addingTimeInterval(3600)  // 07:30 UTC: before the 09:00 start, nothing used yet
        let suspended = try database.apply(
            .suspend, toCase: filed.id, by: mediator, expectedVersion: 1, at: pauseAt, rules: testRules)
        #expect(suspended.pausedRemaining == Int64(4 * 3600))
        // Resume on Friday 17:00 UTC: one working hour that day, three on Monday morning.
        let friday = Date(timeIntervalSince1970: 1_795_798_800)  // 2026-11-27T17:00:00Z
        let resumed = try database.apply(
            .resume, toCase: filed.id, by: mediator, expectedVersion: 2, at: friday, rules: testRules)
        #expect(resumed.stageDeadline == Date(timeIntervalSince1970: 1_796_040_000))  // 2026-11-30T12:00:00Z
    }

    @Test(arguments: StoreKind.allCases)
    func anExpiredSuspensionResumesWithTheRemainingTime(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(
            sampleCase(stage: .intervention, deadline: pinnedNow.addingTimeInterval(5 * 3600)), actor: "seed")
        try database.apply(
            .suspend, toCase: filed.id, by: mediator, expectedVersion: 1, at: pinnedNow, rules: testRules)
        let expiry = pinnedNow.addingTimeInterval(30 * 86_400)
        let report = try database.sweep(now: expiry.addingTimeInterval(60), rules: testRules)
        #expect(report.applied.map(\.event) == [.resume])
        let resumed = try #require(try database.fetchCase(id: filed.id))
        #expect(resumed.stage == .intervention)
        #expect(resumed.stageDeadline == expiry.addingTimeInterval(5 * 3600))
    }
}

@Suite("Sweeper properties over random queues")
struct SweepPropertyTests {
    /// Random open cases, swept at random increasing times (each time twice): every expired
    /// deadline's default is applied exactly once, and nothing expired with a default is left.
    @Test(arguments: StoreKind.allCases, [1, 2, 3, 4, 5] as [UInt64])
    func eachExpiredDeadlineAppliesItsDefaultExactlyOnce(_ store: StoreKind, seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        let database = try store.withStaff()
        let stages: [Stage] = [
            .merchantResponse, .negotiation, .intervention, .evidence, .decision, .execution, .appealWindow,
        ]
        for index in 0..<120 {
            let stage = stages[random.next() % stages.count]
            let offset = Double(random.next() % (80 * 24) - 40 * 24) * 3600
            try database.insertCase(
                sampleCase(title: "随机 \(index)", stage: stage, deadline: pinnedNow.addingTimeInterval(offset)),
                actor: "seed")
        }
        var now = pinnedNow.addingTimeInterval(-20 * 86_400)
        var applied: [SweepAction] = []
        for _ in 0..<8 {
            now = now.addingTimeInterval(Double(random.next() % (10 * 24)) * 3600)
            let first = try database.sweep(now: now, rules: testRules)
            #expect(first.problems.isEmpty)
            #expect(first.applied.allSatisfy { $0.expiredAt <= now })
            applied += first.applied
            #expect(try database.sweep(now: now, rules: testRules).applied.isEmpty, "a repeat at \(now) did something")
        }
        let keys = applied.map { "\($0.caseID)@\($0.expiredAt.timeIntervalSince1970)" }
        #expect(Set(keys).count == keys.count, "a deadline's default was applied twice")
        for id in 1...Int64(120) {
            let item = try #require(try database.fetchCase(id: id))
            if let deadline = item.stageDeadline, deadline <= now {
                #expect(item.expiryRule(in: testPack) == nil, "case \(id) left expired in \(item.stage)")
            }
        }
        let swept = try (1...Int64(120)).flatMap { try database.auditTrail(caseID: $0) }.filter {
            $0.actor == "sweeper"
        }
        #expect(swept.count == applied.count)
        #expect(try database.verify().isIntact)
    }
}

@Suite("Party events after their deadline")
struct LatePartyEventTests {
    @Test(arguments: StoreKind.allCases)
    func aLateAppealIsRefusedWithTheDeadlineShown(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let deadline = pinnedNow.addingTimeInterval(-60)
        let filed = try database.insertCase(sampleCase(stage: .appealWindow, deadline: deadline), actor: "seed")
        #expect(
            throws: CaseError.lifecycle(.deadlinePassed(event: .appealFiled, stage: .appealWindow, deadline: deadline))
        ) {
            try database.apply(
                .appealFiled, toCase: filed.id, by: mediator, onBehalfOf: .buyer, expectedVersion: 1, at: pinnedNow,
                rules: testRules)
        }
        let message = LifecycleError.deadlinePassed(event: .appealFiled, stage: .appealWindow, deadline: deadline)
            .message
        #expect(message.en.contains("2026-11-27T07:59:00Z"))
        // In time, the same appeal opens appeal review.
        let open = try database.insertCase(
            sampleCase(stage: .appealWindow, deadline: pinnedNow.addingTimeInterval(60)), actor: "seed")
        let appealed = try database.apply(
            .appealFiled, toCase: open.id, by: mediator, onBehalfOf: .buyer, expectedVersion: 1, at: pinnedNow,
            rules: testRules)
        #expect(appealed.stage == .appealReview)
    }

    @Test(arguments: StoreKind.allCases)
    func staffMayStillActAfterADeadline(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(
            sampleCase(stage: .intervention, deadline: pinnedNow.addingTimeInterval(-60)), actor: "seed")
        let suspended = try database.apply(
            .suspend, toCase: filed.id, by: mediator, expectedVersion: 1, at: pinnedNow, rules: testRules)
        #expect(suspended.stage == .suspended)
    }
}
