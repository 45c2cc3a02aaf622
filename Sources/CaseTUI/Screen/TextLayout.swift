/// Truncating, padding and wrapping by display width.
extension DisplayWidth {
    /// The text cut to at most `width` columns, ending in "…" when cut.
    public func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var out = ""
        var used = 0
        for character in text {
            let columns = of(character)
            if used + columns > width - of("…") { break }
            out.append(character)
            used += columns
        }
        return out + "…"
    }

    /// The text truncated, then padded with spaces to exactly `width` columns.
    public func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let gap = String(repeating: " ", count: max(0, width - of(cut)))
        return alignRight ? gap + cut : cut + gap
    }

    /// Punctuation that must not begin a line of Chinese text.
    static let noLineStart: Set<Character> = Set("，。、；：！？）」』”’》〉】,.;:!?)")

    /// The text broken into lines of at most `width` columns, at spaces where possible.
    ///
    /// CJK text has no spaces: it breaks between any two characters.
    public func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line: [Character] = []
        var lineWidth = 0
        var lastSpace: Int?  // index in `line` of the last space, a preferred break
        for character in text {
            let columns = of(character)
            if lineWidth + columns > width {
                if let space = lastSpace, character != " " {
                    lines.append(String(line[..<space]))
                    line = Array(line[(space + 1)...])
                    lineWidth = of(String(line))
                } else if Self.noLineStart.contains(character), line.count > 1 {
                    // CJK rule: closing punctuation never starts a line; carry the last character with it.
                    let carried = line.removeLast()
                    lines.append(String(line))
                    line = [carried]
                    lineWidth = of(carried)
                } else {
                    lines.append(String(line))
                    line = []
                    lineWidth = 0
                }
                lastSpace = nil
                if character == " " { continue }
            }
            if character == " " { lastSpace = line.count }
            line.append(character)
            lineWidth += columns
        }
        if !line.isEmpty { lines.append(String(line)) }
        return lines
    }
}
