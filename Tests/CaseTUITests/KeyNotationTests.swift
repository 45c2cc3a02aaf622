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

    @Test func aLoneAngleBracketIsACharacter() throws {
        #expect(try KeyNotation.parse("<") == [.char("<")])
        #expect(try KeyNotation.parse("<>") == [.char("<"), .char(">")])
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
