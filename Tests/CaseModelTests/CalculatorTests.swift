import CaseModel
import Foundation
import Testing

@Suite("Statutory calculators in integer fen")
struct CalculatorTests {
    @Test func crpl55TripleBelowTheMinimumGivesFiveHundredYuan() {
        let award = Calculators.crpl55Fraud(pricePaid: Money(fen: 16_666))
        #expect(award.amount == .yuan(500))
        #expect(award.formula == "3 × ¥166.66 = ¥499.98; below the ¥500.00 minimum → ¥500.00")
        #expect(award.statute == "CRPL-55")
    }

    @Test func crpl55OfAThousandYuanIsThreeThousand() {
        let award = Calculators.crpl55Fraud(pricePaid: .yuan(1000))
        #expect(award.amount == .yuan(3000))
        #expect(award.formula == "3 × ¥1,000.00 = ¥3,000.00")
    }

    @Test func crpl55AtExactlyTheMinimum() {
        #expect(Calculators.crpl55Fraud(pricePaid: Money(fen: 16_667)).amount == Money(fen: 50_001))
    }

    @Test func fsl148FoodAtNinetyNineYuanGivesTheThousandYuanMinimum() {
        let award = Calculators.fsl148UnsafeFood(pricePaid: .yuan(99))
        #expect(award.amount == .yuan(1000))
        #expect(award.formula == "10 × ¥99.00 = ¥990.00; below the ¥1,000.00 minimum → ¥1,000.00")
    }

    @Test func fsl148TakesThreeTimesTheLossWhenLarger() {
        let award = Calculators.fsl148UnsafeFood(pricePaid: .yuan(398), loss: .yuan(2000))
        #expect(award.amount == .yuan(6000))
        #expect(award.formula.contains("3 × loss ¥2,000.00 = ¥6,000.00; the larger → ¥6,000.00"))
        #expect(Calculators.fsl148UnsafeFood(pricePaid: .yuan(398), loss: .yuan(100)).amount == .yuan(3980))
    }

    let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    func cst(_ text: String) -> Date { ISO8601DateFormatter().date(from: text + "+08:00")! }

    @Test func crpl25WindowEndsAtTheEndOfTheSeventhDayAfterSigning() {
        // Signed Monday 2026-11-23 at 15:00: the days run 24th to 30th; the window closes at midnight ending the 30th.
        let signed = cst("2026-11-23T15:00:00")
        let lastMinute = Calculators.crpl25NoReasonReturn(
            signedAt: signed, now: cst("2026-11-30T23:59:59"), timeZone: shanghai)
        #expect(lastMinute.eligible)
        #expect(lastMinute.windowEnds == cst("2026-12-01T00:00:00"))
        let late = Calculators.crpl25NoReasonReturn(
            signedAt: signed, now: cst("2026-12-01T00:00:00"), timeZone: shanghai)
        #expect(!late.eligible)
        #expect(late.reason?.en == "the 7-day window after signing has ended")
    }

    @Test(arguments: ReturnExclusion.allCases)
    func excludedGoodsAreNeverEligible(exclusion: ReturnExclusion) {
        let result = Calculators.crpl25NoReasonReturn(
            signedAt: cst("2026-11-23T15:00:00"), now: cst("2026-11-24T09:00:00"), timeZone: shanghai,
            exclusion: exclusion)
        #expect(!result.eligible)
        #expect(result.reason?.en.contains(exclusion.label.en) == true)
    }
}
