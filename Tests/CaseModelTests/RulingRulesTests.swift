import CaseModel
import Foundation
import Testing

/// A small catalogue built in code, so the model tests do not depend on the shipped YAML.
let rulingCatalogue = Catalogue(
    statutes: [
        Statute(
            id: "CRPL-55", title: LocalizedText(en: "CRPL art. 55", zh: "消保法第五十五条"),
            rule: LocalizedText(en: "fraud", zh: "欺诈")),
        Statute(
            id: "CC-582", title: LocalizedText(en: "CC art. 582", zh: "民法典第五百八十二条"),
            rule: LocalizedText(en: "remedies", zh: "补救")),
    ],
    remedies: [
        Remedy(id: "refund", label: LocalizedText(en: "full refund", zh: "全额退款"), basis: ["CC-582"], amount: .required),
        Remedy(
            id: "return_and_refund", label: LocalizedText(en: "return and refund", zh: "退货退款"), basis: ["CC-582"],
            amount: .required, buyerReturnsGoods: true),
        Remedy(
            id: "partial_refund", label: LocalizedText(en: "partial refund", zh: "部分退款"), basis: ["CC-582"],
            amount: .required, side: .split),
        Remedy(id: "repair", label: LocalizedText(en: "repair", zh: "修理"), basis: ["CC-582"]),
        Remedy(
            id: "fraud_damages", label: LocalizedText(en: "fraud damages", zh: "欺诈赔偿"), basis: ["CRPL-55"],
            amount: .required, calculator: .crpl55),
        Remedy(
            id: "claim_rejected", label: LocalizedText(en: "claim rejected", zh: "驳回请求"), basis: [], obligor: nil,
            side: .merchant),
    ])

let rulingPack = RulePack(
    id: "marketplace", version: 1, name: LocalizedText(en: "Test", zh: "测试"),
    calendar: WorkingCalendar(timeZone: TimeZone(identifier: "UTC")!),
    stages: [
        .appealWindow: StageRule(
            stage: .appealWindow, deadline: .days(15), onExpiry: .appealLapsed,
            outcome: LocalizedText(en: "closed", zh: "结案"))
    ],
    review: ReviewPolicy(amountOver: .yuan(2000), platformInterest: true, samplePercent: 10),
    obligations: ObligationTerms(deadlines: [.merchant: .days(3), .buyer: .workingDays(5)]))

let t0 = Date(timeIntervalSince1970: 1_795_766_400)  // 2026-11-27T08:00:00Z, a Friday

func goodDraft(_ remedies: [OrderedRemedy] = [OrderedRemedy(remedy: "refund", amount: .yuan(120))]) -> RulingDraft {
    RulingDraft(
        remedies: remedies, findings: [IssueFinding(issueID: 1, finding: .proven, note: "屏幕在签收时已碎裂")],
        reasons: "物流签收照片显示外箱完好而屏幕碎裂，商家未能证明出厂完好。", citations: ["CC-582"], declaresNoConflict: true)
}

func ruling(_ draft: RulingDraft, by mediator: String, reviewer: String? = nil) -> Ruling {
    Ruling(
        id: 1, caseID: 7, revision: 1, mediator: mediator, draft: draft,
        favours: draft.favours(claim: .yuan(120), catalogue: rulingCatalogue), status: .final, reviewer: reviewer,
        createdAt: t0)
}

@Suite("Rulings: required content (issue 6)")
struct RulingContentTests {
    func problems(_ draft: RulingDraft, issues: [Int64] = [1], order: Money = .yuan(1299)) -> [RulingError] {
        RulingRules.problems(draft, orderAmount: order, issueIDs: issues, catalogue: rulingCatalogue, pack: rulingPack)
    }

    @Test func aCompleteRulingHasNoProblems() {
        #expect(problems(goodDraft()).isEmpty)
    }

    @Test func reasonsAreRequired() {
        var draft = goodDraft()
        draft.reasons = "  \n"
        #expect(problems(draft) == [.reasonsRequired])
    }

    @Test func citationsAreRequiredAndMustBeInTheCatalogueOrThePack() {
        var draft = goodDraft()
        draft.citations = []
        #expect(problems(draft) == [.citationsRequired])
        draft.citations = ["CC-999"]
        #expect(problems(draft) == [.unknownCitation("CC-999")])
        draft.citations = ["marketplace@1 appeal_window"]
        #expect(problems(draft).isEmpty)
        draft.citations = ["marketplace@1 negotiation"]
        #expect(problems(draft) == [.unknownCitation("marketplace@1 negotiation")])
    }

    @Test func everyPointInDisputeNeedsAFindingInWords() {
        var draft = goodDraft()
        #expect(problems(draft, issues: [1, 2]) == [.missingFinding(issueID: 2)])
        draft.findings[0].note = " "
        #expect(problems(draft) == [.emptyFinding(issueID: 1)])
        draft.findings.append(IssueFinding(issueID: 9, finding: .proven, note: "x"))
        #expect(problems(draft).contains(.unknownIssue(issueID: 9)))
    }

    @Test func theMediatorMustDeclareNoConflictOfInterest() {
        var draft = goodDraft()
        draft.declaresNoConflict = false
        #expect(problems(draft) == [.conflictNotDeclared])
        #expect(RulingError.conflictNotDeclared.message.en.contains("release the case"))
    }

    @Test func amountsFollowTheRemedy() {
        #expect(problems(goodDraft([OrderedRemedy(remedy: "refund")])) == [.amountRequired(remedy: "refund")])
        #expect(
            problems(goodDraft([OrderedRemedy(remedy: "repair", amount: .yuan(5))]))
                == [.amountNotAllowed(remedy: "repair")])
        #expect(
            problems(goodDraft([OrderedRemedy(remedy: "refund", amount: .zero)]))
                == [.amountNotPositive(remedy: "refund")])
        #expect(
            problems(goodDraft([OrderedRemedy(remedy: "refund", amount: .yuan(1300))]))
                == [.refundAboveOrder(remedy: "refund", amount: .yuan(1300), order: .yuan(1299))])
        #expect(problems(goodDraft([OrderedRemedy(remedy: "teleport")])) == [.unknownRemedy("teleport")])
    }

    @Test func aRejectedClaimStandsAlone() {
        let draft = goodDraft([OrderedRemedy(remedy: "claim_rejected"), OrderedRemedy(remedy: "repair")])
        #expect(problems(draft) == [.rejectionWithRemedies])
    }

    @Test func statutoryAmountsComeFromTheCalculatorAndCiteTheirStatute() {
        let draft = RulingRules.withStatutoryAmounts(
            goodDraft([OrderedRemedy(remedy: "fraud_damages")]), orderAmount: .yuan(1299), catalogue: rulingCatalogue)
        #expect(draft.remedies[0].amount == Money(fen: 389_700))
        #expect(draft.remedies[0].formula == "3 × ¥1,299.00 = ¥3,897.00")
        #expect(problems(draft) == [.basisNotCited(remedy: "fraud_damages", statutes: ["CRPL-55"])])
        var cited = draft
        cited.citations.append("CRPL-55")
        #expect(problems(cited).isEmpty)
    }

    @Test func aStatutoryAmountIsOverriddenOnlyWithAReason() {
        var draft = goodDraft([OrderedRemedy(remedy: "fraud_damages", amount: .yuan(100))])
        draft.citations = ["CRPL-55"]
        let award = Calculators.crpl55Fraud(pricePaid: .yuan(20))
        #expect(problems(draft, order: .yuan(20)) == [.overrideNeedsReason(remedy: "fraud_damages", computed: award)])
        draft.remedies[0].overrideReason = "买家自愿只要求一百元"
        #expect(problems(draft, order: .yuan(20)).isEmpty)
    }

    @Test func theOutcomeSplitFollowsTheRemedies() {
        let claim = Money.yuan(120)
        #expect(goodDraft().favours(claim: claim, catalogue: rulingCatalogue) == .buyer)
        #expect(
            goodDraft([OrderedRemedy(remedy: "refund", amount: .yuan(60))]).favours(
                claim: claim, catalogue: rulingCatalogue)
                == .split)
        #expect(
            goodDraft([OrderedRemedy(remedy: "partial_refund", amount: .yuan(120))]).favours(
                claim: claim, catalogue: rulingCatalogue) == .split)
        #expect(
            goodDraft([OrderedRemedy(remedy: "claim_rejected")]).favours(claim: claim, catalogue: rulingCatalogue)
                == .merchant)
    }
}

@Suite("Rulings: separation of duties (issue 6)")
struct SeparationOfDutiesTests {
    @Test func nobodyReviewsTheirOwnRuling() {
        let own = ruling(goodDraft(), by: "wang.fang")
        #expect(RulingRules.checkReview(of: own, by: "wang.fang").error == (.ownRuling(name: "wang.fang", caseID: 7)))
        #expect((try? RulingRules.checkReview(of: own, by: "zhao.min").get()) != nil)
    }

    @Test func aMediatorCannotDecideAnAppealOnTheirOwnRuling() {
        let rulings = [ruling(goodDraft(), by: "lin.mei", reviewer: "wang.fang")]
        #expect(
            RulingRules.checkAppealDecision(rulings: rulings, by: "lin.mei")
                .error == (.involvedInRuling(name: "lin.mei", caseID: 7, how: "wrote")))
        #expect(
            RulingRules.checkAppealDecision(rulings: rulings, by: "wang.fang")
                .error == (.involvedInRuling(name: "wang.fang", caseID: 7, how: "reviewed")))
        #expect((try? RulingRules.checkAppealDecision(rulings: rulings, by: "zhao.min").get()) != nil)
    }

    @Test func anEarlierRevisionsAuthorIsInvolvedToo() {
        var first = ruling(goodDraft(), by: "zhang.wei")
        first.status = .superseded
        var second = ruling(goodDraft(), by: "wang.fang")
        second.revision = 2
        #expect(
            RulingRules.checkAppealDecision(rulings: [first, second], by: "zhang.wei")
                .error == (.involvedInRuling(name: "zhang.wei", caseID: 7, how: "wrote")))
    }

    @Test func appealOutcomesMustFitTheirTerms() {
        let original = ruling(goodDraft(), by: "lin.mei")
        let rejected = goodDraft([OrderedRemedy(remedy: "claim_rejected")])
        let half = goodDraft([OrderedRemedy(remedy: "refund", amount: .yuan(60))])
        func check(_ outcome: AppealOutcome, _ terms: RulingDraft?) -> Result<Void, RulingError> {
            RulingRules.checkAppealOutcome(
                outcome, original: original, newTerms: terms, claim: .yuan(120), catalogue: rulingCatalogue)
        }
        #expect((try? check(.uphold, nil).get()) != nil)
        #expect(check(.uphold, half).error == (.upholdWithTerms))
        #expect((try? check(.overturn, rejected).get()) != nil)
        #expect(check(.overturn, goodDraft()).error == (.overturnKeepsSide(.buyer)))
        #expect((try? check(.modify, half).get()) != nil)
        #expect(check(.modify, goodDraft()).error == (.modifyChangesNothing))
        #expect(check(.modify, rejected).error == (.modifyChangesSide(from: .buyer, to: .merchant)))
        #expect(check(.modify, nil).error == (.noRemedy))
    }
}

@Suite("Rulings: review policy and obligations (issue 6)")
struct ReviewAndObligationTests {
    let policy = ReviewPolicy(amountOver: .yuan(2000), platformInterest: true, samplePercent: 10)

    @Test func reviewIsForLargeAmountsPlatformInterestAndASample() {
        #expect(
            policy.reason(total: .yuan(2001), flags: [], caseID: 1, revision: 1, afterReturn: false)
                == .amount(total: .yuan(2001), threshold: .yuan(2000)))
        #expect(
            policy.reason(total: .yuan(1), flags: [.platformInterest], caseID: 1, revision: 1, afterReturn: false)
                == .platformInterest)
        #expect(policy.reason(total: .yuan(1), flags: [], caseID: 1, revision: 2, afterReturn: true) == .revision)
        let none = ReviewPolicy(amountOver: .yuan(2000), platformInterest: false, samplePercent: 0)
        #expect(
            none.reason(total: .yuan(2000), flags: [.platformInterest], caseID: 1, revision: 1, afterReturn: false)
                == nil)
    }

    @Test func theSampleIsStableAndNearItsShare() {
        let drawn = (1...10_000).filter {
            policy.reason(total: .yuan(1), flags: [], caseID: Int64($0), revision: 1, afterReturn: false) != nil
        }.count
        #expect((800...1200).contains(drawn))
        #expect(ReviewPolicy.draw(caseID: 42, revision: 1) == ReviewPolicy.draw(caseID: 42, revision: 1))
    }

    @Test func obligationsTakeEachSidesDeadlineAndTheReturnComesFirst() {
        let draft = goodDraft([OrderedRemedy(remedy: "return_and_refund", amount: .yuan(1299))])
        let owed = ObligationPlan.obligations(
            for: draft, caseID: 7, rulingID: 3, catalogue: rulingCatalogue, pack: rulingPack, at: t0)
        #expect(owed.map(\.obligor) == [.buyer, .merchant])
        #expect(owed[0].task == Obligation.returnGoods)
        // Friday 08:00 + 5 working days (weekends off) ends at the end of the next Friday's working day.
        #expect(owed[0].dueAt > t0.addingTimeInterval(6 * 86_400))
        #expect(owed[1].dueAt == t0.addingTimeInterval(3 * 86_400))
        #expect(owed[1].amount == .yuan(1299))
        #expect(owed[1].label(rulingCatalogue).en == "Merchant: return and refund ¥1,299.00")
    }

    @Test func aRejectedClaimCreatesNoObligation() {
        let owed = ObligationPlan.obligations(
            for: goodDraft([OrderedRemedy(remedy: "claim_rejected")]), caseID: 7, rulingID: 3,
            catalogue: rulingCatalogue, pack: rulingPack, at: t0)
        #expect(owed.isEmpty)
    }

    @Test func anObligationIsOverdueAfterItsDeadlineUntilFulfilled() {
        var o = Obligation(caseID: 7, rulingID: 3, obligor: .merchant, task: "refund", amount: .yuan(5), dueAt: t0)
        #expect(!o.isOverdue(at: t0))
        #expect(o.isOverdue(at: t0.addingTimeInterval(1)))
        o.status = .fulfilled
        #expect(!o.isOverdue(at: t0.addingTimeInterval(1)))
        o.status = .defaulted
        #expect(o.isOverdue(at: t0))
    }
}

@Suite("Ruling notice (issue 6)")
struct RulingNoticeTests {
    func notice(_ language: Language, stage: Stage = .appealWindow) -> String {
        var draft = goodDraft([OrderedRemedy(remedy: "refund", amount: .yuan(120))])
        draft.citations = ["CC-582", "marketplace@1 appeal_window"]
        let item = Case(
            id: 7, title: "屏幕碎裂", category: .damaged, requestType: .refundOnly,
            buyer: Party(account: "b", name: "王磊"), merchant: Party(account: "m", name: "极客手机"), orderID: "O1",
            orderAmount: .yuan(1299), claimAmount: .yuan(120), stage: stage,
            stageDeadline: t0.addingTimeInterval(15 * 86_400), createdAt: t0)
        let issue = DisputeIssue(id: 1, caseID: 7, kind: .visibleDefect, description: "屏幕是否在签收前碎裂")
        let owed = Obligation(
            id: 4, caseID: 7, rulingID: 1, obligor: .merchant, task: "refund", amount: .yuan(120),
            dueAt: t0.addingTimeInterval(3 * 86_400), status: .fulfilled)
        return RulingNotice.render(
            case: item, ruling: ruling(draft, by: "lin.mei", reviewer: "wang.fang"), issues: [issue],
            obligations: [owed], appeals: [], catalogue: rulingCatalogue, pack: rulingPack, language: language)
    }

    @Test func theNoticeStatesFactsReasonsBasisRemediesAndTheAppealRoute() {
        let text = notice(.en)
        #expect(text.contains("Facts found"))
        #expect(text.contains("屏幕是否在签收前碎裂 (burden on the buyer): proven. 屏幕在签收时已碎裂"))
        #expect(text.contains("Reasons"))
        #expect(text.contains("CC art. 582 (CC-582): remedies"))
        #expect(text.contains("full refund ¥120.00"))
        #expect(text.contains("Merchant: full refund ¥120.00, by 2026-11-30 08:00 (UTC) — fulfilled"))
        #expect(text.contains("may appeal until 2026-12-12 08:00 (UTC)"))
        #expect(text.contains("reviewed by wang.fang"))
    }

    @Test func theNoticeIsInChineseWhenAsked() {
        let text = notice(.zh)
        #expect(text.contains("纠纷处理决定书"))
        #expect(text.contains("查明事实"))
        #expect(text.contains("可于 2026-12-12 08:00 (UTC) 前在订单纠纷页面提出申诉"))
        #expect(!text.contains("Facts found"))
    }

    @Test func beforeTheAppealWindowTheNoticeSaysHowLongItWillRun() {
        #expect(notice(.en, stage: .execution).contains("within 15 days after the decision is carried out"))
    }
}

extension Result where Success == Void, Failure == RulingError {
    var error: RulingError? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

@Suite("Dashboard arithmetic (issue 6)")
struct DashboardTests {
    @Test func medianAndRates() {
        #expect(Dashboard.median([]) == nil)
        #expect(Dashboard.median([5, 1, 3]) == 3)
        #expect(Dashboard.median([4, 1, 3, 2]) == 2.5)
        var d = Dashboard(at: t0, decidedCases: 4, appeals: 2, appealOutcomes: [.overturn: 1, .uphold: 1])
        #expect(d.appealRate == 0.5 && d.overturnRate == 0.5)
        d.decidedCases = 0
        #expect(d.appealRate == nil)
    }

    @Test func daysCountBackFromNow() {
        #expect(Dashboard.dayIndex(of: t0, now: t0, days: 7) == 6)
        #expect(Dashboard.dayIndex(of: t0.addingTimeInterval(-6.5 * 86_400), now: t0, days: 7) == 0)
        #expect(Dashboard.dayIndex(of: t0.addingTimeInterval(-7 * 86_400), now: t0, days: 7) == nil)
        #expect(Dashboard.dayIndex(of: t0.addingTimeInterval(60), now: t0, days: 7) == nil)
    }

    @Test func sparklinesAndBarsScaleToTheLargest() {
        #expect(Spark.line([0, 1, 8]) == " ▁█")
        #expect(Spark.line([0, 1, 8], ascii: true) == " _#")
        #expect(Spark.bar(5, of: 10, width: 10) == "█████")
        #expect(Spark.bar(1, of: 1000, width: 10) == "█", "a non-zero count always shows")
        #expect(Spark.bar(0, of: 10, width: 10).isEmpty)
    }
}
