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

/// A case's history: its records, read once, with any step's frame built on demand.
///
/// A trail of typed events replays as a fold: each event applied to the case file as the one
/// before left it (`CaseFile.apply`, the same fold the store commits with), from checkpoints kept
/// every `checkpointEvery` steps, so a long trail costs a few copies of the file, not one per step.
/// A trail with records written before events were typed is read by the legacy reader instead.
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
    /// The trail's events, when every record carries one.
    let events: [CaseEvent]?
    /// The file before the first event, and after every `checkpointEvery`-th.
    let checkpoints: [CaseFile]

    /// How many steps lie between two kept files.
    static let checkpointEvery = 128

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
        let typed = trail.compactMap(\.event)
        if typed.count == trail.count {
            events = typed
            // Evidence no event of the trail adds (a case seeded in bulk) was there from the start.
            let added = Set(
                typed.compactMap { event -> Int64? in
                    if case .evidenceAdded(let id, _, _, _, _) = event { return id }
                    return nil
                })
            var file = CaseFile(
                item: Self.initial(current, typed), evidence: evidence.filter { !added.contains($0.id) })
            var kept = [file]
            for (index, event) in typed.enumerated() {
                file.apply(event, at: trail[index].at, by: trail[index].actor)
                if (index + 1) % Self.checkpointEvery == 0 { kept.append(file) }
            }
            checkpoints = kept
            states = []
            issueAdded = [:]
            return
        }
        events = nil
        checkpoints = []
        let facts = trail.map { Fact($0) }
        let anyMove = facts.contains { $0.move != nil }
        let anyTake = facts.contains { $0.assignee != nil }
        var state = State(
            stage: facts.compactMap { $0.move?.from }.first ?? current.stage,
            deadline: anyMove ? nil : current.stageDeadline, suspendedFrom: anyMove ? nil : current.suspendedFrom,
            assignee: anyTake ? nil : current.assignee, decided: false)
        var states: [State] = []
        var added: [Int64: Int] = [:]
        for (index, fact) in facts.enumerated() {
            if let move = fact.move {
                if move.to == .suspended { state.suspendedFrom = move.from }
                if move.from == .suspended { state.suspendedFrom = nil }
                state.stage = move.to
                state.deadline = move.deadline
            }
            if let assignee = fact.assignee { state.assignee = assignee }
            if fact.decides { state.decided = true }
            if let issue = fact.issueAdded { added[issue] = index }
            states.append(state)
        }
        self.states = states
        self.issueAdded = added
    }

    /// What one record changes in a replayed case: read from its event, or, for a record written
    /// before events were typed, from its prose (the only place prose is read).
    struct Fact {
        var move: StageMove?
        /// The assignee it leaves: .some(nil) on a release.
        var assignee: String??
        var decides = false
        var issueAdded: Int64?

        init(_ entry: AuditEntry) {
            guard entry.payload != nil else {
                self = Self.legacy(entry)
                return
            }
            guard let event = entry.event else { return }
            move = event.move
            switch event {
            case .taken(_, let to): assignee = .some(to)
            case .released: assignee = .some(nil)
            case .findingRecorded, .ruled: decides = true
            case .issueAdded(let id, _, _, _, _, _, _): issueAdded = id
            default: break
            }
        }

        init() {}

        static func legacy(_ entry: AuditEntry) -> Fact {
            var fact = Fact()
            fact.move = LegacyAudit.move(entry.detail)
            switch entry.action {
            case "take": fact.assignee = .some(entry.actor)
            case "release": fact.assignee = .some(nil)
            case "finding", "ruling": fact.decides = true
            case "add_issue": fact.issueAdded = LegacyAudit.issueNumber(entry.detail)
            default: break
            }
            return fact
        }
    }

    /// The case as its first event found it: as filed, or (for a case seeded in bulk, whose
    /// trail starts later) at the first move's starting stage with no clock yet.
    static func initial(_ current: Case, _ events: [CaseEvent]) -> Case {
        var item = current
        item.suspendedFrom = nil
        item.pausedRemaining = nil
        if case .filed(let stage, _, _, let deadline, let assignee, let priority, let flags, let from, let paused)? =
            events.first
        {
            item.stage = stage
            item.stageDeadline = deadline?.wholeSeconds
            item.assignee = assignee
            item.priority = priority
            item.flags = Set(flags)
            item.suspendedFrom = from
            item.pausedRemaining = paused
            return item
        }
        if let move = events.lazy.compactMap(\.move).first {
            item.stage = move.from
            item.stageDeadline = nil
        }
        if events.contains(where: { if case .taken = $0 { true } else if case .released = $0 { true } else { false } })
        {
            item.assignee = nil
        }
        return item
    }

    /// The case as it stood just after record `index`.
    public func frame(_ index: Int) -> ReplayFrame {
        let entry = trail[index]
        if let events {
            // checkpoints[c] is the file before event c × checkpointEvery.
            var file = checkpoints[index / Self.checkpointEvery]
            let start = index / Self.checkpointEvery * Self.checkpointEvery
            for step in start...index { file.apply(events[step], at: trail[step].at, by: trail[step].actor) }
            var item = file.item
            item.updatedAt = entry.at
            return ReplayFrame(
                entry: entry, index: index, count: trail.count, item: item, evidence: file.evidence,
                issues: file.issues, decisions: file.decisions)
        }
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

extension CaseStore {
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
