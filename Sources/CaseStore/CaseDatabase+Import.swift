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
    /// Imports cases and party events (JSONL), or cases (CSV), through the same rules as the console.
    ///
    /// Every line is checked in file order, each against the database as the lines before it
    /// left it. By default one rejected line rejects the whole file and the database is
    /// left unchanged; with `skipInvalid` the valid lines are kept. Either way every
    /// problem is reported as `line N: reason`.
    public func importFile(
        _ data: Data, format: ImportFormat = .jsonl, by staff: StaffMember, skipInvalid: Bool,
        rules: RulePackCatalog
    ) throws -> ImportReport {
        let parsed = ImportParser.parse(data, format: format)
        var report = ImportReport()
        report.errors = parsed.errors
        try writer.writeWithoutTransaction { db in
            try db.inTransaction {
                try Self.require(db, staff, .recordPartyEvent)
                for item in parsed.items {
                    do {
                        try db.inSavepoint {
                            switch item {
                            case .event(let line): try Self.applyEventLine(db, line, by: staff, rules: rules)
                            case .record(_, let line): try Self.importCase(db, line, by: staff, rules: rules)
                            }
                            return .commit
                        }
                        report.applied += 1
                    } catch let error as any ExplainedError {
                        report.errors.append(ImportError(line: item.line, reason: error.message.en))
                    } catch let error as ImportError.Reason {
                        report.errors.append(ImportError(line: item.line, reason: error.text))
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

    /// Files an imported case with its own number, times and evidence.
    static func importCase(_ db: Database, _ line: CaseLine, by staff: StaffMember, rules: RulePackCatalog) throws {
        let (item, evidence) = try line.validated()
        guard rules.pack(item.rulePack) != nil else {
            throw ImportError.Reason("rule pack '\(item.rulePack)' is not one this CaseDesk has")
        }
        guard try fetchCase(db, id: item.id) == nil else {
            throw ImportError.Reason("case #\(item.id) already exists")
        }
        try insertCase(db, item, actor: "\(staff.name) (import)")
        for (e, content, submitted) in evidence {
            try addEvidence(
                db, caseID: item.id, kind: e.kind, source: e.source, description: e.description, content: content,
                at: submitted, actor: "\(staff.name) (import)")
        }
    }

    static func applyEventLine(_ db: Database, _ line: EventLine, by staff: StaffMember, rules: RulePackCatalog) throws
    {
        let actor = "\(staff.name) for the \(line.party.rawValue)"
        if line.action == .appeal {
            try fileAppeal(db, line, by: staff, rules: rules)
            return
        }
        if let event = line.action.lifecycleEvent {
            try apply(
                db, event, toCase: line.caseID, by: staff, onBehalfOf: line.party, expectedVersion: nil, at: line.at,
                rules: rules, note: line.note.flatMap { $0.isEmpty ? nil : .partySays(party: line.party, text: $0) })
            return
        }
        guard let current = try fetchCase(db, id: line.caseID) else { throw StoreError.caseNotFound(line.caseID) }
        guard line.action.recordedIn.contains(current.stage) else {
            throw CaseError.partyActionNotNow(action: line.action, stage: current.stage)
        }
        switch line.action {
        case .submitEvidence:
            guard let evidence = line.evidence else { return }
            let source: EvidenceSource = line.party == .buyer ? .buyer : .merchant
            _ = try addEvidence(
                db, caseID: line.caseID, kind: evidence.kind, source: source, description: evidence.description,
                content: evidence.content, at: line.at, actor: actor)
        default:
            try appendEvent(
                db, .partyActed(party: line.party, action: line.action, tracking: line.tracking, note: line.note),
                at: line.at, actor: actor, caseID: line.caseID)
        }
    }
}

extension CaseDatabase {
    /// A party's appeal: the lifecycle step (a late appeal is refused with its deadline), the
    /// evidence it brings, and the appeal itself on one record that fixes all of it.
    static func fileAppeal(_ db: Database, _ line: EventLine, by staff: StaffMember, rules: RulePackCatalog) throws {
        let (current, moved, actor) = try step(
            db, .appealFiled, toCase: line.caseID, by: staff, onBehalfOf: line.party, expectedVersion: nil,
            at: line.at, rules: rules, dedicated: false)
        var evidenceID: Int64?
        if let evidence = line.evidence {
            evidenceID =
                try addEvidence(
                    db, caseID: line.caseID, kind: evidence.kind, source: line.party == .buyer ? .buyer : .merchant,
                    description: evidence.description, content: evidence.content, at: line.at, actor: actor
                ).id
        }
        let appeal = try recordAppeal(
            db, caseID: line.caseID, party: line.party, grounds: line.note, evidenceID: evidenceID, at: line.at,
            pack: try pack(for: moved, rules))
        try appendEvent(
            db,
            .appealFiled(
                appealID: appeal.id, rulingID: appeal.rulingID, party: line.party, grounds: appeal.grounds,
                evidenceID: evidenceID, move: StageMove(from: current, to: moved)),
            at: line.at, actor: actor, caseID: line.caseID)
    }
}

extension CaseDatabase {
    /// Records one buyer's or merchant's action, entered by staff on their behalf, through the
    /// same rules as an imported event line.
    public func recordPartyAction(
        caseID: Int64, party: PartyRole, action: PartyAction, note: String?, tracking: String?, at now: Date,
        by staff: StaffMember, rules: RulePackCatalog
    ) throws {
        guard action.parties.contains(party) else {
            throw CaseError.partyCannot(party: party, action: action)
        }
        guard action != .submitEvidence else { throw CaseError.partyCannot(party: party, action: action) }
        if action == .shipReturn && (tracking ?? "").isEmpty {
            throw CaseError.emptyText(field: "the return tracking number")
        }
        let line = EventLine(
            line: 0, caseID: caseID, party: party, action: action, at: now,
            note: note.flatMap { $0.isEmpty ? nil : $0 }, tracking: tracking.flatMap { $0.isEmpty ? nil : $0 })
        try writer.write { db in
            try Self.require(db, staff, .recordPartyEvent)
            try Self.applyEventLine(db, line, by: staff, rules: rules)
        }
    }
}
