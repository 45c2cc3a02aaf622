import CaseTUI
import Testing

@Suite("Cell grid")
struct ScreenTests {
    @Test func aWideCharacterThatDoesNotFitBecomesASpace() {
        var screen = Screen(width: 5, height: 1)
        let used = screen.put("ab中文", x: 0, y: 0)
        #expect(screen.lines == ["ab中 "])
        #expect(used == 5)
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 6, height: 1)
        screen.put("中文字", x: 0, y: 0)
        screen.put("x", x: 1, y: 0)
        #expect(screen.lines == [" x文字"])
        screen.put("y", x: 2, y: 0)
        #expect(screen.lines == [" xy 字"])
    }

    @Test func writesAreClippedToMaxWidthAndSanitised() {
        var screen = Screen(width: 10, height: 2)
        screen.put("\u{1B}[31mhello world", x: 2, y: 1, maxWidth: 4)
        #expect(screen.lines == ["          ", "  hell    "])
    }

    @Test func textTrimsTrailingSpaces() {
        var screen = Screen(width: 4, height: 2)
        screen.put("a", x: 0, y: 0)
        #expect(screen.text == "a\n")
    }
}
