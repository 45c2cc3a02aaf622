import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation
import StoreTestSupport
import Testing

let supervisor = StaffMember(name: "wang.fang", role: .supervisor)
let secondSupervisor = StaffMember(name: "zhao.min", role: .supervisor)
let observer = StaffMember(name: "li.ming", role: .observer)

/// A store of `kind` with the usual staff plus a second supervisor, and one case in decision taken by lin.mei.
func decisionCase(claimFen: Int64 = 129_900, flags: Set<CaseFlag> = [], in kind: StoreKind) throws
    -> (any CaseStore, Case)
{
    let database = try kind.empty()
    let (admin, _) = try database.authenticate("admin", at: pinnedNow)
    for member in [mediator, otherMediator, supervisor, secondSupervisor, observer] {
        try database.addStaff(member, by: admin, at: pinnedNow)
    }
    var item = sampleCase(stage: .decision, claimFen: claimFen)
    item.flags = flags
    let stored = try database.insertCase(item, actor: "test")
    try database.take(caseID: stored.id, by: mediator, at: pinnedNow)
    return (database, try #require(try database.fetchCase(id: stored.id)))
}

func draft(_ remedies: [OrderedRemedy], findings: [IssueFinding] = [], cite: [String] = ["CC-582", "CRPL-55"])
    -> RulingDraft
{
    RulingDraft(
        remedies: remedies, findings: findings, reasons: "品牌方鉴定为仿冒，商家未提供进货凭证。", citations: cite,
        declaresNoConflict: true)
}

func refusal(_ body: () throws -> Void) -> [RulingError] {
    do {
        try body()
    } catch CaseError.ruling(let problems) {
        return problems
    } catch {
        Issue.record("expected a ruling refusal, got \(error)")
    }
    return []
}

@Suite("Rulings in the store: review, obligations, appeals (issue 6)")
struct RulingStoreTests {
    let later = pinnedNow.addingTimeInterval(600)

    @Test(arguments: StoreKind.allCases)
    func theWholeTrailFromRulingToAppealDecision(_ store: StoreKind) throws {
        let (database, item) = try decisionCase(in: store)
        let issue = try database.addIssue(
            caseID: item.id, kind: .counterfeit, description: "鞋是否为正品", by: mediator, at: pinnedNow)
        let terms = draft(
            [OrderedRemedy(remedy: "return_and_refund", amount: .yuan(1299)), OrderedRemedy(remedy: "fraud_damages")],
            findings: [IssueFinding(issueID: issue.id, finding: .proven, note: "品牌方鉴定结论：非正品")])

        // Above the ¥2,000 threshold: waits for review.
        let first = try database.submitRuling(caseID: item.id, draft: terms, by: mediator, at: later, rules: testRules)
        #expect(first.reviewReason == .amount(total: Money(fen: 519_600), threshold: .yuan(2000)))
        #expect(first.ruling.draft.remedies[1].amount == Money(fen: 389_700))
        #expect(try database.fetchCase(id: item.id)?.flags.contains(.reviewPending) == true)
        #expect(throws: CaseError.rulingPending(caseID: item.id)) {
            try database.submitRuling(caseID: item.id, draft: terms, by: mediator, at: later, rules: testRules)
        }

        // The supervisor returns it; a return needs comments.
        #expect(
            refusal {
                try database.reviewRuling(
                    caseID: item.id, approve: false, comment: " ", by: supervisor, at: later, rules: testRules)
            } == [.commentRequired])
        try database.reviewRuling(
            caseID: item.id, approve: false, comment: "请写明鉴定机构", by: supervisor, at: later, rules: testRules)
        #expect(try database.fetchCase(id: item.id)?.flags.contains(.reviewPending) == false)

        // The mediator revises; the revision goes back to review and is approved.
        var revised = terms
        revised.reasons = "品牌官方鉴定中心出具鉴定报告，结论为非正品；商家未提供进货凭证。"
        let second = try database.submitRuling(
            caseID: item.id, draft: revised, by: mediator, at: later, rules: testRules)
        #expect(second.ruling.revision == 2 && second.reviewReason == .revision)
        let (approved, obligations) = try database.reviewRuling(
            caseID: item.id, approve: true, comment: "", by: supervisor, at: later, rules: testRules)
        #expect(approved.status == .final && approved.reviewer == "wang.fang")
        #expect(obligations.map(\.obligor) == [.buyer, .merchant, .merchant])
        let inExecution = try #require(try database.fetchCase(id: item.id))
        #expect(inExecution.stage == .execution)
        #expect(inExecution.stageDeadline == obligations.map(\.dueAt).max())
        #expect(try database.issues(caseID: item.id).first?.finding == .proven)

        // Execution cannot end with obligations open.
        #expect(throws: CaseError.self) {
            try database.apply(
                .executed, toCase: item.id, by: mediator, expectedVersion: nil, at: later, rules: testRules)
        }
        // The merchant pays on time; the buyer's return defaults and flags the case.
        for obligation in obligations where obligation.obligor == .merchant {
            try database.fulfil(obligationID: obligation.id, caseID: item.id, note: "退款单 R1", by: mediator, at: later)
        }
        let buyerDue = obligations[0].dueAt
        let sweep = try database.sweep(now: buyerDue.addingTimeInterval(1), rules: testRules)
        #expect(sweep.defaulted == [obligations[0].id])
        #expect(sweep.applied.map(\.event) == [.executed])
        let defaulted = try #require(try database.fetchCase(id: item.id))
        #expect(defaulted.flags.contains(.obligationOverdue) && defaulted.stage == .appealWindow)
        #expect(try database.sweep(now: buyerDue.addingTimeInterval(2), rules: testRules).defaulted.isEmpty)
        try database.fulfil(
            obligationID: obligations[0].id, caseID: item.id, note: "买家补寄", by: mediator,
            at: buyerDue.addingTimeInterval(60))
        #expect(try database.fetchCase(id: item.id)?.flags.contains(.obligationOverdue) == false)

        // The merchant appeals in time, by import, with grounds.
        let appealAt = ISO8601Time.string(buyerDue.addingTimeInterval(3600))
        let line = """
            {"type":"event","case":\(item.id),"party":"merchant","event":"appeal","at":"\(appealAt)","note":"鉴定机构无资质"}
            """
        let report = try database.importFile(
            Data(line.utf8), by: mediator, skipInvalid: false, rules: testRules, now: buyerDue.addingTimeInterval(3600))
        #expect(report.errors.isEmpty && report.committed)
        #expect(try database.fetchCase(id: item.id)?.stage == .appealReview)

        // Neither the ruling's mediator nor its reviewer decides the appeal.
        let decidedAt = buyerDue.addingTimeInterval(7200)
        #expect(throws: CaseError.self) {
            try database.decideAppeal(
                caseID: item.id, outcome: .uphold, terms: nil, reasons: "x", by: mediator, at: decidedAt,
                rules: testRules)
        }
        #expect(
            refusal {
                try database.decideAppeal(
                    caseID: item.id, outcome: .uphold, terms: nil, reasons: "维持", by: supervisor, at: decidedAt,
                    rules: testRules)
            } == [.involvedInRuling(name: "wang.fang", caseID: item.id, how: "reviewed")])
        let partial = draft([OrderedRemedy(remedy: "partial_refund", amount: .yuan(600))], cite: ["CC-582"])
        let appeal = try database.decideAppeal(
            caseID: item.id, outcome: .modify, terms: partial, reasons: "鉴定报告瑕疵，改为部分退款", by: secondSupervisor,
            at: decidedAt, rules: testRules)
        #expect(appeal.outcome == .modify && appeal.newRulingID != nil)

        let decisions = try database.decisions(caseID: item.id)
        #expect(decisions.rulings.map(\.status) == [.superseded, .superseded, .final])
        #expect(decisions.inForce?.mediator == "zhao.min" && decisions.inForce?.favours == .split)
        #expect(decisions.inForce?.draft.findings.first?.note == "品牌方鉴定结论：非正品")
        #expect(try database.fetchCase(id: item.id)?.stage == .execution)
        #expect(decisions.obligations.filter { $0.rulingID == appeal.newRulingID }.map(\.task) == ["partial_refund"])

        let actions = try database.auditTrail(caseID: item.id).map(\.action)
        for action in [
            "ruling", "review_return", "review_approve", "rule", "obligation", "fulfil", "obligation_default",
            "appeal_filed", "appeal_decision", "appeal_execute",
        ] {
            #expect(actions.contains(action), "audit lacks \(action)")
        }
        #expect(try database.verify().isIntact)

        // The dashboard counts it: one case decided (now split), one appeal, modified; two deadlines
        // the sweeper applied this week (the buyer's default and the end of execution).
        let dashboard = try database.dashboard(now: decidedAt)
        #expect(dashboard.decidedCases == 1 && dashboard.outcomes == [.split: 1])
        #expect(dashboard.appeals == 1 && dashboard.appealOutcomes == [.modify: 1])
        #expect(dashboard.appealRate == 1 && dashboard.overturnRate == 0)
        #expect(dashboard.breachedThisWeek == 2)
        #expect(dashboard.backlogByStage == [.execution: 1])
        #expect(dashboard.mediators.first { $0.name == "lin.mei" }?.decided == 1)
        #expect(dashboard.medianHoursToDecision.map { abs($0 - 1 - 10.0 / 60) < 0.01 } == true)
    }

    @Test(arguments: StoreKind.allCases)
    func aSmallRulingTakesEffectAtOnce(_ store: StoreKind) throws {
        let (database, item) = try decisionCase(claimFen: 12_000, in: store)
        let result = try database.submitRuling(
            caseID: item.id, draft: draft([OrderedRemedy(remedy: "refund", amount: .yuan(120))], cite: ["CC-582"]),
            by: mediator, at: later, rules: testRules)
        #expect(result.reviewReason == nil && result.ruling.status == .final)
        #expect(result.obligations.count == 1)
        #expect(try database.fetchCase(id: item.id)?.stage == .execution)
    }

    @Test(arguments: StoreKind.allCases)
    func aSupervisorCannotReviewTheirOwnRuling(_ store: StoreKind) throws {
        let (database, item) = try decisionCase(claimFen: 300_000, in: store)
        try database.submitRuling(
            caseID: item.id, draft: draft([OrderedRemedy(remedy: "refund", amount: .yuan(3000))], cite: ["CC-582"]),
            by: supervisor, at: later, rules: testRules)
        #expect(
            refusal {
                try database.reviewRuling(
                    caseID: item.id, approve: true, comment: "", by: supervisor, at: later, rules: testRules)
            } == [.ownRuling(name: "wang.fang", caseID: item.id)])
        #expect(throws: CaseError.self) {
            try database.reviewRuling(
                caseID: item.id, approve: true, comment: "", by: mediator, at: later, rules: testRules)
        }
        try database.reviewRuling(
            caseID: item.id, approve: true, comment: "", by: secondSupervisor, at: later, rules: testRules)
        #expect(try database.fetchCase(id: item.id)?.stage == .execution)
    }

    @Test(arguments: StoreKind.allCases)
    func aPlatformInterestRulingWaitsForTheObserver(_ store: StoreKind) throws {
        let (database, item) = try decisionCase(claimFen: 12_000, flags: [.platformInterest], in: store)
        let terms = draft([OrderedRemedy(remedy: "refund", amount: .yuan(120))], cite: ["CC-582"])
        let result = try database.submitRuling(caseID: item.id, draft: terms, by: mediator, at: later, rules: testRules)
        #expect(result.reviewReason == .platformInterest)
        #expect(
            refusal {
                try database.reviewRuling(
                    caseID: item.id, approve: true, comment: "", by: supervisor, at: later, rules: testRules)
            } == [.observerSignoffMissing(caseID: item.id)])
        #expect(try database.fetchCase(id: item.id)?.stage == .decision)
        try database.recordObserverSignoff(
            caseID: item.id, observer: observer.name, statement: "程序合规，同意", by: mediator, at: later)
        try database.reviewRuling(
            caseID: item.id, approve: true, comment: "", by: supervisor, at: later, rules: testRules)
        #expect(try database.fetchCase(id: item.id)?.stage == .execution)
        #expect(try database.decisions(caseID: item.id).signoffs.first?.observer == observer.name)
    }

    @Test(arguments: StoreKind.allCases)
    func incompleteRulingsAreRefusedWithEveryProblem(_ store: StoreKind) throws {
        let (database, item) = try decisionCase(in: store)
        let empty = RulingDraft(remedies: [], reasons: "", citations: [], declaresNoConflict: false)
        #expect(
            refusal {
                try database.submitRuling(caseID: item.id, draft: empty, by: mediator, at: later, rules: testRules)
            } == [.noRemedy, .reasonsRequired, .citationsRequired, .conflictNotDeclared])
        #expect(try database.fetchCase(id: item.id)?.stage == .decision)
        #expect(try database.decisions(caseID: item.id).rulings.isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func onlyTheAssigneeOrASupervisorRules(_ store: StoreKind) throws {
        let (database, item) = try decisionCase(claimFen: 12_000, in: store)
        let terms = draft([OrderedRemedy(remedy: "refund", amount: .yuan(120))], cite: ["CC-582"])
        #expect(throws: CaseError.notYourCase(caseID: item.id, assignee: "lin.mei")) {
            try database.submitRuling(caseID: item.id, draft: terms, by: otherMediator, at: later, rules: testRules)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func theRuleStepIsTakenOnlyByARuling(_ store: StoreKind) throws {
        let (database, item) = try decisionCase(in: store)
        #expect(throws: CaseError.useCommand(event: .rule, command: "casedesk case rule")) {
            try database.apply(.rule, toCase: item.id, by: mediator, expectedVersion: nil, at: later, rules: testRules)
        }
        #expect(throws: CaseError.automaticFlag(.reviewPending)) {
            try database.setFlag(.reviewPending, on: true, caseID: item.id, by: mediator, at: later)
        }
    }

    /// Issue 14, problem 8: a feed's timestamp before the case was filed (an appeal dated 2001,
    /// which would slip past the window check) or ahead of the importer's clock is refused by line.
    @Test(arguments: StoreKind.allCases)
    func aFeedCannotBackdateOrPostdateAnEvent(_ store: StoreKind) throws {
        let (database, item) = try decisionCase(claimFen: 12_000, in: store)
        let terms = draft([OrderedRemedy(remedy: "refund", amount: .yuan(120))], cite: ["CC-582"])
        let result = try database.submitRuling(caseID: item.id, draft: terms, by: mediator, at: later, rules: testRules)
        try database.fulfil(obligationID: result.obligations[0].id, caseID: item.id, note: "", by: mediator, at: later)
        _ = try database.apply(
            .executed, toCase: item.id, by: mediator, expectedVersion: nil, at: later, rules: testRules)
        let lines = ["2001-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T00:00:00Z", "now+1h"].map {
            """
            {"type":"event","case":\(item.id),"party":"merchant","event":"appeal","at":"\($0)","note":"不服"}
            """
        }
        let report = try database.importFile(
            Data(lines.joined(separator: "\n").utf8), by: mediator, skipInvalid: false, rules: testRules, now: later)
        let reasons = report.errors.map(\.reason)
        #expect(reasons.count == 4, "\(reasons)")
        #expect(reasons[0].contains("is before case #\(item.id) was filed"))
        #expect(reasons[1].contains("must be") || reasons[1].contains("is before"))
        #expect(reasons[2].contains("must be") && reasons[3].contains("is in the future"))
        #expect(try database.fetchCase(id: item.id)?.stage == .appealWindow)
    }

    @Test(arguments: StoreKind.allCases)
    func aLateAppealIsRefusedWithTheDeadlineAndOneAppealIsAllowed(_ store: StoreKind) throws {
        let (database, item) = try decisionCase(claimFen: 12_000, in: store)
        let terms = draft([OrderedRemedy(remedy: "refund", amount: .yuan(120))], cite: ["CC-582"])
        let result = try database.submitRuling(caseID: item.id, draft: terms, by: mediator, at: later, rules: testRules)
        try database.fulfil(obligationID: result.obligations[0].id, caseID: item.id, note: "", by: mediator, at: later)
        let windowOpen = try database.apply(
            .executed, toCase: item.id, by: mediator, expectedVersion: nil, at: later, rules: testRules)
        let deadline = try #require(windowOpen.stageDeadline)
        func appeal(at time: Date, note: String = "不服") throws -> ImportReport {
            let line = """
                {"type":"event","case":\(item.id),"party":"merchant","event":"appeal","at":"\(ISO8601Time.string(time))","note":"\(note)"}
                """
            return try database.importFile(
                Data(line.utf8), by: mediator, skipInvalid: false, rules: testRules, now: time)
        }
        let late = try appeal(at: deadline.addingTimeInterval(60))
        #expect(late.errors.first?.reason.contains(ISO8601Time.string(deadline)) == true)
        #expect(try appeal(at: later, note: "").errors.first?.reason.contains("grounds") == true)
        #expect(try appeal(at: later).errors.isEmpty)
        try database.decideAppeal(
            caseID: item.id, outcome: .uphold, terms: nil, reasons: "证据充分，维持原裁决", by: supervisor, at: later,
            rules: testRules)
        let closed = try #require(try database.fetchCase(id: item.id))
        #expect(closed.stage == .closed)
        #expect(try database.decisions(caseID: item.id).appeals.first?.outcome == .uphold)
    }
}

/// Issue 14, problem 7: the platform-interest flag calls in an independent observer, so a
/// mediator cannot lift it; a supervisor may, saying why; a ruling citing ECL-38 raises it.
@Suite("The platform-interest flag")
struct PlatformInterestTests {
    let later = pinnedNow.addingTimeInterval(600)

    @Test(arguments: StoreKind.allCases)
    func onlyASupervisorLiftsItWithAReason(_ store: StoreKind) throws {
        let (database, item) = try decisionCase(flags: [.platformInterest], in: store)
        #expect(throws: CaseError.platformInterestLocked(caseID: item.id, reason: .supervisorOnly)) {
            try database.setFlag(.platformInterest, on: false, reason: "不相关", caseID: item.id, by: mediator, at: later)
        }
        #expect(throws: CaseError.emptyText(field: "the reason for lifting the platform-interest flag")) {
            try database.setFlag(.platformInterest, on: false, caseID: item.id, by: supervisor, at: later)
        }
        let lifted = try database.setFlag(
            .platformInterest, on: false, reason: "第三方店铺，平台无连带责任", caseID: item.id, by: supervisor, at: later)
        #expect(!lifted.flags.contains(.platformInterest))
        #expect(try database.auditTrail(caseID: item.id).last?.detail.contains("第三方店铺，平台无连带责任") == true)
    }

    /// Issue 14, problem 7: the ruling's author (or reviewer, or the case's holder) cannot sign off as its observer.
    @Test(arguments: StoreKind.allCases)
    func theObserverIsNeverTheRulingsAuthorReviewerOrHolder(_ store: StoreKind) throws {
        let (database, item) = try decisionCase(claimFen: 12_000, flags: [.platformInterest], in: store)
        let terms = draft([OrderedRemedy(remedy: "refund", amount: .yuan(120))], cite: ["CC-582"])
        _ = try database.submitRuling(caseID: item.id, draft: terms, by: mediator, at: later, rules: testRules)
        // Roles change: the ruling's author, re-registered as an observer, is still not independent,
        // whether she signs in person or a supervisor records it.
        let admin = StaffMember(name: "admin", role: .admin)
        try database.addStaff(StaffMember(name: mediator.name, role: .observer), by: admin, at: later)
        let author = StaffMember(name: mediator.name, role: .observer)
        for recorder in [author, supervisor] {
            #expect(throws: CaseError.observerNotIndependent(caseID: item.id, observer: mediator.name)) {
                try database.recordObserverSignoff(
                    caseID: item.id, observer: mediator.name, statement: "同意", by: recorder, at: later)
            }
        }
        try database.recordObserverSignoff(
            caseID: item.id, observer: observer.name, statement: "程序公正", by: supervisor, at: later)
        #expect(try database.decisions(caseID: item.id).signoffs.map(\.observer) == [observer.name])
    }

    /// Issue 14: observers are registered staff of the observer role, who sign in their own name.
    @Test(arguments: StoreKind.allCases)
    func theObserverIsRegisteredStaffOfTheObserverRole(_ store: StoreKind) throws {
        let (database, item) = try decisionCase(claimFen: 12_000, flags: [.platformInterest], in: store)
        // A free-text name, or a registered person of another role, is no observer.
        for name in ["消费者协会 李明", otherMediator.name] {
            #expect(throws: CaseError.observerNotRegistered(observer: name)) {
                try database.recordObserverSignoff(
                    caseID: item.id, observer: name, statement: "同意", by: mediator, at: later)
            }
        }
        // An observer signs only in their own name, and does no case work.
        #expect(throws: CaseError.observerSignsForThemselves(observer: observer.name, named: "lin.mei")) {
            try database.recordObserverSignoff(
                caseID: item.id, observer: "lin.mei", statement: "同意", by: observer, at: later)
        }
        #expect(throws: CaseError.permission(.denied(name: observer.name, role: .observer, permission: .note))) {
            try database.addNote(caseID: item.id, text: "看过了", by: observer, at: later)
        }
        try database.recordObserverSignoff(
            caseID: item.id, observer: observer.name, statement: "程序公正", by: observer, at: later)
        let signoff = try #require(try database.decisions(caseID: item.id).signoffs.first)
        #expect(signoff.observer == observer.name && signoff.recordedBy == observer.name)
        // An admin is the platform's own staff, never its independent observer.
        #expect(!Permissions.allows(.admin, .observe))
    }

    @Test(arguments: StoreKind.allCases)
    func aRulingCitingECL38RaisesItAndKeepsIt(_ store: StoreKind) throws {
        let (database, item) = try decisionCase(claimFen: 12_000, in: store)
        let terms = draft([OrderedRemedy(remedy: "refund", amount: .yuan(120))], cite: ["CC-582", "ECL-38"])
        let result = try database.submitRuling(caseID: item.id, draft: terms, by: mediator, at: later, rules: testRules)
        let flagged = try #require(try database.fetchCase(id: item.id))
        #expect(flagged.flags.contains(.platformInterest))
        // The pack reviews platform-interest rulings: it waits, and cannot take effect without an observer.
        #expect(result.ruling.status == .pendingReview)
        #expect(
            throws: CaseError.platformInterestLocked(
                caseID: item.id, reason: .citesPlatformLiability(rulingID: result.ruling.id))
        ) {
            try database.setFlag(
                .platformInterest, on: false, reason: "试图取消", caseID: item.id, by: supervisor, at: later)
        }
    }
}
