import CaseTUI
import Testing

@Suite("Display width by grapheme cluster")
struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("中文", 4), ("退货退款¥12", 11), ("e\u{301}", 1), ("👍", 2), ("👨‍👩‍👧", 2), ("🇨🇳", 2),
        ("ｶ", 1), ("Ｆ", 2), ("한국", 4), ("\u{200B}", 0), ("", 0),
    ])
    func measuresColumns(text: String, columns: Int) {
        #expect(DisplayWidth.standard.of(text) == columns)
    }

    @Test func ambiguousWidthIsASetting() {
        #expect(DisplayWidth(ambiguousIsWide: false).of("─§") == 2)
        #expect(DisplayWidth(ambiguousIsWide: true).of("─§") == 4)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        let measure = DisplayWidth.standard
        #expect(measure.truncate("退货运费应由谁承担", to: 6) == "退货…")
        #expect(measure.truncate("退货运费应由谁承担", to: 7) == "退货运…")
        #expect(measure.of(measure.pad("退货运费应由谁承担", to: 8)) == 8)
        #expect(measure.pad("ab", to: 5, alignRight: true) == "   ab")
        #expect(measure.truncate("short", to: 10) == "short")
    }

    @Test func wrappingBreaksAtSpacesAndBetweenChineseCharacters() {
        let measure = DisplayWidth.standard
        #expect(
            measure.wrap("the left earbud no longer charges", width: 10) == [
                "the left", "earbud no", "longer", "charges",
            ])
        #expect(measure.wrap("收到的奶粉生产日期", width: 6) == ["收到的", "奶粉生", "产日期"])
        for line in measure.wrap("窗帘实物颜色与图片差别大，商家同意退货但要求买家承担12元运费。", width: 11) {
            #expect(measure.of(line) <= 11)
            #expect(!line.hasPrefix("，") && !line.hasPrefix("。"), "line starts with punctuation: \(line)")
        }
    }
}
