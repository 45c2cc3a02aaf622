import CaseModel
import Testing

@Suite("Money in integer fen")
struct MoneyTests {
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
