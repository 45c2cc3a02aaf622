import CaseModel
import Foundation

/// A case as it stood just after one record of its audit trail.
public struct ReplayFrame: Sendable {
    /// The record this frame follows.
    public var entry: AuditEntry
    /// Its position in the trail (0-based) and the trail's length.
    public var index: Int
    /// How many records the trail has.
    public var count: Int
    /// The case then: stage, deadline and assignee as the trail had left them.
    public var item: Case
    /// The evidence submitted by then.
    public var evidence: [Evidence]
    /// The points in dispute recorded by then (findings only once a finding or ruling was recorded).
    public var issues: [DisputeIssue]
    /// What had been decided by then.
    public var decisions: CaseDecisions
    /// The trail up to and including this record.
    public var timeline: [AuditEntry]
}

extension CaseDatabase {
    /// The case's history, one frame per audit record, each showing the case as it stood then.
    ///
    /// Reads only: it works on a read-only database, and on closed cases.
    public func replay(caseID: Int64) throws -> [ReplayFrame] {
        guard let current = try fetchCase(id: caseID) else { throw StoreError.caseNotFound(caseID) }
        let trail = try auditTrail(caseID: caseID)
        let evidence = try self.evidence(caseID: caseID)
        let issues = try self.issues(caseID: caseID)
        let decisions = try self.decisions(caseID: caseID)
        return CaseReplay.frames(
            current: current, trail: trail, evidence: evidence, issues: issues, decisions: decisions)
    }
}

/// Rebuilds past states of a case from its audit trail and the dated records beside it (pure).
public enum CaseReplay {
    /// One frame per audit record.
    public static func frames(
        current: Case, trail: [AuditEntry], evidence: [Evidence], issues: [DisputeIssue], decisions: CaseDecisions
    ) -> [ReplayFrame] {
        let moves = trail.map(transition)
        let firstStage = moves.compactMap { $0?.from }.first ?? current.stage
        let firstTake = trail.firstIndex { $0.action == "take" || $0.action == "release" }
        var item = current
        item.stage = firstStage
        item.stageDeadline = firstTake == nil && moves.allSatisfy({ $0 == nil }) ? current.stageDeadline : nil
        item.assignee = firstTake == nil ? current.assignee : nil
        item.suspendedFrom = nil
        var frames: [ReplayFrame] = []
        var decided = false
        for (index, entry) in trail.enumerated() {
            if let move = moves[index] {
                if move.to == .suspended { item.suspendedFrom = item.stage }
                if move.from == .suspended { item.suspendedFrom = nil }
                item.stage = move.to
                item.stageDeadline = move.deadline
            }
            if entry.action == "take" { item.assignee = entry.actor }
            if entry.action == "release" { item.assignee = nil }
            if ["finding", "ruling"].contains(entry.action) { decided = true }
            item.updatedAt = entry.at
            let shown = issues.filter { issue in
                trail.prefix(index + 1).contains {
                    $0.action == "add_issue" && $0.detail.hasPrefix("issue #\(issue.id) ")
                }
                    || !trail.contains { $0.action == "add_issue" && $0.detail.hasPrefix("issue #\(issue.id) ") }
            }.map { issue -> DisputeIssue in
                var copy = issue
                if !decided {
                    copy.finding = nil
                    copy.findingNote = nil
                }
                return copy
            }
            frames.append(
                ReplayFrame(
                    entry: entry, index: index, count: trail.count, item: item,
                    evidence: evidence.filter { $0.submittedAt <= entry.at }, issues: shown,
                    decisions: asOf(decisions, entry.at), timeline: Array(trail.prefix(index + 1))))
        }
        return frames
    }

    /// "stage a → b, deadline T": the stages and deadline a record moved the case between.
    static func transition(_ entry: AuditEntry) -> (from: Stage, to: Stage, deadline: Date?)? {
        guard let range = entry.detail.range(of: "stage ") else { return nil }
        let rest = entry.detail[range.upperBound...]
        let parts = rest.split(separator: " ", maxSplits: 3)
        guard parts.count >= 3, parts[1] == "→",
            let from = Stage(rawValue: String(parts[0])),
            let to = Stage(rawValue: String(parts[2].prefix { $0 != "," && $0 != ";" }))
        else { return nil }
        var deadline: Date?
        if let mark = rest.range(of: ", deadline ") {
            deadline = ISO8601Time.date(String(rest[mark.upperBound...].prefix(20)))
        }
        return (from, to, deadline)
    }

    /// The decisions as they stood at `moment`: later records dropped, later reviews and settlements undone.
    static func asOf(_ decisions: CaseDecisions, _ moment: Date) -> CaseDecisions {
        var result = CaseDecisions()
        result.rulings = decisions.rulings.filter { $0.createdAt <= moment }.map { ruling in
            var copy = ruling
            if let reviewed = ruling.reviewedAt, reviewed > moment {
                copy.status = .pendingReview
                copy.reviewer = nil
                copy.reviewComment = nil
                copy.reviewedAt = nil
            }
            return copy
        }
        let rulingIDs = Set(result.rulings.map(\.id))
        result.obligations = decisions.obligations.filter { rulingIDs.contains($0.rulingID) }.map { obligation in
            var copy = obligation
            if let settled = obligation.settledAt, settled > moment {
                copy.status = .open
                copy.settledAt = nil
                copy.note = nil
            }
            return copy
        }
        result.signoffs = decisions.signoffs.filter { $0.at <= moment }
        result.appeals = decisions.appeals.filter { $0.filedAt <= moment }.map { appeal in
            var copy = appeal
            if let decided = appeal.decidedAt, decided > moment {
                copy.outcome = nil
                copy.decidedBy = nil
                copy.reasons = nil
                copy.decidedAt = nil
                copy.newRulingID = nil
            }
            return copy
        }
        return result
    }
}
