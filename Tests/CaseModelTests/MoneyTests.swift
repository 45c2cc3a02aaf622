import CaseModel
import Testing

@Suite("Money in integer fen")
struct MoneyTests {
    /// Issue 14, problem 4: amounts from outside are bounded, and arithmetic on a stored
    /// out-of-bounds amount saturates instead of trapping.
    @Test func amountsAreBoundedAndArithmeticNeverTraps() {
        #expect(Money(yuanString: "92233720368547758.07") == nil)
        #expect(Money(yuanString: "100000000000.01") == nil)
        #expect(Money(yuanString: "100000000000") == Money.maximum)
        #expect(Money(fen: .max).times(3) == Money(fen: .max) && Money(fen: .min).times(10) == Money(fen: .min))
        #expect(Calculators.crpl55Fraud(pricePaid: Money(fen: .max)).amount == Money(fen: .max))
        #expect(Calculators.fsl148UnsafeFood(pricePaid: .maximum, loss: Money(fen: .max)).amount == Money(fen: .max))
        #expect(Calculators.fsl148UnsafeFood(pricePaid: .maximum).amount == Money.maximum.times(10))
        #expect(Money(fen: .max).plus(Money(fen: 1)) == Money(fen: .max))
    }

    @Test(arguments: [
        (Int64(0), "¥0.00"), (1, "¥0.01"), (129_900, "¥1,299.00"), (12_999_900, "¥129,999.00"),
        (-550, "-¥5.50"), (100_000_000_000, "¥1,000,000,000.00"),
    ])
    func formatsGroupedYuanWithTwoDecimals(fen: Int64, expected: String) {
        #expect(Money(fen: fen).formatted == expected)
    }

    @Test func compactDropsZeroFen() {
        #expect(Money(fen: 129_900).compact == "¥1299")
        #expect(Money(fen: 129_950).compact == "¥1299.50")
    }

    @Test(arguments: [
        ("1299", Int64(129_900)), ("1299.5", 129_950), ("1,299.05", 129_905), ("¥0.01", 1), ("-3", -300),
    ])
    func parsesYuanExactly(text: String, fen: Int64) {
        #expect(Money(yuanString: text)?.fen == fen)
    }

    @Test(arguments: ["", "abc", "1.234", "1..2", "１２", "99999999999999999999"])
    func refusesMalformedAmounts(text: String) {
        #expect(Money(yuanString: text) == nil)
    }
}
