import CaseModel
import Foundation
import GRDB

/// What an import did.
public struct ImportReport: Sendable {
    /// Lines applied.
    public var applied: Int = 0
    /// Lines rejected, with reasons, in line order.
    public var errors: [ImportError] = []
    /// Whether anything was written (false when one bad line rejected the whole file).
    public var committed = false
}

extension CaseDatabase {
    /// Imports party events through the same lifecycle rules as the console.
    ///
    /// Every line is checked in file order, each against the case as the lines before it
    /// left it. By default one rejected line rejects the whole file and the database is
    /// left unchanged; with `skipInvalid` the valid lines are kept. Either way every
    /// problem is reported as `line N: reason`.
    public func importEvents(
        _ data: Data, by staff: StaffMember, skipInvalid: Bool, rules: RulePackCatalog
    ) throws -> ImportReport {
        let parsed = EventLineParser.parse(data)
        var report = ImportReport()
        report.errors = parsed.errors
        try writer.writeWithoutTransaction { db in
            try db.inTransaction {
                try Self.require(db, staff, .recordPartyEvent)
                for line in parsed.lines {
                    do {
                        try db.inSavepoint {
                            try Self.applyEventLine(db, line, by: staff, rules: rules)
                            return .commit
                        }
                        report.applied += 1
                    } catch let error as StoreError {
                        report.errors.append(ImportError(line: line.line, reason: error.message.en))
                    }
                }
                report.errors.sort { $0.line < $1.line }
                report.committed = report.errors.isEmpty || skipInvalid
                if !report.committed { report.applied = 0 }
                return report.committed ? .commit : .rollback
            }
        }
        return report
    }

    static func applyEventLine(_ db: Database, _ line: EventLine, by staff: StaffMember, rules: RulePackCatalog) throws {
        let actor = "\(staff.name) for the \(line.party.rawValue)"
        if let event = line.action.lifecycleEvent {
            try apply(
                db, event, toCase: line.caseID, by: staff, onBehalfOf: line.party, expectedVersion: nil, at: line.at,
                rules: rules, note: line.note.map { "\(line.party.rawValue) says: \($0)" })
            return
        }
        guard let current = try fetchCase(db, id: line.caseID) else { throw StoreError.caseNotFound(line.caseID) }
        guard line.action.recordedIn.contains(current.stage) else {
            throw StoreError.partyActionNotNow(action: line.action, stage: current.stage)
        }
        switch line.action {
        case .submitEvidence:
            guard let evidence = line.evidence else { return }
            let source: EvidenceSource = line.party == .buyer ? .buyer : .merchant
            _ = try addEvidence(
                db, caseID: line.caseID, kind: evidence.kind, source: source, description: evidence.description,
                content: evidence.content, at: line.at, actor: actor)
        default:
            var detail = line.action.rawValue.replacingOccurrences(of: "_", with: " ")
            if let tracking = line.tracking { detail += ", tracking \(tracking)" }
            if let note = line.note { detail += ": \(note)" }
            try appendAudit(db, at: line.at, actor: actor, action: line.action.rawValue, caseID: line.caseID, detail: detail)
        }
    }
}
