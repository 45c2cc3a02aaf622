import CaseModel
import Foundation

/// Reads the prose of audit records written before events were typed (payload NULL).
///
/// Only such records are ever read this way: a typed record is read from its payload. The
/// patterns are the ones that CaseDesk wrote, fixed forever, so an old database replays and
/// verifies as it always did.
package enum LegacyAudit {
    /// "stage a → b, deadline T": the stages and deadline a record moved the case between.
    package static func move(_ detail: String) -> StageMove? {
        guard let range = detail.range(of: "stage ") else { return nil }
        let rest = detail[range.upperBound...]
        let parts = rest.split(separator: " ", maxSplits: 3)
        guard parts.count >= 3, parts[1] == "→",
            let from = Stage(rawValue: String(parts[0])),
            let to = Stage(rawValue: String(parts[2].prefix { $0 != "," && $0 != ";" }))
        else { return nil }
        var deadline: Date?
        if let mark = rest.range(of: ", deadline ") {
            deadline = ISO8601Time.date(String(rest[mark.upperBound...].prefix(20)))
        }
        return StageMove(from: from, to: to, deadline: deadline)
    }

    /// "issue #12 counterfeit: …" → 12.
    package static func issueNumber(_ detail: String) -> Int64? {
        guard detail.hasPrefix("issue #") else { return nil }
        return Int64(detail.dropFirst(7).prefix { $0.isNumber })
    }

    /// "evidence #12 photo from buyer sha256 H" → (12, H).
    package static func evidenceHash(_ detail: String) -> (id: Int64, sha256: String)? {
        let words = detail.split(separator: " ")
        guard words.count >= 2, words[0] == "evidence", words[1].hasPrefix("#"),
            let id = Int64(words[1].dropFirst()), let index = words.firstIndex(of: "sha256"), index + 1 < words.count
        else { return nil }
        return (id, String(words[index + 1]))
    }

    /// "ruling #4 r1: …; sha256 H; …" → (4, H).
    package static func rulingHash(_ detail: String) -> (id: Int64, sha256: String)? {
        let words = detail.split(separator: " ")
        guard words.count >= 2, words[0] == "ruling", words[1].hasPrefix("#"),
            let id = Int64(words[1].dropFirst()), let index = words.lastIndex(of: "sha256"), index + 1 < words.count
        else { return nil }
        return (id, String(words[index + 1].prefix { $0.isHexDigit }))
    }

    /// "seeded cases … with evidence #12–#40 (seed N); evidence digest D" → (12…40, D).
    package static func seedBatch(_ detail: String) -> (evidence: ClosedRange<Int64>, digest: String)? {
        guard let marker = detail.range(of: "with evidence #"), let digest = detail.split(separator: " ").last else {
            return nil
        }
        let rest = detail[marker.upperBound...]
        let parts = rest.split(separator: " ").first?.split(separator: "–")
        guard let parts, parts.count == 2, let low = Int64(parts[0]), let high = Int64(parts[1].dropFirst()),
            low <= high
        else { return nil }
        return (low...high, String(digest))
    }
}
