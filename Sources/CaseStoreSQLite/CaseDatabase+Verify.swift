import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

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
            try Self.verifyPayloads(db, into: &report)
            let fixedHashes = try Self.fixedHashes(db)
            var fixed = fixedHashes.evidence
            // Seeded batches fix a digest of their evidence hashes instead of one record per item.
            for batch in fixedHashes.batches {
                guard let range = batch.evidence else {
                    report.problems.append("audit record #\(batch.record): a seed record without its evidence range")
                    continue
                }
                let hashes = try String.fetchAll(
                    db, sql: "SELECT sha256 FROM evidence WHERE id BETWEEN ? AND ? ORDER BY id",
                    arguments: [range.lowerBound, range.upperBound])
                if hashes.count != range.count || Hashing.sha256Hex(Data(hashes.joined().utf8)) != batch.digest {
                    report.problems.append(
                        "evidence #\(range.lowerBound)–#\(range.upperBound): the seeded items differ from the digest audit record #\(batch.record) fixed"
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
            try Self.verifyRulings(db, fixed: fixedHashes.rulings, into: &report)
            try Self.verifyTables(db, into: &report)
            return report
        }
    }

    /// The most differences between the tables and their history `verify` lists one by one.
    static let listedDifferences = 50

    /// Recomputes the tables from the typed events and names every row that differs: each case
    /// whose trail is typed from its filing, and the staff roster.
    static func verifyTables(_ db: Database, into report: inout VerifyReport) throws {
        var differences: [String] = []
        let filed = try Int64.fetchCursor(
            db, sql: "SELECT case_id FROM audit WHERE kind = 'filed' AND case_id IS NOT NULL ORDER BY case_id")
        let trailStatement = try db.cachedStatement(
            sql: "SELECT \(auditColumns) FROM audit WHERE case_id = ? ORDER BY id")
        while let caseID = try filed.next() {
            guard let item = try fetchCase(db, id: caseID) else {
                differences.append("case #\(caseID): its history files it, but the case is gone")
                continue
            }
            let trail = try Row.fetchAll(trailStatement, arguments: [caseID]).map(auditEntry)
            let stored = try loadFile(db, item, reading: Set(CaseFile.Part.allCases))
            guard let replayed = TableCheck.replayed(stored, trail: trail) else { continue }
            differences += TableCheck.differences(stored: stored, replayed: replayed)
        }
        let staffEvents = try Row.fetchAll(
            db, sql: "SELECT \(auditColumns) FROM audit WHERE kind IN ('staff_added', 'staff_role_changed') ORDER BY id"
        ).compactMap { auditEntry($0).event }
        // A database from before typed events registered its first staff in prose only: check it only when typed.
        let legacyStaff =
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM audit WHERE payload IS NULL AND action IN ('staff_add', 'staff_role')")
            ?? 0
        if legacyStaff == 0 {
            differences += TableCheck.staffDifferences(stored: try staff(db), events: staffEvents)
        }
        // The settings: the rule pack new cases run under is the last one an admin chose on the record.
        let chosen = try Row.fetchAll(
            db, sql: "SELECT \(auditColumns) FROM audit WHERE kind = 'rule_pack_chosen' ORDER BY id"
        ).compactMap { entry -> String? in
            if case .rulePackChosen(_, let to)? = auditEntry(entry).event { return to }
            return nil
        }.last
        let legacyPack =
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM audit WHERE payload IS NULL AND action = 'set_rule_pack'") ?? 0
        let current = try currentRulePack(db)
        if legacyPack == 0, current != (chosen ?? "marketplace@1") {
            differences.append(
                "settings: new cases run under \(current), but its history chose \(chosen ?? "marketplace@1")")
        }
        report.problems += differences.prefix(listedDifferences)
        if differences.count > listedDifferences {
            report.problems.append("… and \(differences.count - listedDifferences) more rows differ from their history")
        }
    }

    /// What the audit records fix: each evidence item's and ruling's SHA-256 by id, and the seeded
    /// batches' digests. Read from typed payloads; records written before events were typed are
    /// read by their old prose (`LegacyAudit`), and only those.
    static func fixedHashes(_ db: Database) throws -> FixedHashes {
        var fixed = FixedHashes()
        let records = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, action, detail, payload FROM audit
                WHERE kind IN ('evidence_added', 'ruled', 'seeded')
                    OR (payload IS NULL AND action IN ('add_evidence', 'ruling', 'seed'))
                ORDER BY id
                """)
        while let row = try records.next() {
            let record: Int64 = row[0]
            let action: String = row[1]
            let detail: String = row[2]
            guard let payload: String = row[3] else {
                switch action {
                case "add_evidence":
                    if let (id, hash) = LegacyAudit.evidenceHash(detail) { fixed.evidence[id] = hash }
                case "ruling":
                    if let (id, hash) = LegacyAudit.rulingHash(detail) { fixed.rulings[id] = hash }
                default:
                    let batch = LegacyAudit.seedBatch(detail)
                    fixed.batches.append((record, batch?.evidence, batch?.digest ?? ""))
                }
                continue
            }
            switch try? CaseEvent(payload: payload) {
            case .evidenceAdded(let id, _, _, _, let hash): fixed.evidence[id] = hash
            case .ruled(let entry): fixed.rulings[entry.rulingID] = entry.sha256
            case .seeded(_, let evidence, _, let digest): fixed.batches.append((record, evidence, digest))
            default: break
            }
        }
        return fixed
    }

    /// Every typed record's payload reads back as an event whose kind and action are the ones the
    /// record shows (they are derived from the event, so they can only differ by an edit or a bug).
    static func verifyPayloads(_ db: Database, into report: inout VerifyReport) throws {
        let records = try Row.fetchCursor(
            db, sql: "SELECT id, action, detail, kind, payload FROM audit WHERE payload IS NOT NULL ORDER BY id")
        var found = 0
        while let row = try records.next(), found < 5 {
            let record: Int64 = row[0]
            guard let event = try? CaseEvent(payload: row[4] as String) else {
                report.problems.append("audit record #\(record): its payload cannot be read as an event")
                found += 1
                continue
            }
            // The sentence is not compared: a later CaseDesk may word it better, and the chain fixes it.
            if event.kind != row[3] || event.action != row[1] {
                report.problems.append("audit record #\(record): its kind or action differs from its event")
                found += 1
            }
        }
    }

    /// The hashes the audit log fixes, by what they fix.
    struct FixedHashes {
        var evidence: [Int64: String] = [:]
        var rulings: [Int64: String] = [:]
        var batches: [(record: Int64, evidence: ClosedRange<Int64>?, digest: String)] = []
    }

    /// Every ruling's terms against their SHA-256 and against the hash its audit record fixed.
    static func verifyRulings(_ db: Database, fixed: [Int64: String], into report: inout VerifyReport) throws {
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
}
