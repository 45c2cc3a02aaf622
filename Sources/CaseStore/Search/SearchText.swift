/// Turns text into tokens SQLite's unicode61 tokenizer can index for Chinese as well as English.
///
/// Chinese has no spaces between words, and FTS5's trigram tokenizer cannot match the
/// two-character words most Chinese searches are (退款, 假货). So runs of CJK characters are
/// indexed as overlapping bigrams plus the run's last character (退款申请 → 退款 款申 申请 请),
/// and a query becomes the phrase of its bigrams: any substring of two or more characters
/// matches, and one character matches as a prefix. Latin text is indexed as words.
public enum SearchText {
    package static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0x20000...0x2FFFF:
            true
        default: false
        }
    }

    /// Splits text into runs: CJK runs and everything else.
    package static func runs(_ text: String) -> [(cjk: Bool, text: [Unicode.Scalar])] {
        // The current run is built apart and appended when it ends: appending through
        // `result[last]` while `result.last` is bound copied the run on every scalar (quadratic
        // on a 1 MB narrative).
        var result: [(Bool, [Unicode.Scalar])] = []
        var current: [Unicode.Scalar] = []
        var currentIsCJK = false
        for scalar in text.unicodeScalars {
            let cjk = isCJK(scalar)
            if !current.isEmpty && cjk != currentIsCJK {
                result.append((currentIsCJK, current))
                current = []
            }
            currentIsCJK = cjk
            current.append(scalar)
        }
        if !current.isEmpty { result.append((currentIsCJK, current)) }
        return result
    }

    package static func bigrams(_ run: [Unicode.Scalar]) -> [String] {
        guard run.count > 1 else { return run.map { String($0) } }
        var tokens = (0..<(run.count - 1)).map { String(run[$0]) + String(run[$0 + 1]) }
        tokens.append(String(run[run.count - 1]))
        return tokens
    }

    /// The text as it is stored in the index.
    package static func indexed(_ text: String) -> String {
        var out: [String] = []
        // Control characters are separators: a NUL would end the text where SQLite reads it as C.
        var visible = String.UnicodeScalarView()
        visible.append(contentsOf: text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 })
        for run in runs(String(visible)) {
            if run.cjk {
                out += bigrams(run.text)
            } else {
                var plain = String.UnicodeScalarView()
                plain.append(contentsOf: run.text)
                out.append(String(plain))
            }
        }
        return out.joined(separator: " ")
    }

    /// An FTS5 query for what a person typed: every term must match; nil when nothing is searchable.
    public static func query(_ text: String) -> String? {
        var clauses: [String] = []
        for term in text.split(whereSeparator: { $0.isWhitespace }) {
            var phrase: [String] = []
            var prefix = false
            for run in runs(String(term)) {
                if run.cjk {
                    if run.text.count == 1 {
                        phrase.append(String(run.text[0]))
                        prefix = true
                    } else {
                        phrase += (0..<(run.text.count - 1)).map { String(run.text[$0]) + String(run.text[$0 + 1]) }
                        prefix = false
                    }
                } else {
                    // Keep letters and digits only: everything else is FTS5 syntax or a separator.
                    var words = ""
                    for scalar in run.text {
                        words.unicodeScalars.append(
                            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) ? scalar : " ")
                    }
                    let parts = words.split(separator: " ").map(String.init)
                    phrase += parts
                    prefix = !parts.isEmpty
                }
            }
            guard !phrase.isEmpty else { continue }
            clauses.append("\"" + phrase.joined(separator: " ") + "\"" + (prefix ? "*" : ""))
        }
        return clauses.isEmpty ? nil : clauses.joined(separator: " AND ")
    }
}
