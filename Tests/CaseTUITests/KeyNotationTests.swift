import Testing

@testable import CaseTUI

@Suite("Key notation for --keys")
struct KeyNotationTests {
    @Test func parsesCharactersAndNamedKeys() throws {
        #expect(
            try KeyNotation.parse("jj<Tab>?<C-d><S-Tab><Esc><Enter><PgDn><lt>x")
                == [
                    .char("j"), .char("j"), .tab, .char("?"), .ctrl("d"), .backTab, .escape, .enter, .pageDown,
                    .char("<"), .char("x"),
                ])
    }

    /// Issue 14, problem 10: a typo such as `jj<S-Tab` is refused whole, never typed as letters
    /// (it used to type "<S-Tab" and take a case for real); a literal < is <lt>.
    @Test func anUnclosedOrEmptyNameIsRefusedNotTyped() throws {
        #expect(throws: KeyNotation.ParseError(token: "S-Tab", offset: 2, unterminated: true)) {
            try KeyNotation.parse("jj<S-Tab")
        }
        #expect(throws: KeyNotation.ParseError(token: "", offset: 0, unterminated: true)) { try KeyNotation.parse("<") }
        #expect(throws: KeyNotation.ParseError(token: "", offset: 0)) { try KeyNotation.parse("<>") }
        #expect(KeyNotation.ParseError(token: "S-Tab", offset: 2, unterminated: true).description.contains("<lt>"))
        #expect(try KeyNotation.parse("<lt>>") == [.char("<"), .char(">")])
    }

    @Test func chineseCharactersAreKeys() throws {
        #expect(try KeyNotation.parse("退款") == [.char("退"), .char("款")])
    }

    @Test func anUnknownNameIsAnErrorNamingItAndItsPosition() {
        #expect(throws: KeyNotation.ParseError(token: "Fooo", offset: 2)) { try KeyNotation.parse("jj<Fooo>") }
        let message = KeyNotation.ParseError(token: "Fooo", offset: 2).description
        #expect(message.contains("<Fooo>") && message.contains("position 3"))
    }
}
