import CaseModel
import Foundation
import GRDB

/// What `verify` found.
public struct VerifyReport: Sendable {
    /// Audit records checked.
    public var auditRecords = 0
    /// Evidence items checked.
    public var evidenceItems = 0
    /// Ruling revisions checked.
    public var rulings = 0
    /// Problems, the first broken thing first; empty when all is intact.
    public var problems: [String] = []

    /// Whether everything checked out.
    public var isIntact: Bool { problems.isEmpty }
}

extension CaseDatabase {
    /// Checks SQLite's integrity and foreign keys, the whole audit chain, and every evidence
    /// item's content against its SHA-256 and against the hash its audit record fixed.
    public func verify() throws -> VerifyReport {
        try writer.read { db in
            var report = VerifyReport()
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] {
                report.problems += integrity.prefix(5).map { "SQLite integrity: \($0)" }
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").prefix(5) {
                let table: String = row[0]
                let rowid: Int64? = row[1]
                let parent: String = row[2]
                report.problems.append(
                    "foreign key: \(table) row \(rowid.map(String.init) ?? "?") points to a missing \(parent) row")
            }
            report.auditRecords = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit") ?? 0
            if let broken = try Self.firstBrokenAuditRecord(db) {
                report.problems.append(
                    "audit record #\(broken) does not match the hash chain (it, or the record before it, was changed, inserted or deleted)"
                )
            }
            // The hash each add_evidence record fixed, by evidence id.
            var fixed: [Int64: String] = [:]
            let records = try Row.fetchCursor(db, sql: "SELECT detail FROM audit WHERE action = 'add_evidence'")
            while let row = try records.next() {
                let detail: String = row[0]
                let words = detail.split(separator: " ")
                guard words.count >= 2, words[0] == "evidence", words[1].hasPrefix("#"),
                    let id = Int64(words[1].dropFirst()), let index = words.firstIndex(of: "sha256"),
                    index + 1 < words.count
                else { continue }
                fixed[id] = String(words[index + 1])
            }
            // Seeded batches fix a digest of their evidence hashes instead of one record per item.
            let batches = try Row.fetchAll(db, sql: "SELECT id, detail FROM audit WHERE action = 'seed' ORDER BY id")
            for batch in batches {
                let recordID: Int64 = batch[0]
                let detail: String = batch[1]
                guard let range = Self.evidenceRange(in: detail), let digest = detail.split(separator: " ").last else {
                    report.problems.append("audit record #\(recordID): a seed record without its evidence range")
                    continue
                }
                let hashes = try String.fetchAll(
                    db, sql: "SELECT sha256 FROM evidence WHERE id BETWEEN ? AND ? ORDER BY id",
                    arguments: [range.lowerBound, range.upperBound])
                if hashes.count != range.count || Hashing.sha256Hex(Data(hashes.joined().utf8)) != digest {
                    report.problems.append(
                        "evidence #\(range.lowerBound)–#\(range.upperBound): the seeded items differ from the digest audit record #\(recordID) fixed"
                    )
                }
                for id in range where fixed[id] == nil { fixed[id] = "" }
            }
            var seen: Set<Int64> = []
            let items = try Row.fetchCursor(db, sql: "SELECT id, sha256, content FROM evidence ORDER BY id")
            while let row = try items.next() {
                report.evidenceItems += 1
                let id: Int64 = row[0]
                seen.insert(id)
                let stored: String = row[1]
                let content: Data = row[2] ?? Data()
                if Hashing.sha256Hex(content) != stored {
                    report.problems.append("evidence #\(id): its content does not match its SHA-256")
                } else if let original = fixed[id], !original.isEmpty, original != stored {
                    report.problems.append("evidence #\(id): its SHA-256 differs from the one its audit record fixed")
                } else if fixed[id] == nil {
                    report.problems.append("evidence #\(id): no audit record fixes its SHA-256")
                }
            }
            if let missing = fixed.keys.filter({ !seen.contains($0) }).min() {
                report.problems.append("evidence #\(missing): its audit record exists but the item is gone")
            }
            try Self.verifyRulings(db, into: &report)
            return report
        }
    }

    /// Every ruling's terms against their SHA-256 and against the hash its audit record fixed.
    static func verifyRulings(_ db: Database, into report: inout VerifyReport) throws {
        var fixed: [Int64: String] = [:]
        let records = try Row.fetchCursor(db, sql: "SELECT detail FROM audit WHERE action = 'ruling'")
        while let row = try records.next() {
            let detail: String = row[0]
            let words = detail.split(separator: " ")
            guard words.count >= 2, words[0] == "ruling", words[1].hasPrefix("#"),
                let id = Int64(words[1].dropFirst()), let index = words.lastIndex(of: "sha256"), index + 1 < words.count
            else { continue }
            fixed[id] = String(words[index + 1].prefix { $0.isHexDigit })
        }
        let rulings = try Row.fetchCursor(db, sql: "SELECT id, terms, sha256 FROM rulings ORDER BY id")
        while let row = try rulings.next() {
            report.rulings += 1
            let id: Int64 = row[0]
            let terms: String = row[1]
            let stored: String = row[2]
            if Hashing.sha256Hex(Data(terms.utf8)) != stored {
                report.problems.append("ruling #\(id): its terms do not match their SHA-256")
            } else if fixed[id] == nil {
                report.problems.append("ruling #\(id): no audit record fixes its SHA-256")
            } else if fixed[id] != stored {
                report.problems.append("ruling #\(id): its SHA-256 differs from the one its audit record fixed")
            }
        }
    }

    /// "evidence #12–#40" in a seed record's detail.
    static func evidenceRange(in detail: String) -> ClosedRange<Int64>? {
        guard let marker = detail.range(of: "with evidence #") else { return nil }
        let rest = detail[marker.upperBound...]
        let parts = rest.split(separator: " ").first?.split(separator: "–")
        guard let parts, parts.count == 2, let low = Int64(parts[0]), let high = Int64(parts[1].dropFirst()),
            low <= high
        else { return nil }
        return low...high
    }
}
