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
        try writer.write { db in
            let member = try Self.require(db, staff, .rule)
            let current = try Self.current(db, caseID, expectedVersion)
            guard current.stage == .decision else {
                throw CaseError.wrongStage(caseID: caseID, stage: current.stage, needed: .decision, doing: "a ruling")
            }
            guard current.assignee == member.name || member.role == .supervisor || member.role == .admin else {
                throw CaseError.notYourCase(caseID: caseID, assignee: current.assignee)
            }
            let pack = try Self.pack(for: current, rules)
            let previous = try Self.rulings(db, caseID: caseID)
            if previous.last?.status == .pendingReview { throw CaseError.rulingPending(caseID: caseID) }
            let catalogue = rules.catalogue
            let filled = RulingRules.withStatutoryAmounts(
                draft, orderAmount: current.orderAmount, catalogue: catalogue)
            let issueIDs = try Int64.fetchAll(
                db, sql: "SELECT id FROM issues WHERE case_id = ? ORDER BY id", arguments: [caseID])
            let problems = RulingRules.problems(
                filled, orderAmount: current.orderAmount, issueIDs: issueIDs, catalogue: catalogue, pack: pack)
            guard problems.isEmpty else { throw CaseError.ruling(problems) }
            let revision = (previous.last?.revision ?? 0) + 1
            let reason = pack.review.reason(
                total: filled.total, flags: current.flags, caseID: caseID, revision: revision,
                afterReturn: previous.last?.status == .returned)
            if previous.last?.status == .returned {
                try db.execute(
                    sql: "UPDATE rulings SET status = 'superseded' WHERE case_id = ? AND status = 'returned'",
                    arguments: [caseID])
            }
            var ruling = Ruling(
                id: 0, caseID: caseID, revision: revision, mediator: member.name, draft: filled,
                favours: filled.favours(claim: current.claimAmount, catalogue: catalogue),
                status: reason == nil ? .final : .pendingReview, reviewReason: reason?.text.en, createdAt: now)
            ruling.id = try Self.insertRuling(db, ruling)
            try Self.recordFindings(db, filled.findings)
            try Self.appendEvent(db, .ruled(try Self.entry(ruling)), at: now, actor: member.name, caseID: caseID)
            guard reason == nil else {
                try Self.changeFlags(db, caseID: caseID, add: [.reviewPending], at: now)
                return RulingSubmission(ruling: ruling, reviewReason: reason, obligations: [])
            }
            let obligations = try Self.putInForce(db, ruling, by: member, at: now, rules: rules)
            return RulingSubmission(ruling: ruling, reviewReason: nil, obligations: obligations)
        }
    }

    /// A supervisor approves the ruling waiting for review (it takes effect) or returns it with comments.
    @discardableResult
    public func reviewRuling(
        caseID: Int64, approve: Bool, comment: String, by staff: StaffMember, at now: Date, rules: RulePackCatalog
    ) throws -> (ruling: Ruling, obligations: [Obligation]) {
        let text = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        return try writer.write { db in
            let member = try Self.require(db, staff, .reviewRuling)
            guard var ruling = try Self.rulings(db, caseID: caseID).last, ruling.status == .pendingReview else {
                throw CaseError.noRuling(
                    caseID: caseID, what: LocalizedText(en: "ruling awaiting review", zh: "待审核的裁决"))
            }
            if case .failure(let error) = RulingRules.checkReview(of: ruling, by: member.name) {
                throw CaseError.ruling([error])
            }
            if !approve && text.isEmpty { throw CaseError.ruling([.commentRequired]) }
            ruling.reviewer = member.name
            ruling.reviewComment = text.isEmpty ? nil : text
            ruling.reviewedAt = now
            ruling.status = approve ? .final : .returned
            try db.execute(
                sql: "UPDATE rulings SET status = ?, reviewer = ?, review_comment = ?, reviewed_at = ? WHERE id = ?",
                arguments: [
                    ruling.status.rawValue, member.name, ruling.reviewComment, Timestamp.seconds(now), ruling.id,
                ])
            try Self.appendEvent(
                db,
                .rulingReviewed(
                    rulingID: ruling.id, revision: ruling.revision, mediator: ruling.mediator, approved: approve,
                    comment: ruling.reviewComment),
                at: now, actor: member.name, caseID: caseID)
            try Self.changeFlags(db, caseID: caseID, remove: [.reviewPending], at: now)
            guard approve else { return (ruling, []) }
            return (ruling, try Self.putInForce(db, ruling, by: member, at: now, rules: rules))
        }
    }

    /// Records an independent observer's sign-off on a platform-interest case.
    public func recordObserverSignoff(
        caseID: Int64, observer: String, statement: String, by staff: StaffMember, at now: Date
    ) throws {
        let name = observer.trimmingCharacters(in: .whitespacesAndNewlines)
        let said = statement.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw CaseError.emptyText(field: "the observer's name") }
        guard !said.isEmpty else { throw CaseError.emptyText(field: "the observer's statement") }
        try writer.write { db in
            let member = try Self.require(db, staff, .rule)
            let current = try Self.current(db, caseID, nil)
            guard current.flags.contains(.platformInterest) else {
                throw CaseError.notPlatformInterest(caseID: caseID)
            }
            guard current.stage.isOpen else { throw CaseError.finalStage(caseID: caseID, stage: current.stage) }
            try db.execute(
                sql:
                    "INSERT INTO observer_signoffs (case_id, observer, statement, recorded_by, at) VALUES (?, ?, ?, ?, ?)",
                arguments: [caseID, name, said, member.name, Timestamp.seconds(now)])
            try Self.appendEvent(
                db, .observerSignedOff(observer: name, statement: said), at: now, actor: member.name, caseID: caseID)
        }
    }

    /// Records an obligation as carried out (by the party, or enforced by the platform).
    public func fulfil(obligationID: Int64, caseID: Int64, note: String, by staff: StaffMember, at now: Date) throws {
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        try writer.write { db in
            let member = try Self.require(db, staff, .step)
            guard
                let obligation = try Self.obligations(db, caseID: caseID).first(where: { $0.id == obligationID }),
                obligation.isOutstanding
            else { throw CaseError.obligationNotOpen(caseID: caseID, obligationID: obligationID) }
            try db.execute(
                sql: "UPDATE obligations SET status = 'fulfilled', settled_at = ?, note = ? WHERE id = ?",
                arguments: [Timestamp.seconds(now), text.isEmpty ? nil : text, obligationID])
            let stillDefaulted =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM obligations WHERE case_id = ? AND status = 'defaulted'",
                    arguments: [caseID]) ?? 0
            if stillDefaulted == 0 { try Self.changeFlags(db, caseID: caseID, remove: [.obligationOverdue], at: now) }
            try Self.appendEvent(
                db,
                .obligationFulfilled(
                    obligationID: obligationID, label: obligation.label(.empty), late: obligation.status == .defaulted,
                    note: text.isEmpty ? nil : text),
                at: now, actor: member.name, caseID: caseID)
        }
    }

    // MARK: Writing helpers

    /// The terms as stored and hashed: canonical JSON, keys sorted.
    static func termsJSON(_ draft: RulingDraft) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(draft), as: UTF8.self)
    }

    static func insertRuling(_ db: Database, _ ruling: Ruling) throws -> Int64 {
        let terms = try termsJSON(ruling.draft)
        try db.execute(
            sql: """
                INSERT INTO rulings (case_id, revision, mediator, terms, sha256, favours, total_fen, status,
                    review_reason, appeal_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                ruling.caseID, ruling.revision, ruling.mediator, terms, Hashing.sha256Hex(Data(terms.utf8)),
                ruling.favours.rawValue, ruling.draft.total.fen, ruling.status.rawValue, ruling.reviewReason,
                ruling.appealID, Timestamp.seconds(ruling.createdAt),
            ])
        return db.lastInsertedRowID
    }

    /// The audit entry of a stored ruling: its terms and their SHA-256.
    static func entry(_ ruling: Ruling) throws -> RulingEntry {
        RulingEntry(
            rulingID: ruling.id, revision: ruling.revision, mediator: ruling.mediator, terms: ruling.draft,
            favours: ruling.favours, sha256: Hashing.sha256Hex(Data(try termsJSON(ruling.draft).utf8)),
            reviewReason: ruling.reviewReason, appealID: ruling.appealID)
    }

    static func recordFindings(_ db: Database, _ findings: [IssueFinding]) throws {
        for finding in findings {
            try db.execute(
                sql: "UPDATE issues SET finding = ?, finding_note = ? WHERE id = ?",
                arguments: [finding.finding.rawValue, finding.note, finding.issueID])
        }
    }

    /// Puts a ruling in force: the observer check, the `rule` step, and its obligations.
    static func putInForce(
        _ db: Database, _ ruling: Ruling, by member: StaffMember, at now: Date, rules: RulePackCatalog
    ) throws -> [Obligation] {
        let current = try Self.current(db, ruling.caseID, nil)
        if current.flags.contains(.platformInterest) {
            let signed =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM observer_signoffs WHERE case_id = ?", arguments: [ruling.caseID])
                ?? 0
            guard signed > 0 else { throw CaseError.ruling([.observerSignoffMissing(caseID: ruling.caseID)]) }
        }
        try db.execute(sql: "UPDATE rulings SET status = 'final' WHERE id = ?", arguments: [ruling.id])
        try apply(
            db, .rule, toCase: ruling.caseID, by: member, onBehalfOf: nil, expectedVersion: nil, at: now,
            rules: rules, note: .rulingInForce(rulingID: ruling.id), dedicated: true)
        let pack = try Self.pack(for: current, rules)
        let obligations = ObligationPlan.obligations(
            for: ruling.draft, caseID: ruling.caseID, rulingID: ruling.id, catalogue: rules.catalogue, pack: pack,
            at: now)
        return try insertObligations(db, obligations, caseID: ruling.caseID, by: member, at: now)
    }

    /// Stores obligations and stretches the execution clock to the last of their deadlines.
    @discardableResult
    static func insertObligations(
        _ db: Database, _ obligations: [Obligation], caseID: Int64, by member: StaffMember, at now: Date,
        stretchClock: Bool = true
    ) throws -> [Obligation] {
        var stored: [Obligation] = []
        for var obligation in obligations {
            try db.execute(
                sql: """
                    INSERT INTO obligations (case_id, ruling_id, obligor, task, amount_fen, due_at, status)
                    VALUES (?, ?, ?, ?, ?, ?, 'open')
                    """,
                arguments: [
                    caseID, obligation.rulingID, obligation.obligor.rawValue, obligation.task,
                    obligation.amount?.fen, Timestamp.seconds(obligation.dueAt),
                ])
            obligation.id = db.lastInsertedRowID
            stored.append(obligation)
            try appendEvent(
                db, .obligationCreated(ObligationEntry(obligation)), at: now, actor: member.name, caseID: caseID)
        }
        if stretchClock, let last = stored.map(\.dueAt).max() {
            try db.execute(
                sql: "UPDATE cases SET stage_deadline = max(ifnull(stage_deadline, 0), ?) WHERE id = ?",
                arguments: [Timestamp.seconds(last), caseID])
        }
        return stored
    }

    /// Adds and removes state flags with a version bump; the calling operation writes the audit record.
    static func changeFlags(
        _ db: Database, caseID: Int64, add: Set<CaseFlag> = [], remove: Set<CaseFlag> = [], at now: Date
    ) throws {
        var item = try current(db, caseID, nil)
        let before = item.flags
        item.flags.formUnion(add)
        item.flags.subtract(remove)
        guard item.flags != before else { return }
        try db.execute(
            sql: "UPDATE cases SET flags = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
            arguments: [flagsText(item.flags), Timestamp.seconds(now), caseID, item.version])
    }

    static func pack(for item: Case, _ rules: RulePackCatalog) throws -> RulePack {
        guard let pack = rules.pack(item.rulePack) else {
            throw CaseError.unknownRulePack(caseID: item.id, reference: item.rulePack)
        }
        return pack
    }
}

extension Catalogue {
    /// A catalogue with nothing in it, for labels that fall back to ids.
    static let empty = Catalogue(statutes: [], remedies: [])
}
