/// Makes untrusted text safe to put on a terminal.
///
/// Case data comes from buyers and merchants: it may carry escape sequences that
/// move the cursor, retitle the window or hide text. Every string that reaches the
/// screen passes here: escape sequences (CSI, OSC, DCS and two-byte forms), C0 and
/// C1 controls, DEL and bidirectional overrides are removed; tabs and line breaks
/// become spaces.
public enum Sanitizer {
    /// The text with every control removed, on one line.
    public static func clean(_ text: String) -> String {
        // Fast path: plain text passes unchanged.
        if !text.unicodeScalars.contains(where: needsWork) { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            let value = scalar.value
            if value == 0x1B {
                skipEscape(&scalars)
            } else if value == 0x9B {
                skipUntilFinal(&scalars)  // C1 CSI
            } else if value == 0x9D || value == 0x90 || value == 0x9E || value == 0x9F || value == 0x98 {
                skipString(&scalars)  // C1 OSC, DCS, PM, APC, SOS
            } else if value == 0x09 || value == 0x0A || value == 0x0D {
                out.append(" ")
            } else if isDropped(value) {
                continue
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The text with every control removed except its line breaks and tabs, for line- and
    /// tab-separated output (the CLI's text, tables and messages).
    public static func cleanKeepingLayout(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: needsWork) { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map { clean(String($0)) }
                .joined(separator: "\t")
        }.joined(separator: "\n")
    }

    static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || isBidiControl(value)
    }

    static func isDropped(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || isBidiControl(value)
    }

    static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || value == 0x200E || value == 0x200F || value == 0x061C
    }

    /// After ESC: CSI runs to a final byte, OSC/DCS/PM/APC/SOS to a terminator, others take one scalar.
    static func skipEscape(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let next = scalars.next() else { return }
        switch next {
        case "[": skipUntilFinal(&scalars)
        case "]", "P", "^", "_", "X": skipString(&scalars)
        default: return
        }
    }

    static func skipUntilFinal(_ scalars: inout String.UnicodeScalarView.Iterator) {
        while let scalar = scalars.next() {
            if (0x40...0x7E).contains(scalar.value) { return }
            if scalar.value < 0x20 && scalar.value != 0x1B { continue }
        }
    }

    static func skipString(_ scalars: inout String.UnicodeScalarView.Iterator) {
        var sawEscape = false
        while let scalar = scalars.next() {
            if scalar.value == 0x07 || scalar.value == 0x9C { return }
            if sawEscape && scalar == "\\" { return }
            sawEscape = scalar.value == 0x1B
        }
    }
}
