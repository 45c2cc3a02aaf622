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
        let intent = CaseIntent.addIssue(
            kind: kind, description: description, buyerConfirmedReceipt: buyerConfirmedReceipt,
            durableWithinSixMonths: durableWithinSixMonths)
        guard let issue = try perform(intent, on: caseID, by: staff, at: now, rules: .none).file.issues.last else {
            throw StoreError.caseNotFound(caseID)
        }
        return issue
    }

    /// Links an item of evidence to a point in dispute on the same case.
    public func linkEvidence(
        caseID: Int64, issueID: Int64, evidenceID: Int64, by staff: StaffMember, at now: Date
    ) throws {
        try perform(
            .linkEvidence(issueID: issueID, evidenceID: evidenceID), on: caseID, by: staff, at: now, rules: .none)
    }

    /// Records the mediator's finding on a point in dispute, with the reasoning.
    public func recordFinding(
        caseID: Int64, issueID: Int64, finding: Finding, note: String, by staff: StaffMember, at now: Date
    ) throws {
        try perform(
            .recordFinding(issueID: issueID, finding: finding, note: note), on: caseID, by: staff, at: now,
            rules: .none)
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
        let commit = try perform(
            .requestEvidence(from: party, what: what), on: caseID, by: staff, at: now, rules: rules)
        guard let request = commit.file.requests.last else { throw StoreError.caseNotFound(caseID) }
        return (request, commit.item)
    }

    /// The evidence requests of a case, oldest first.
    public func evidenceRequests(caseID: Int64) throws -> [EvidenceRequest] {
        try writer.read { db in try Self.evidenceRequests(db, caseID: caseID) }
    }

    static func evidenceRequests(_ db: Database, caseID: Int64) throws -> [EvidenceRequest] {
        try Row.fetchAll(
            db, sql: "SELECT id, party, what, opened_at, due_at FROM evidence_requests WHERE case_id = ? ORDER BY id",
            arguments: [caseID]
        ).map { row in
            EvidenceRequest(
                id: row[0], caseID: caseID, party: try known(PartyRole.self, row[1], "evidence_requests.party"),
                what: row[2], openedAt: Timestamp.date(row[3]), dueAt: Timestamp.date(row[4]))
        }
    }
}
