import CaseModel
import Foundation
import GRDB

extension CaseDatabase {
    /// Records a point in dispute; the burden of proof follows from its kind (DOMAIN.md §6).
    @discardableResult
    public func addIssue(
        caseID: Int64, kind: IssueKind, description: String, buyerConfirmedReceipt: Bool = false,
        durableWithinSixMonths: Bool = false, by staff: StaffMember, at now: Date
    ) throws -> DisputeIssue {
        let text = description.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CaseError.emptyText(field: "the issue's description") }
        return try writer.write { db in
            let member = try Self.require(db, staff, .recordIssue)
            guard try Self.fetchCase(db, id: caseID) != nil else { throw StoreError.caseNotFound(caseID) }
            return try Self.insertIssue(
                db, caseID: caseID, kind: kind, description: text, buyerConfirmedReceipt: buyerConfirmedReceipt,
                durableWithinSixMonths: durableWithinSixMonths, actor: member.name, at: now)
        }
    }

    static func insertIssue(
        _ db: Database, caseID: Int64, kind: IssueKind, description text: String, buyerConfirmedReceipt: Bool,
        durableWithinSixMonths: Bool, actor: String, at now: Date
    ) throws -> DisputeIssue {
        let burden = BurdenRules.burden(
            for: kind, buyerConfirmedReceipt: buyerConfirmedReceipt, durableWithinSixMonths: durableWithinSixMonths)
        try db.execute(
            sql: """
                INSERT INTO issues (case_id, kind, description, burden, buyer_confirmed_receipt,
                    durable_within_six_months, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                caseID, kind.rawValue, text, burden.party.rawValue, buyerConfirmedReceipt, durableWithinSixMonths,
                Timestamp.seconds(now),
            ])
        let id = db.lastInsertedRowID
        try appendEvent(
            db,
            .issueAdded(
                issueID: id, kind: kind, description: text, burden: burden.party, burdenReason: burden.reason,
                buyerConfirmedReceipt: buyerConfirmedReceipt, durableWithinSixMonths: durableWithinSixMonths),
            at: now, actor: actor, caseID: caseID)
        return DisputeIssue(
            id: id, caseID: caseID, kind: kind, description: text, buyerConfirmedReceipt: buyerConfirmedReceipt,
            durableWithinSixMonths: durableWithinSixMonths)
    }

    /// Links an item of evidence to a point in dispute on the same case.
    public func linkEvidence(
        caseID: Int64, issueID: Int64, evidenceID: Int64, by staff: StaffMember, at now: Date
    ) throws {
        try writer.write { db in
            let member = try Self.require(db, staff, .recordIssue)
            try Self.requireIssue(db, caseID: caseID, issueID: issueID)
            guard
                try Int.fetchOne(
                    db, sql: "SELECT 1 FROM evidence WHERE id = ? AND case_id = ?", arguments: [evidenceID, caseID])
                    != nil
            else { throw CaseError.evidenceNotFound(caseID: caseID, evidenceID: evidenceID) }
            try db.execute(
                sql: "INSERT OR IGNORE INTO issue_evidence (issue_id, evidence_id) VALUES (?, ?)",
                arguments: [issueID, evidenceID])
            guard db.changesCount > 0 else { return }
            try Self.appendEvent(
                db, .evidenceLinked(evidenceID: evidenceID, issueID: issueID), at: now, actor: member.name,
                caseID: caseID)
        }
    }

    /// Records the mediator's finding on a point in dispute, with the reasoning.
    public func recordFinding(
        caseID: Int64, issueID: Int64, finding: Finding, note: String, by staff: StaffMember, at now: Date
    ) throws {
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CaseError.emptyText(field: "the finding's reasoning") }
        try writer.write { db in
            let member = try Self.require(db, staff, .recordIssue)
            try Self.requireIssue(db, caseID: caseID, issueID: issueID)
            try db.execute(
                sql: "UPDATE issues SET finding = ?, finding_note = ? WHERE id = ?",
                arguments: [finding.rawValue, text, issueID])
            try Self.appendEvent(
                db, .findingRecorded(issueID: issueID, finding: finding, note: text), at: now, actor: member.name,
                caseID: caseID)
        }
    }

    /// The points in dispute of a case, with their linked evidence.
    public func issues(caseID: Int64) throws -> [DisputeIssue] {
        try writer.read { db in try Self.issues(db, caseID: caseID) }
    }

    static func issues(_ db: Database, caseID: Int64) throws -> [DisputeIssue] {
        let links = try Row.fetchAll(
            db,
            sql: """
                SELECT l.issue_id, l.evidence_id FROM issue_evidence l JOIN issues i ON i.id = l.issue_id
                WHERE i.case_id = ? ORDER BY l.evidence_id
                """,
            arguments: [caseID])
        var evidence: [Int64: [Int64]] = [:]
        for link in links { evidence[link[0], default: []].append(link[1]) }
        return try Row.fetchAll(
            db,
            sql: """
                SELECT id, kind, description, buyer_confirmed_receipt, durable_within_six_months, finding,
                    finding_note
                FROM issues WHERE case_id = ? ORDER BY id
                """,
            arguments: [caseID]
        ).map { row in
            let id: Int64 = row[0]
            let finding: String? = row[5]
            return DisputeIssue(
                id: id, caseID: caseID, kind: try known(IssueKind.self, row[1], "issues.kind"),
                description: row[2], buyerConfirmedReceipt: row[3], durableWithinSixMonths: row[4],
                evidenceIDs: evidence[id] ?? [],
                finding: try finding.map { try known(Finding.self, $0, "issues.finding") }, findingNote: row[6])
        }
    }

    /// Asks a party for evidence, opening a window with the rule pack's evidence deadline.
    ///
    /// A case in intervention moves to the evidence stage; a case already there gets one
    /// more window, and its stage deadline stretches to the latest window.
    @discardableResult
    public func requestEvidence(
        caseID: Int64, from party: PartyRole, what: String, by staff: StaffMember, at now: Date,
        rules: RulePackCatalog
    ) throws -> (request: EvidenceRequest, case: Case) {
        let text = what.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CaseError.emptyText(field: "what is requested") }
        return try writer.write { db in
            let member = try Self.require(db, staff, .step)
            guard let current = try Self.fetchCase(db, id: caseID) else { throw StoreError.caseNotFound(caseID) }
            guard let pack = rules.pack(current.rulePack) else {
                throw CaseError.unknownRulePack(caseID: caseID, reference: current.rulePack)
            }
            let due = pack.deadline(entering: .evidence, at: now) ?? now.addingTimeInterval(3 * 86_400)
            var updated: Case
            switch current.stage {
            case .intervention:
                switch current.applying(
                    .requestEvidence, by: Permissions.actorKind(for: member.role), at: now, deadline: due)
                {
                case .success(let next): updated = next
                case .failure(let error): throw CaseError.lifecycle(error)
                }
            case .evidence:
                updated = current
                updated.stageDeadline = max(current.stageDeadline ?? due, due)
                updated.updatedAt = now
                updated.version += 1
            default:
                throw CaseError.lifecycle(.notAllowed(event: .requestEvidence, stage: current.stage))
            }
            try Self.update(db, from: current, to: updated)
            try db.execute(
                sql: "INSERT INTO evidence_requests (case_id, party, what, opened_at, due_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [caseID, party.rawValue, text, Timestamp.seconds(now), Timestamp.seconds(due)])
            let request = EvidenceRequest(
                id: db.lastInsertedRowID, caseID: caseID, party: party, what: text,
                openedAt: Timestamp.date(Timestamp.seconds(now)), dueAt: Timestamp.date(Timestamp.seconds(due)))
            try Self.appendEvent(
                db,
                .evidenceRequested(
                    requestID: request.id, party: party, what: text, due: due, rulePack: pack.reference,
                    move: StageMove(from: current, to: updated)),
                at: now, actor: member.name, caseID: caseID)
            return (request, updated)
        }
    }

    /// The evidence requests of a case, oldest first.
    public func evidenceRequests(caseID: Int64) throws -> [EvidenceRequest] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, party, what, opened_at, due_at FROM evidence_requests WHERE case_id = ? ORDER BY id",
                arguments: [caseID]
            ).map { row in
                EvidenceRequest(
                    id: row[0], caseID: caseID, party: try known(PartyRole.self, row[1], "evidence_requests.party"),
                    what: row[2], openedAt: Timestamp.date(row[3]), dueAt: Timestamp.date(row[4]))
            }
        }
    }

    static func requireIssue(_ db: Database, caseID: Int64, issueID: Int64) throws {
        guard
            try Int.fetchOne(
                db, sql: "SELECT 1 FROM issues WHERE id = ? AND case_id = ?", arguments: [issueID, caseID]) != nil
        else { throw CaseError.issueNotFound(caseID: caseID, issueID: issueID) }
    }
}
