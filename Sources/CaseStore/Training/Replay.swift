import CaseModel
import Foundation

/// A case as it stood just after one record of its audit trail.
public struct ReplayFrame: Sendable {
    /// The record this frame follows.
    public var entry: AuditEntry
    /// Its position in the trail (0-based).
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
}

/// A case's history: its records and what hangs off them, read once, with any step's frame
/// built on demand (so a long trail costs one copy of the case's records, not one per step).
public struct CaseHistory: Sendable {
    /// The case as it is now.
    public let current: Case
    /// Its audit trail, oldest first.
    public let trail: [AuditEntry]
    let evidence: [Evidence]
    let issues: [DisputeIssue]
    let decisions: CaseDecisions
    /// Per record: the stage, deadline, assignee and suspension it left, and whether findings existed.
    let states: [State]
    /// Per point in dispute: the record that added it (nil when the trail does not say).
    let issueAdded: [Int64: Int]

    struct State: Sendable {
        var stage: Stage
        var deadline: Date?
        var suspendedFrom: Stage?
        var assignee: String?
        var decided: Bool
    }

    /// How many steps the history has.
    public var count: Int { trail.count }

    /// Rebuilds the states of a case from its trail (pure).
    public init(
        current: Case, trail: [AuditEntry], evidence: [Evidence], issues: [DisputeIssue], decisions: CaseDecisions
    ) {
        self.current = current
        self.trail = trail
        self.evidence = evidence
        self.issues = issues
        self.decisions = decisions
        let moves = trail.map(Self.transition)
        let anyMove = moves.contains { $0 != nil }
        let anyTake = trail.contains { $0.action == "take" || $0.action == "release" }
        var state = State(
            stage: moves.compactMap { $0?.from }.first ?? current.stage,
            deadline: anyMove ? nil : current.stageDeadline, suspendedFrom: anyMove ? nil : current.suspendedFrom,
            assignee: anyTake ? nil : current.assignee, decided: false)
        var states: [State] = []
        var added: [Int64: Int] = [:]
        for (index, entry) in trail.enumerated() {
            if let move = moves[index] {
                if move.to == .suspended { state.suspendedFrom = move.from }
                if move.from == .suspended { state.suspendedFrom = nil }
                state.stage = move.to
                state.deadline = move.deadline
            }
            switch entry.action {
            case "take": state.assignee = entry.actor
            case "release": state.assignee = nil
            case "finding", "ruling": state.decided = true
            case "add_issue":
                if let id = Self.issueNumber(entry.detail) { added[id] = index }
            default: break
            }
            states.append(state)
        }
        self.states = states
        self.issueAdded = added
    }

    /// The case as it stood just after record `index`.
    public func frame(_ index: Int) -> ReplayFrame {
        let entry = trail[index]
        let state = states[index]
        var item = current
        item.stage = state.stage
        item.stageDeadline = state.deadline
        item.suspendedFrom = state.suspendedFrom
        item.assignee = state.assignee
        item.updatedAt = entry.at
        let shown = issues.filter { (issueAdded[$0.id] ?? -1) <= index }.map { issue -> DisputeIssue in
            var copy = issue
            if !state.decided {
                copy.finding = nil
                copy.findingNote = nil
            }
            return copy
        }
        return ReplayFrame(
            entry: entry, index: index, count: trail.count, item: item,
            evidence: evidence.filter { $0.submittedAt <= entry.at }, issues: shown,
            decisions: Self.asOf(decisions, entry.at))
    }

    /// "issue #12 counterfeit: …" → 12.
    static func issueNumber(_ detail: String) -> Int64? {
        guard detail.hasPrefix("issue #") else { return nil }
        return Int64(detail.dropFirst(7).prefix { $0.isNumber })
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
            } else if obligation.status == .defaulted && obligation.dueAt > moment {
                copy.status = .open
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

extension CaseDatabase {
    /// The case's history from its audit trail, to replay step by step.
    ///
    /// Reads only: it works on a read-only database, and on closed cases.
    public func replay(caseID: Int64) throws -> CaseHistory {
        guard let current = try fetchCase(id: caseID) else { throw StoreError.caseNotFound(caseID) }
        return CaseHistory(
            current: current, trail: try auditTrail(caseID: caseID), evidence: try evidence(caseID: caseID),
            issues: try issues(caseID: caseID), decisions: try decisions(caseID: caseID))
    }
}
