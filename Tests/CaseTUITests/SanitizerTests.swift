import CaseTUI
import Testing

@Suite("Sanitising untrusted text before the terminal")
struct SanitizerTests {
    @Test(arguments: [
        ("\u{1B}[31mred\u{1B}[0m", "red"),
        ("title\u{1B}]0;pwned\u{07}!", "title!"),
        ("osc\u{1B}]8;;http://x\u{1B}\\link", "osclink"),
        ("a\u{9B}2Jb", "ab"),
        ("bell\u{07}\u{08}\u{7F}", "bell"),
        ("tab\tand\nnewline\r", "tab and newline "),
        ("\u{202E}evil\u{202C}", "evil"),
        ("\u{2066}iso\u{2069}", "iso"),
        ("退货\u{1B}[2J退款", "退货退款"),
        ("plain 中文 ✓", "plain 中文 ✓"),
        ("\u{1B}", ""),
    ])
    func removesControlsAndEscapeSequences(input: String, output: String) {
        #expect(Sanitizer.clean(input) == output)
    }

    @Test func cleanTextContainsNoControlScalar() {
        let hostile = (0..<256).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\u{1B}[?1049h\u{9D}x\u{9C}"
        let cleaned = Sanitizer.clean(hostile)
        #expect(!cleaned.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }
}
