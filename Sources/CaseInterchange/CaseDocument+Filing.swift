import CaseModel
import Foundation

extension CaseDocument {
    /// A document made whole: the case as it stands when read at `now`, its evidence's bytes
    /// and times, and the history to file.
    package struct Filing {
        package struct Item {
            package var kind: EvidenceKind
            package var source: EvidenceSource
            package var description: String
            package var content: Data
            package var at: Date
        }

        /// The case (number 0 when the document gives none: the store numbers it).
        package var item: Case
        /// Whether the document named a rule pack (otherwise the store's current one applies).
        package var namesRulePack: Bool
        package var evidence: [Item]
        package var document: CaseDocument
        package var now: Date
    }

    /// The most a case's version may be on import (each change adds one).
    package static let maximumVersion = 1_000_000_000
    /// The most time a suspended case's clock may hold: ten years.
    package static let maximumPausedSeconds: Int64 = 10 * 366 * 86_400

    /// The case and its evidence as they stand at `now`, or the first thing wrong with the document.
    ///
    /// Every number and time from outside is range-checked here, so nothing later can overflow on it.
    package func validated(now: Date) throws(ImportError.Reason) -> Filing {
        func time(_ written: FileTime, _ key: String) throws(ImportError.Reason) -> Date {
            let date = written.resolved(now: now)
            guard FileTime.range.contains(date) else { throw .init("'\(key)' must fall in the years 2000 to 2100") }
            return date
        }
        func amount(_ fen: Int64, _ key: String) throws(ImportError.Reason) {
            guard fen >= 0 else { throw .init("'\(key)' must not be negative") }
            guard fen <= Money.maximum.fen else { throw .init("'\(key)' must be at most \(Money.maximum.fen) fen") }
        }
        // SQLite would keep text only up to a NUL: refuse it rather than lose the rest.
        let texts: [(String, String?)] =
            [
                ("title", title), ("narrative", narrative), ("buyer.account", buyer.account),
                ("buyer.name", buyer.name),
                ("merchant.account", merchant.account), ("merchant.name", merchant.name), ("order_id", orderID),
                ("assignee", assignee), ("rule_pack", rulePack),
            ] + evidence.map { ("evidence.description", $0.description) }
            + (issues ?? []).flatMap {
                [("issues.description", $0.description), ("issues.finding_note", $0.findingNote)]
            }
            + [
                ("signoff.observer", signoff?.observer), ("signoff.statement", signoff?.statement),
                ("ruling.mediator", ruling?.mediator), ("ruling.reasons", ruling?.reasons),
                ("ruling.reviewer", ruling?.reviewer), ("ruling.review_reason", ruling?.reviewReason),
                ("appeal.grounds", appeal?.grounds),
            ] + (ruling?.citations ?? []).map { ("ruling.citations", $0) }
            + (ruling?.obligations ?? []).flatMap {
                [("ruling.obligations.task", $0.task), ("ruling.obligations.note", $0.note)]
            }
        if let (key, _) = texts.first(where: { $0.1?.unicodeScalars.contains("\u{0}") == true }) {
            throw .init("'\(key)' contains a NUL character")
        }
        if let type, type != "case" { throw .init("'type' must be \"case\"") }
        if let id, id <= 0 || id > Int64(Int32.max) { throw .init("'id' must be a case number from 1 to \(Int32.max)") }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw .init("'title' must not be empty") }
        try amount(orderFen, "order_fen")
        try amount(claimFen, "claim_fen")
        if let version, !(1...Self.maximumVersion).contains(version) {
            throw .init("'version' must be from 1 to \(Self.maximumVersion)")
        }
        if let paused = pausedRemainingSeconds, !(0...Self.maximumPausedSeconds).contains(paused) {
            throw .init("'paused_remaining_seconds' must be from 0 to \(Self.maximumPausedSeconds) (ten years)")
        }
        for remedy in ruling?.remedies ?? [] { try amount(remedy.amountFen ?? 0, "ruling.remedies.amount_fen") }
        for obligation in ruling?.obligations ?? [] {
            try amount(obligation.amountFen ?? 0, "ruling.obligations.amount_fen")
            _ = try time(obligation.dueAt, "ruling.obligations.due_at")
        }
        for issue in issues ?? [] { _ = try time(issue.at, "issues.at") }
        if let ruling {
            _ = try time(ruling.at, "ruling.at")
            if let reviewed = ruling.reviewedAt { _ = try time(reviewed, "ruling.reviewed_at") }
        }
        if let signoff { _ = try time(signoff.at, "signoff.at") }
        if let appeal { _ = try time(appeal.at, "appeal.at") }
        // A history is filed as the events that made it: only one those events can make is accepted.
        if let ruling {
            guard ruling.status == .final || ruling.status == .pendingReview else {
                throw .init("'ruling.status' must be final or pending_review (a history is filed as it stands)")
            }
            if ruling.status == .pendingReview && (ruling.reviewer != nil || ruling.reviewedAt != nil) {
                throw .init("a ruling pending review has no 'reviewer' yet")
            }
            if (ruling.reviewer == nil) != (ruling.reviewedAt == nil) {
                throw .init("'ruling.reviewer' and 'ruling.reviewed_at' go together")
            }
            if let bad = ruling.obligations.first(where: { $0.status != .open && $0.status != .fulfilled }) {
                throw .init("'ruling.obligations.status' must be open or fulfilled, not \(bad.status.rawValue)")
            }
        }
        if appeal != nil {
            guard ruling?.status == .final else { throw .init("an 'appeal' needs a final 'ruling' to appeal against") }
            guard stage == .appealReview else { throw .init("a case with an open 'appeal' is in stage appeal_review") }
        }
        if let priority, !Priority.levels.contains(priority) { throw .init("'priority' must be from 1 to 4") }
        guard (stage == .suspended) == (suspendedFrom != nil) else {
            throw .init("'suspended_from' is required for a suspended case and only for one")
        }
        let created = try time(createdAt, "created_at")
        let deadlineAt = try deadline.map { written throws(ImportError.Reason) in try time(written, "deadline") }
        let updated = try updatedAt.map { written throws(ImportError.Reason) in try time(written, "updated_at") }
        var flagSet = Set(flags ?? [])
        if ruling?.status == .pendingReview { flagSet.insert(.reviewPending) }
        let item = Case(
            id: id ?? 0, title: title, narrative: narrative, category: category, requestType: requestType,
            buyer: buyer, merchant: merchant, orderID: orderID, orderAmount: Money(fen: orderFen),
            claimAmount: Money(fen: claimFen), stage: stage, stageDeadline: deadlineAt,
            suspendedFrom: suspendedFrom, pausedRemaining: pausedRemainingSeconds, rulePack: rulePack ?? "",
            assignee: assignee, createdAt: created, updatedAt: updated ?? created,
            version: version ?? 1, priority: priority, flags: flagSet)
        var items: [Filing.Item] = []
        for (index, e) in evidence.enumerated() {
            let content: Data
            switch (e.content, e.contentBase64) {
            case (let text?, nil): content = Data(text.utf8)
            case (nil, let encoded?):
                guard let bytes = Data(base64Encoded: encoded) else {
                    throw .init("evidence \(index + 1): 'content_base64' is not base64")
                }
                content = bytes
            default: throw .init("evidence \(index + 1): give exactly one of 'content' and 'content_base64'")
            }
            if let sha256 = e.sha256, Hashing.sha256Hex(content) != sha256 {
                throw .init("evidence \(index + 1): its content does not match its sha256")
            }
            items.append(
                Filing.Item(
                    kind: e.kind, source: e.source, description: e.description, content: content,
                    at: try time(e.submittedAt, "evidence.submitted_at")))
        }
        return Filing(item: item, namesRulePack: rulePack != nil, evidence: items, document: self, now: now)
    }
}
