/// Parses key sequences written the way Vim and tmux write them: `jj<Tab>?<C-d><Esc>`.
///
/// Used by `casedesk snapshot --keys`, by tests and (later) by the keybinding config.
public enum KeyNotation {
    /// Why a key sequence could not be read.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        /// The offending name between angle brackets, or the unterminated tail.
        public let token: String
        /// The position (in characters) where it starts.
        public let offset: Int
        /// Whether the name was never closed with `>` (a typo such as `jj<S-Tab`).
        public var unterminated = false

        public var description: String {
            if unterminated {
                return "unterminated key name <\(token) at position \(offset + 1): close it with >, "
                    + "or write a literal < as <lt>; nothing was typed"
            }
            return "unknown key <\(token)> at position \(offset + 1); "
                + "known names: \(KeyNotation.names.keys.sorted().joined(separator: " ")), C-x, F1-F12, lt"
        }
    }

    static let names: [String: Key] = [
        "tab": .tab, "s-tab": .backTab, "enter": .enter, "cr": .enter, "return": .enter,
        "esc": .escape, "escape": .escape, "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown,
        "pagedown": .pageDown, "bs": .backspace, "backspace": .backspace, "del": .delete,
        "space": .char(" "), "lt": .char("<"),
    ]

    /// The keys a notation string stands for.
    public static func parse(_ text: String) throws(ParseError) -> [Key] {
        var keys: [Key] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character == "<" else {
                keys.append(.char(character))
                index += 1
                continue
            }
            // A "<" always opens a key name: a typo must be refused, not typed as letters.
            guard let close = characters[index...].firstIndex(of: ">") else {
                throw ParseError(token: String(characters[(index + 1)...]), offset: index, unterminated: true)
            }
            let token = String(characters[(index + 1)..<close])
            guard let key = key(named: token) else { throw ParseError(token: token, offset: index) }
            keys.append(key)
            index = close + 1
        }
        return keys
    }

    /// The key for a name such as "Tab", "C-d" or "F5".
    public static func key(named token: String) -> Key? {
        let lower = token.lowercased()
        if let key = names[lower] { return key }
        if lower.hasPrefix("c-"), token.count == 3, let last = token.last, last.isLetter, last.isASCII {
            return .ctrl(Character(last.lowercased()))
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...12).contains(number) {
            return .function(number)
        }
        return nil
    }
}
