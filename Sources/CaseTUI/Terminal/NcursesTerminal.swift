import CNcurses
import Foundation

/// The ncurses backend: the only code that calls curses. It reads keys and paints
/// finished screens; ncurses itself diffs against what is already on the terminal.
public final class NcursesTerminal: TerminalBackend {
    /// Why the terminal could not be started.
    public enum StartError: Error, CustomStringConvertible {
        case notATerminal
        case unsupportedTerm(String)

        public var description: String {
            switch self {
            case .notATerminal:
                "standard input and output must be a terminal to open the console; "
                    + "use `casedesk snapshot` or `casedesk queue` in scripts"
            case .unsupportedTerm(let term):
                "the terminal type TERM=\(term) cannot show the console; "
                    + "set TERM to a real terminal type such as xterm-256color"
            }
        }
    }

    private var active = false
    private var lastStyle: Style?
    private var timeout = 200
    private let useColor: Bool

    /// Takes over the terminal: wide characters, no echo, keypad, short Esc delay.
    public init(useColor: Bool) throws {
        guard isatty(0) != 0, isatty(1) != 0 else { throw StartError.notATerminal }
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb", term != "unknown" else { throw StartError.unsupportedTerm(term) }
        setlocale(LC_ALL, "")
        // A LANG naming a locale this machine lacks (zh_CN.UTF-8 on a minimal server) leaves the C
        // locale, where ncurses would drop every Chinese character: fall back to C.UTF-8.
        if cd_locale_is_utf8() == 0 { setlocale(LC_CTYPE, "C.UTF-8") }
        guard cd_newterm(nil) != nil else { throw StartError.unsupportedTerm(term) }
        cd_install_restore_hooks()
        active = true
        cbreak()
        noecho()
        nonl()
        keypad(cd_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        wtimeout(cd_stdscr(), 200)
        self.useColor = useColor && has_colors()
        if self.useColor {
            start_color()
            use_default_colors()
            for color in Color.allCases {
                init_pair(Int16(color.rawValue), Int16(color.rawValue), -1)
            }
        }
    }

    deinit { shutdown() }

    /// Gives the terminal back in the state it was found.
    public func shutdown() {
        guard active else { return }
        active = false
        endwin()
    }

    /// The terminal's size in columns and rows.
    public var size: (width: Int, height: Int) {
        var y: Int32 = 0
        var x: Int32 = 0
        cd_getmaxyx(cd_stdscr(), &y, &x)
        return (Int(x), Int(y))
    }

    /// The next key, or nil after `milliseconds` (so the loop can tick, see signals and take results).
    public func readInput(waitingAtMost milliseconds: Int) -> TerminalInput? {
        if milliseconds != timeout {
            timeout = milliseconds
            wtimeout(cd_stdscr(), Int32(milliseconds))
        }
        var code: UInt32 = 0
        let rc = cd_get_wch(&code)
        if rc == cd_key_code_yes() { return Self.functionKey(Int32(bitPattern: code)) }
        guard rc == cd_ok() else { return nil }
        return Self.characterKey(code)
    }

    static func functionKey(_ code: Int32) -> TerminalInput? {
        switch code {
        case KEY_RESIZE: .resize
        case KEY_UP: .key(.up)
        case KEY_DOWN: .key(.down)
        case KEY_LEFT: .key(.left)
        case KEY_RIGHT: .key(.right)
        case KEY_HOME: .key(.home)
        case KEY_END: .key(.end)
        case KEY_NPAGE: .key(.pageDown)
        case KEY_PPAGE: .key(.pageUp)
        case KEY_BTAB: .key(.backTab)
        case KEY_ENTER: .key(.enter)
        case KEY_BACKSPACE: .key(.backspace)
        case KEY_DC: .key(.delete)
        case KEY_F0 + 1...KEY_F0 + 12: .key(.function(Int(code - KEY_F0)))
        default: nil
        }
    }

    static func characterKey(_ code: UInt32) -> TerminalInput? {
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(code + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    /// Paints a finished screen. Each cell is placed at its own column, so a
    /// disagreement with the terminal's idea of a character's width cannot shift a row.
    public func present(_ screen: Screen, fullRepaint: Bool) {
        if fullRepaint { clearok(cd_stdscr(), true) }
        lastStyle = nil
        for y in 0..<screen.height {
            for x in 0..<screen.width {
                let cell = screen[x, y]
                if cell.isContinuation { continue }
                apply(cell.style)
                var wide = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
                wide.append(0)
                _ = mvaddnwstr(Int32(y), Int32(x), wide, Int32(wide.count - 1))
            }
        }
        apply(.plain)
        refresh()
    }

    private func apply(_ style: Style) {
        guard style != lastStyle else { return }
        lastStyle = style
        var attributes = cd_a_normal()
        if style.bold { attributes |= cd_a_bold() }
        if style.reverse { attributes |= cd_a_reverse() }
        if style.underline { attributes |= cd_a_underline() }
        if style.dim { attributes |= cd_a_dim() }
        if useColor, let color = style.color { attributes |= cd_color_pair(Int32(color.rawValue)) }
        attrset(attributes)
    }
}

/// What the terminal reports: a key, or that its size changed.
public enum TerminalInput: Sendable {
    case key(Key)
    case resize
}
