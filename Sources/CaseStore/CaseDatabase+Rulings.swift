import CaseModel
import Foundation
import GRDB

/// What submitting a ruling did.
public struct RulingSubmission: Sendable {
    /// The stored ruling.
    public var ruling: Ruling
    /// Why it waits for a supervisor, or nil when it took effect at once.
    public var reviewReason: ReviewReason?
    /// The obligations it created, when it took effect.
    public var obligations: [Obligation]
}

extension CaseDatabase {
    // MARK: Rulings

    /// Submits a ruling on a case in decision. It takes effect at once (case to execution, obligations
    /// created) unless the pack's review policy sends it to a supervisor first.
    @discardableResult
    public func submitRuling(
        caseID: Int64, draft: RulingDraft, by staff: StaffMember, expectedVersion: Int? = nil, at now: Date,
        rules: RulePackCatalog
    ) throws -> RulingSubmission {
        let commit = try perform(
            .submitRuling(draft), on: caseID, by: staff, expectedVersion: expectedVersion, at: now, rules: rules)
        guard let ruling = commit.file.decisions.rulings.last else { throw StoreError.caseNotFound(caseID) }
        let reason = commit.events.lazy.compactMap { event -> ReviewReason? in
            if case .ruled(let entry) = event { return entry.review }
            return nil
        }.first
        return RulingSubmission(ruling: ruling, reviewReason: reason, obligations: Self.created(commit))
    }

    /// A supervisor approves the ruling waiting for review (it takes effect) or returns it with comments.
    @discardableResult
    public func reviewRuling(
        caseID: Int64, approve: Bool, comment: String, by staff: StaffMember, at now: Date, rules: RulePackCatalog
    ) throws -> (ruling: Ruling, obligations: [Obligation]) {
        let commit = try perform(
            .reviewRuling(approve: approve, comment: comment), on: caseID, by: staff, at: now, rules: rules)
        guard let ruling = commit.file.decisions.rulings.last else { throw StoreError.caseNotFound(caseID) }
        return (ruling, Self.created(commit))
    }

    /// Records an independent observer's sign-off on a platform-interest case.
    public func recordObserverSignoff(
        caseID: Int64, observer: String, statement: String, by staff: StaffMember, at now: Date
    ) throws {
        try perform(.observe(observer: observer, statement: statement), on: caseID, by: staff, at: now, rules: .none)
    }

    /// Records an obligation as carried out (by the party, or enforced by the platform).
    public func fulfil(obligationID: Int64, caseID: Int64, note: String, by staff: StaffMember, at now: Date) throws {
        try perform(.fulfil(obligationID: obligationID, note: note), on: caseID, by: staff, at: now, rules: .none)
    }

    /// The obligations a commit created, as stored.
    static func created(_ commit: Commit) -> [Obligation] {
        let ids = Set(
            commit.events.compactMap { event -> Int64? in
                if case .obligationCreated(let entry) = event { return entry.obligationID }
                return nil
            })
        return commit.file.decisions.obligations.filter { ids.contains($0.id) }
    }

    // MARK: Writing helpers

    /// The terms as stored and hashed: canonical JSON, keys sorted.
    static func termsJSON(_ draft: RulingDraft) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(draft), as: UTF8.self)
    }

    @discardableResult
    static func insertRuling(_ db: Database, _ ruling: Ruling) throws -> Int64 {
        let terms = try termsJSON(ruling.draft)
        try db.execute(
            sql: """
                INSERT INTO rulings (id, case_id, revision, mediator, terms, sha256, favours, total_fen, status,
                    review_reason, appeal_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                ruling.id == 0 ? nil : ruling.id, ruling.caseID, ruling.revision, ruling.mediator, terms,
                Hashing.sha256Hex(Data(terms.utf8)),
                ruling.favours.rawValue, ruling.draft.total.fen, ruling.status.rawValue, ruling.reviewReason,
                ruling.appealID, Timestamp.seconds(ruling.createdAt),
            ])
        return db.lastInsertedRowID
    }

    static func recordFindings(_ db: Database, _ findings: [IssueFinding]) throws {
        for finding in findings {
            try db.execute(
                sql: "UPDATE issues SET finding = ?, finding_note = ? WHERE id = ?",
                arguments: [finding.finding.rawValue, finding.note, finding.issueID])
        }
    }

    static func pack(for item: Case, _ rules: RulePackCatalog) throws -> RulePack {
        guard let pack = rules.pack(item.rulePack) else {
            throw CaseError.unknownRulePack(caseID: item.id, reference: item.rulePack)
        }
        return pack
    }
}
