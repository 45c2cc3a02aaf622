import CaseModel
import Foundation

/// One importable line: a party event, or a whole case.
package enum ImportItem {
    case event(EventLine)
    case record(line: Int, CaseDocument)

    package var line: Int {
        switch self {
        case .event(let event): event.line
        case .record(let line, _): line
        }
    }
}

/// The formats `casedesk import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
    case jsonl, csv
}

package enum ImportParser {
    /// Parses a file in either format; every problem is reported with its line number.
    package static func parse(_ data: Data, format: ImportFormat) -> (items: [ImportItem], errors: [ImportError]) {
        switch format {
        case .jsonl: return parseJSONL(data)
        case .csv: return parseCSV(data)
        }
    }

    package static func parseJSONL(_ data: Data) -> ([ImportItem], [ImportError]) {
        var items: [ImportItem] = []
        var errors: [ImportError] = []
        // In memory nothing throws.
        try? ImportSource.data(data).forEachLine { number, raw in
            switch jsonlLine(raw, number: number) {
            case .success(let item?): items.append(item)
            case .success(nil): break
            case .failure(let error): errors.append(error)
            }
        }
        return (items, errors)
    }

    /// One JSONL line: its item, nil for a blank line or a `#` comment, or why it cannot be read.
    package static func jsonlLine(_ raw: Data, number: Int) -> Result<ImportItem?, ImportError> {
        var bytes = raw
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            return .failure(ImportError(line: number, reason: "not valid UTF-8"))
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return .success(nil) }
        do {
            return .success(try parseLine(trimmed, number: number))
        } catch {
            return .failure(error)
        }
    }

    package static func parseLine(_ text: String, number: Int) throws(ImportError) -> ImportItem {
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
            throw ImportError(line: number, reason: "not a JSON object")
        }
        switch object["type"]?.string {
        case "event":
            return .event(try EventLineParser.parseLine(text, number: number))
        case "case":
            let known = Set(CaseDocument.CodingKeys.allCases.map(\.rawValue))
            if let unknown = object.keys.filter({ !known.contains($0) }).sorted().first {
                throw ImportError(line: number, reason: "unknown key '\(unknown)'")
            }
            do {
                return .record(line: number, try CaseDocument.decode(Data(text.utf8)))
            } catch let error as DecodingError {
                throw ImportError(line: number, reason: describe(error))
            } catch {
                throw ImportError(line: number, reason: "\(error)")
            }
        default:
            throw ImportError(line: number, reason: "'type' must be \"event\" or \"case\"")
        }
    }

    /// Each CSV record's last line, by the line it starts on (a quoted field may span lines),
    /// so a rejected record can be written out whole.
    package static func csvRecordSpans(_ data: Data) -> [Int: Int] {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else { return [:] }
        let parsed = CSV.parse(text)
        let starts = Set(parsed.records.map(\.line) + parsed.errors.map(\.line)).sorted()
        // Counted in bytes: "\r\n" is one Character, so a String split on "\n" would miss it.
        var lineCount = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
        if bytes.last == UInt8(ascii: "\n") { lineCount -= 1 }
        var spans: [Int: Int] = [:]
        for (index, start) in starts.enumerated() {
            spans[start] = index + 1 < starts.count ? starts[index + 1] - 1 : lineCount
        }
        return spans
    }

    package static func parseCSV(_ data: Data) -> ([ImportItem], [ImportError]) {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            // Find the first line that is not UTF-8, so the error points somewhere useful.
            var number = 0
            for raw in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                number += 1
                if String(data: Data(raw), encoding: .utf8) == nil { break }
            }
            return ([], [ImportError(line: number, reason: "not valid UTF-8")])
        }
        let parsed = CSV.parse(text)
        var errors = parsed.errors
        guard let header = parsed.records.first else {
            return ([], errors + [ImportError(line: 1, reason: "no header row")])
        }
        guard header.fields == CaseCSV.header else {
            let missing = CaseCSV.header.filter { !header.fields.contains($0) }
            let unknown = header.fields.filter { !CaseCSV.header.contains($0) }
            var reason = "the header must be: " + CaseCSV.header.joined(separator: ",")
            if !missing.isEmpty { reason += "; missing \(missing.joined(separator: ", "))" }
            if !unknown.isEmpty { reason += "; unknown \(unknown.joined(separator: ", "))" }
            return ([], errors + [ImportError(line: header.line, reason: reason)])
        }
        var items: [ImportItem] = []
        for record in parsed.records.dropFirst() {
            do {
                items.append(.record(line: record.line, try CaseCSV.caseLine(record.fields)))
            } catch {
                errors.append(ImportError(line: record.line, reason: error.text))
            }
        }
        return (items, errors)
    }

    package static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "\($0 + 1)" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing key '\(parent.isEmpty ? "" : parent + ".")\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "'\(path(context))' has the wrong type"
        case .dataCorrupted(let context):
            return "'\(path(context))': \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
