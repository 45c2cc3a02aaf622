/// RFC 4180 CSV: fields quoted when they hold a comma, a quote or a line break; quotes doubled.
package enum CSV {
    /// One record as a line (CRLF-terminated, as RFC 4180 has it).
    package static func line(_ fields: [String]) -> String {
        fields.map(quote).joined(separator: ",") + "\r\n"
    }

    /// Whether a spreadsheet would run the cell as a formula (`=`, `+`, `-`, `@`, tab, CR first),
    /// or it starts with the apostrophe that guards such a cell.
    static func needsGuard(_ field: Substring) -> Bool {
        guard let first = field.first else { return false }
        if "=+-@\t\r".contains(first) { return true }
        return first == "'" && needsGuard(field.dropFirst())
    }

    /// The cell as exported: a leading apostrophe when a spreadsheet would take it for a formula
    /// (`=cmd|' /C calc'!A0` is written `'=cmd|' /C calc'!A0`), the OWASP guard.
    package static func neutralised(_ field: String) -> String {
        needsGuard(field[...]) ? "'" + field : field
    }

    /// The cell as imported: the guard an export added, removed (exactly inverse to `neutralised`).
    package static func unguarded(_ field: String) -> String {
        field.first == "'" && needsGuard(field.dropFirst()) ? String(field.dropFirst()) : field
    }

    package static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A parsed record and the line it starts on.
    package struct Record {
        var line: Int
        var fields: [String]
    }

    /// Parses a whole document; a quoted field may span lines. A malformed record is an error with its line.
    package static func parse(_ text: String) -> (records: [Record], errors: [ImportError]) {
        var records: [Record] = []
        var errors: [ImportError] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var line = 1
        var recordLine = 1
        var characters = text.makeIterator()
        var pending: Character? = nil

        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
            recordLine = line
        }

        while let character = pending ?? characters.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            inQuotes = false
                            afterQuote = true
                            pending = next
                        }
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r\n", "\r":
                line += 1
                endRecord()
                afterQuote = false
            case "\"" where field.isEmpty && !afterQuote:
                inQuotes = true
            default:
                if afterQuote {
                    errors.append(ImportError(line: recordLine, reason: "text after a closing quote"))
                    afterQuote = false
                }
                field.append(character)
            }
        }
        if inQuotes { errors.append(ImportError(line: recordLine, reason: "a quoted field is never closed")) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return (records, errors)
    }
}
