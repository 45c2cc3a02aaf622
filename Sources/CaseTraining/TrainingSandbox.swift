import CaseInterchange
import CaseModel
import CaseStore
import Foundation

/// A scenario played on its own database: the case as the scenario starts it, a simulated
/// clock the trainer moves forward, and the parties' events arriving when their time comes.
///
/// The sandbox never touches a production database: it is given a new, empty store of its own.
/// It reads no clock itself: simulated time stands still between advances, or runs with the
/// clock it is given (the console's wall clock).
public final class TrainingSandbox: @unchecked Sendable {
    /// The scenario being played.
    public let scenario: Scenario
    /// The sandbox's own store.
    public let database: any CaseStore
    /// The trainee, registered in the scenario's role.
    public let trainee: StaffMember
    /// The scenario's case.
    public let caseID: Int64
    /// The rule packs the case runs under.
    public let rules: RulePackCatalog
    /// Who enters the parties' events and owns the sandbox.
    static let platform = StaffMember(name: "platform", role: .admin)

    private let lock = NSLock()
    /// Simulated seconds added to the start by advancing.
    private var advanced: TimeInterval = 0
    /// How many of the scenario's events have arrived.
    private var played = 0
    /// The party events the case's state refused, in order.
    private var refused: [LocalizedText] = []
    /// The clock simulated time also runs with, and its reading when the sandbox opened.
    private let clock: (@Sendable () -> Date)?
    private let realStart: Date?

    /// Opens a sandbox for `scenario` on `store`, which must hold no case yet.
    ///
    /// - Parameter clock: the clock simulated time also runs with (the console's wall clock), or
    ///   nil for time that stands still between advances (tests, handouts, checks).
    public init(
        scenario: Scenario, trainee name: String, rules: RulePackCatalog, store: any CaseStore,
        clock: (@Sendable () -> Date)? = nil
    ) throws {
        let taken = [Self.platform.name] + scenario.staff.map(\.name)
        if taken.contains(name) {
            throw ScenarioError(
                description: "the trainee cannot be '\(name)': the scenario \(scenario.id) uses that name for "
                    + "someone else; choose another with --as")
        }
        guard try store.caseCount() == 0 else {
            throw ScenarioError(description: "\(store.path) already holds cases: a sandbox always starts empty")
        }
        self.scenario = scenario
        self.rules = rules
        self.database = store
        self.clock = clock
        self.realStart = clock?()
        let start = Scenario.start
        _ = try database.authenticate(Self.platform.name, at: start)
        trainee = StaffMember(name: name, role: scenario.role)
        for member in [trainee] + scenario.staff where member.name != Self.platform.name {
            try database.addStaff(member, by: Self.platform, at: start)
        }
        caseID = try database.file(scenario.document, now: start, actor: "platform", rules: rules)
    }

    /// The simulated time now.
    public func now() -> Date {
        lock.withLock {
            Scenario.start.addingTimeInterval(advanced + running())
        }
    }

    /// Seconds the given clock has run since the sandbox opened (0 without one).
    private func running() -> TimeInterval {
        guard let clock, let realStart else { return 0 }
        return clock().timeIntervalSince(realStart)
    }

    /// The party events that could not apply (a trainee's earlier step may rightly have made one
    /// impossible; the reference play should meet none).
    public var refusals: [LocalizedText] { lock.withLock { refused } }

    /// The party events still to come.
    public var pendingEvents: [ScenarioEvent] { lock.withLock { Array(scenario.events.dropFirst(played)) } }

    /// The next moment something happens on its own: a party's event, the stage's deadline, or an
    /// obligation falling due, whichever is first; nil when nothing is scheduled.
    public func nextMoment() throws -> (at: Date, what: LocalizedText)? {
        let now = now()
        var candidates: [(Date, LocalizedText)] = []
        if let event = pendingEvents.first {
            let verb = event.action.rawValue.replacingOccurrences(of: "_", with: " ")
            candidates.append(
                (
                    max(event.at, now),
                    LocalizedText(
                        en: "the \(event.party.rawValue) acts (\(verb))",
                        zh: "\(event.party.label.zh)行动（\(event.action.rawValue)）")
                ))
        }
        if let item = try database.fetchCase(id: caseID), let deadline = item.stageDeadline, item.stage.isOpen,
            deadline >= now
        {
            candidates.append(
                (
                    max(deadline.addingTimeInterval(1), now),
                    LocalizedText(
                        en: "the \(item.stage.rawValue) deadline passes", zh: "「\(item.stage.label.zh)」期限届满")
                ))
        }
        for obligation in try database.decisions(caseID: caseID).obligations
        where obligation.status == .open && obligation.dueAt >= now {
            candidates.append(
                (
                    max(obligation.dueAt.addingTimeInterval(1), now),
                    LocalizedText(en: "an obligation falls due", zh: "履行期限届满")
                ))
        }
        return candidates.min { $0.0 < $1.0 }
    }

    /// Moves simulated time to the next scheduled moment; returns what happened.
    @discardableResult
    public func advanceToNext() throws -> [LocalizedText] {
        guard let next = try nextMoment() else {
            return [LocalizedText(en: "nothing more is scheduled", zh: "没有待发生的事件")]
        }
        let time = ISO8601Time.string(next.at)
        let moved = LocalizedText(en: "time → \(time): \(next.what.en)", zh: "时间 → \(time)：\(next.what.zh)")
        return [moved] + (try advance(to: next.at))
    }

    /// Moves simulated time forward by `hours`.
    @discardableResult
    public func advance(hours: Double) throws -> [LocalizedText] {
        try advance(to: now().addingTimeInterval(hours * 3600))
    }

    /// Moves simulated time to `target`: each party event due by then arrives at its own time
    /// (deadlines that expired before it apply first), then the sweeper runs at `target`.
    @discardableResult
    public func advance(to target: Date) throws -> [LocalizedText] {
        var happened: [LocalizedText] = []
        while let event = pendingEvents.first, event.at <= target {
            happened += try sweep(at: max(event.at, now()))
            happened.append(apply(event))
            lock.withLock { played += 1 }
        }
        happened += try sweep(at: max(target, now()))
        lock.withLock {
            advanced =
                max(target, Scenario.start.addingTimeInterval(advanced)).timeIntervalSince(Scenario.start)
                - running()
        }
        return happened
    }

    private func sweep(at moment: Date) throws -> [LocalizedText] {
        let report = try database.sweep(now: moment, rules: rules)
        var happened = report.applied.filter { $0.caseID == caseID }.map { applied in
            LocalizedText(
                en: "deadline passed: \(applied.event.rawValue)", zh: "期限届满，按规则处理：\(applied.event.rawValue)")
        }
        if !report.defaulted.isEmpty {
            happened.append(LocalizedText(en: "an obligation is in default", zh: "有义务逾期未履行"))
        }
        return happened
    }

    /// A party's event through the same path as an imported one; a refusal is reported, not thrown,
    /// because a trainee's earlier step may rightly have made it impossible.
    private func apply(_ event: ScenarioEvent) -> LocalizedText {
        let content = event.evidence.map { Data($0.content.utf8) }
        let entry = PartyEntry(
            party: event.party, action: event.action, note: event.note, tracking: event.tracking,
            evidence: event.evidence.map {
                PartyEvidence(
                    kind: $0.kind, description: $0.description, sha256: Hashing.sha256Hex(Data($0.content.utf8)))
            })
        let what = event.action.rawValue.replacingOccurrences(of: "_", with: " ")
        do {
            try database.perform(
                .party(entry), on: caseID, by: Self.platform, at: event.at, rules: rules,
                contents: content.map { [$0] } ?? [])
            return LocalizedText(
                en: "the \(event.party.rawValue): \(what)" + (event.note.map { ": \($0)" } ?? ""),
                zh: "\(event.party.label.zh)：\(event.action.rawValue)" + (event.note.map { "：\($0)" } ?? ""))
        } catch {
            let reason = (error as? any ExplainedError)?.message ?? LocalizedText(en: "\(error)", zh: "\(error)")
            let refusal = LocalizedText(
                en: "the \(event.party.rawValue)'s '\(what)' could not apply: \(reason.en)",
                zh: "\(event.party.label.zh)的「\(event.action.rawValue)」未能生效：\(reason.zh)")
            lock.withLock { refused.append(refusal) }
            return refusal
        }
    }
}
