import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    /// Imports cases and party events (JSONL), or cases (CSV), through the same rules as the console.
    ///
    /// Every line is checked in file order, each against the database as the lines before it
    /// left it. By default one rejected line rejects the whole file and the database is
    /// left unchanged; with `skipInvalid` the valid lines are kept. Either way every
    /// problem is reported as `line N: reason`.
    ///
    /// JSONL is read, checked and applied a line at a time, so memory stays flat in the file's
    /// size; a CSV file is parsed whole (a quoted field may span lines).
    public func importFile(
        _ source: ImportSource, format: ImportFormat = .jsonl, by staff: StaffMember, skipInvalid: Bool,
        rules: RulePackCatalog, now: Date
    ) throws -> ImportReport {
        var report = ImportReport()
        try writer.writeWithoutTransaction { db in
            try db.inTransaction {
                try Self.require(db, staff, .recordPartyEvent)
                func reject(_ error: ImportError, _ raw: Data?) {
                    report.errors.append(error)
                    if skipInvalid, let raw { report.rejectedLines[error.line] = raw }
                }
                // A line's own fault rejects the line; the database's (a full disk, a lost lock) ends the import.
                func apply(_ item: ImportItem, _ raw: Data?) throws {
                    do {
                        try db.inSavepoint {
                            switch item {
                            case .event(let line):
                                try Self.applyEventLine(db, line, by: staff, rules: rules, now: now)
                            case .record(_, let document):
                                try Self.file(
                                    document, now: now, actor: "\(staff.name) (import)", rules: rules, db)
                            }
                            return .commit
                        }
                        report.applied += 1
                    } catch let error as any ExplainedError {
                        reject(ImportError(line: item.line, reason: error.message.en), raw)
                    } catch let error as ImportError.Reason {
                        reject(ImportError(line: item.line, reason: error.text), raw)
                    }
                }
                switch format {
                case .jsonl:
                    try source.forEachLine { number, raw in
                        switch ImportParser.jsonlLine(raw, number: number) {
                        case .success(let item?): try apply(item, raw)
                        case .success(nil): break
                        case .failure(let error): reject(error, raw)
                        }
                    }
                case .csv:
                    let parsed = ImportParser.parse(try source.readAll(), format: .csv)
                    report.errors = parsed.errors
                    for item in parsed.items { try apply(item, nil) }
                }
                report.errors.sort { $0.line < $1.line }
                report.committed = report.errors.isEmpty || skipInvalid
                if !report.committed { report.applied = 0 }
                return report.committed ? .commit : .rollback
            }
        }
        return report
    }

    /// How far ahead of the importer's clock a feed's timestamp may be (clocks drift a little).
    static let feedClockSkew: TimeInterval = 300

    /// Applies one party event at the time it names, which must lie between the case's filing
    /// and now (plus a small skew): a feed cannot backdate an appeal past its window, or post-date one.
    static func applyEventLine(
        _ db: Database, _ line: EventLine, by staff: StaffMember, rules: RulePackCatalog, now: Date
    ) throws {
        let at = line.at.resolved(now: now)
        guard let item = try fetchCase(db, id: line.caseID) else { throw StoreError.caseNotFound(line.caseID) }
        guard at >= item.createdAt.wholeSeconds else {
            throw ImportError.Reason(
                "'at' \(ISO8601Time.string(at)) is before case #\(item.id) was filed (\(ISO8601Time.string(item.createdAt)))"
            )
        }
        guard at <= now.addingTimeInterval(Self.feedClockSkew) else {
            throw ImportError.Reason(
                "'at' \(ISO8601Time.string(at)) is in the future (this import runs at \(ISO8601Time.string(now)))")
        }
        let evidence = line.evidence.map {
            PartyEvidence(kind: $0.kind, description: $0.description, sha256: Hashing.sha256Hex($0.content))
        }
        let entry = PartyEntry(
            party: line.party, action: line.action, note: line.note, tracking: line.tracking, evidence: evidence)
        try perform(
            db, .party(entry), on: line.caseID, by: .staff(staff), expectedVersion: nil, at: at, rules: rules,
            contents: line.evidence.map { [$0.content] } ?? [])
    }
}
