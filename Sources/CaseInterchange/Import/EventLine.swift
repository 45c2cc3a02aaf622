import CaseModel
import Foundation

/// One party event from an import file, validated for shape (the case and stage are checked on import).
public struct EventLine: Sendable {
    /// The 1-based line number in the file.
    public var line: Int
    /// The case.
    public var caseID: Int64
    /// Who acted.
    public var party: PartyRole
    /// What they did.
    public var action: PartyAction
    /// When: an instant, or an offset from the moment of import (`now-2h`).
    public var at: FileTime
    /// A remark from the feed (the party's words), if any.
    public var note: String?
    /// For ship_return: the return tracking number.
    public var tracking: String?
    /// For submit_evidence: what is submitted.
    public var evidence: (kind: EvidenceKind, description: String, content: Data)?
}

/// A line that cannot be imported, with the reason: "line 3: case #99 does not exist".
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// What is wrong.
    public var reason: String

    /// Creates a rejection.
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}

/// Parses JSONL event lines strictly; every problem is reported with its line number.
public enum EventLineParser {
    package static let keys: Set<String> = ["type", "case", "party", "event", "at", "note", "tracking", "evidence"]
    package static let evidenceKeys: Set<String> = ["kind", "description", "content"]

    package static func parseLine(_ text: String, number: Int) throws(ImportError) -> EventLine {
        func fail(_ reason: String) -> ImportError { ImportError(line: number, reason: reason) }
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
            throw fail("not a JSON object")
        }
        if let unknown = object.keys.filter({ !keys.contains($0) }).sorted().first {
            throw fail("unknown key '\(unknown)'; expected \(keys.sorted().joined(separator: ", "))")
        }
        guard object["type"]?.string == "event" else { throw fail("'type' must be \"event\"") }

        guard case .integer(let caseID)? = object["case"], caseID > 0 else {
            throw fail("'case' must be a case number")
        }
        guard let partyName = object["party"]?.string, let party = PartyRole(rawValue: partyName) else {
            throw fail("'party' must be \"buyer\" or \"merchant\"")
        }
        guard let actionName = object["event"]?.string, let action = PartyAction(rawValue: actionName) else {
            let names = PartyAction.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail("'event' must be one of \(names)")
        }
        guard action.parties.contains(party) else {
            throw fail("a \(party.rawValue) cannot '\(action.rawValue)'")
        }
        guard let atText = object["at"]?.string, let at = FileTime(atText) else {
            throw fail("'at' must be \(FileTime.notation)")
        }
        let note = object["note"]?.string
        if object["note"] != nil && note == nil { throw fail("'note' must be text") }
        var line = EventLine(line: number, caseID: caseID, party: party, action: action, at: at, note: note)
        if action == .shipReturn {
            guard let tracking = object["tracking"]?.string, !tracking.isEmpty else {
                throw fail("ship_return needs 'tracking', the return tracking number")
            }
            line.tracking = tracking
        }
        if action == .appeal && (note ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw fail("appeal needs 'note', the grounds of the appeal")
        }
        if action == .submitEvidence || (action == .appeal && object["evidence"] != nil) {
            guard case .object(let evidence)? = object["evidence"] else {
                throw fail("submit_evidence needs 'evidence': {kind, description, content}")
            }
            if let unknown = evidence.keys.filter({ !evidenceKeys.contains($0) }).sorted().first {
                throw fail("unknown key 'evidence.\(unknown)'")
            }
            guard let kindName = evidence["kind"]?.string, let kind = EvidenceKind(rawValue: kindName) else {
                throw fail(
                    "'evidence.kind' must be one of \(EvidenceKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let description = evidence["description"]?.string,
                !description.trimmingCharacters(in: .whitespaces).isEmpty
            else { throw fail("'evidence.description' must be non-empty text") }
            guard let content = evidence["content"]?.string else { throw fail("'evidence.content' must be text") }
            line.evidence = (kind, description, Data(content.utf8))
        } else if object["evidence"] != nil {
            throw fail("'evidence' belongs only to submit_evidence and appeal")
        }
        if action != .shipReturn && object["tracking"] != nil {
            throw fail("'tracking' belongs only to ship_return")
        }
        // SQLite would keep text only up to a NUL: refuse it rather than lose the rest.
        for (key, value) in [
            ("note", line.note), ("tracking", line.tracking), ("evidence.description", line.evidence?.description),
        ]
        where value?.unicodeScalars.contains("\u{0}") == true {
            throw fail("'\(key)' contains a NUL character")
        }
        return line
    }

    package static func parseTime(_ text: String) -> Date? { ISO8601Time.date(text) }
}

/// A JSON value, decoded strictly: a number is never mistaken for a boolean.
package enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The text, if this is a string.
    package var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
