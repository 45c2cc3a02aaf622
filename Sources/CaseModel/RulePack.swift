import Foundation

/// What a rule pack says about one stage: how long its clock runs and what happens when it runs out.
public struct StageRule: Hashable, Sendable {
    /// The stage.
    public var stage: Stage
    /// How long the stage's clock runs; nil when no clock runs.
    public var deadline: DeadlineSpec?
    /// The step the sweeper takes when the clock runs out; nil when expiry only flags the case overdue.
    public var onExpiry: LifecycleEvent?
    /// What expiry means, as the console shows it ("refund granted").
    public var outcome: LocalizedText?

    /// Creates a stage rule.
    public init(stage: Stage, deadline: DeadlineSpec?, onExpiry: LifecycleEvent?, outcome: LocalizedText?) {
        self.stage = stage
        self.deadline = deadline
        self.onExpiry = onExpiry
        self.outcome = outcome
    }
}

/// A platform's published rules as data: deadlines and default outcomes per stage (DOMAIN.md §4).
public struct RulePack: Hashable, Sendable {
    /// A short identifier: "marketplace".
    public var id: String
    /// Bumped whenever the rules change; cases keep the version they started under.
    public var version: Int
    /// A human name in both languages.
    public var name: LocalizedText
    /// The calendar that working-time clocks run on.
    public var calendar: WorkingCalendar
    /// The rules per stage.
    public var stages: [Stage: StageRule]
    /// How many appeals one case may have.
    public var maxAppeals: Int

    /// Creates a rule pack.
    public init(
        id: String, version: Int, name: LocalizedText, calendar: WorkingCalendar, stages: [Stage: StageRule],
        maxAppeals: Int = 1
    ) {
        self.id = id
        self.version = version
        self.name = name
        self.calendar = calendar
        self.stages = stages
        self.maxAppeals = maxAppeals
    }

    /// "marketplace@1": how cases and audit records name the pack.
    public var reference: String { "\(id)@\(version)" }

    /// The rule for a stage, if the pack has one.
    public func rule(for stage: Stage) -> StageRule? { stages[stage] }

    /// The deadline of a stage entered at `start`, or nil when the stage runs no clock.
    public func deadline(entering stage: Stage, at start: Date) -> Date? {
        rule(for: stage)?.deadline?.deadline(from: start, calendar: calendar)
    }

    /// The clock time left from `now` to `deadline`, in the stage's own kind of time (seconds).
    public func remaining(in stage: Stage, from now: Date, to deadline: Date) -> Int64 {
        if rule(for: stage)?.deadline?.isWorkingTime == true {
            return calendar.workingSeconds(from: now, to: deadline)
        }
        return max(0, Int64(deadline.timeIntervalSince(now).rounded(.down)))
    }

    /// The deadline that gives back `remaining` seconds of the stage's kind of time from `now`.
    public func deadline(resuming stage: Stage, at now: Date, remaining: Int64) -> Date {
        if rule(for: stage)?.deadline?.isWorkingTime == true {
            return calendar.adding(workingSeconds: remaining, to: now)
        }
        return now.addingTimeInterval(TimeInterval(remaining))
    }
}
