import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
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
