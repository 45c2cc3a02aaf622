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

/// A platform's published rules as data: deadlines and default outcomes per stage (docs/domain.md §4).
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
    /// Which rulings a supervisor reviews before they take effect.
    public var review: ReviewPolicy
    /// How long each side has to carry out a ruling, and what follows a default.
    public var obligations: ObligationTerms
    /// Which cases the platform has an interest in from the moment they are filed.
    public var platformInterest: PlatformInterestRules

    /// Creates a rule pack.
    public init(
        id: String, version: Int, name: LocalizedText, calendar: WorkingCalendar, stages: [Stage: StageRule],
        maxAppeals: Int = 1, review: ReviewPolicy = ReviewPolicy(), obligations: ObligationTerms = ObligationTerms(),
        platformInterest: PlatformInterestRules = PlatformInterestRules()
    ) {
        self.id = id
        self.version = version
        self.name = name
        self.calendar = calendar
        self.stages = stages
        self.maxAppeals = maxAppeals
        self.review = review
        self.obligations = obligations
        self.platformInterest = platformInterest
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

/// The pack's rules that make a case one of platform interest when it is filed (E-commerce Law
/// art. 38): the platform judging a dispute with its own store. (A ruling citing ECL-38 raises the
/// flag too, whatever the pack says.)
public struct PlatformInterestRules: Hashable, Sendable {
    /// The merchant accounts that are the platform's own stores; an entry ending in `*` is a prefix.
    public var selfOperated: [String]

    /// Creates the rules.
    public init(selfOperated: [String] = []) {
        self.selfOperated = selfOperated
    }

    /// The pack entry that makes `merchant` a self-operated store, or nil.
    public func selfOperatedEntry(for merchant: String) -> String? {
        selfOperated.first { entry in
            entry.hasSuffix("*") ? merchant.hasPrefix(entry.dropLast()) : merchant == entry
        }
    }

    /// Why a case against `merchant` is one of platform interest under pack `reference`, or nil.
    public func reason(merchant: String, pack reference: String) -> LocalizedText? {
        guard let entry = selfOperatedEntry(for: merchant) else { return nil }
        return LocalizedText(
            en: "platform interest raised by rule pack \(reference): \(merchant) is a self-operated store "
                + "(platform_interest.self_operated: \(entry))",
            zh: "依规则包 \(reference) 标记平台利益相关：\(merchant) 为平台自营店铺（platform_interest.self_operated：\(entry)）")
    }
}

/// Which rulings go to a supervisor before they take effect (issue 6: every ruling above an
/// amount, every platform-interest case, and a random sample of the rest).
public struct ReviewPolicy: Hashable, Sendable {
    /// Rulings ordering more than this are reviewed.
    public var amountOver: Money
    /// Platform-interest cases are always reviewed.
    public var platformInterest: Bool
    /// The share of the remaining rulings drawn for review, 0–100.
    public var samplePercent: Int

    /// Creates a policy.
    public init(amountOver: Money = .yuan(2000), platformInterest: Bool = true, samplePercent: Int = 10) {
        self.amountOver = amountOver
        self.platformInterest = platformInterest
        self.samplePercent = samplePercent
    }

    /// Why a ruling needs review, or nil when it takes effect at once.
    ///
    /// The sample is drawn by a hash of the case number and revision, so it is the same on
    /// every machine and cannot be re-rolled by resubmitting.
    public func reason(total: Money, flags: Set<CaseFlag>, caseID: Int64, revision: Int, afterReturn: Bool)
        -> ReviewReason?
    {
        if afterReturn { return .revision }
        if platformInterest && flags.contains(.platformInterest) { return .platformInterest }
        if total > amountOver { return .amount(total: total, threshold: amountOver) }
        if samplePercent > 0 && Self.draw(caseID: caseID, revision: revision) < samplePercent {
            return .sample(percent: samplePercent)
        }
        return nil
    }

    /// A number in 0..<100, fixed for a case and revision (splitmix64).
    public static func draw(caseID: Int64, revision: Int) -> Int {
        var generator = SplitMix64(seed: UInt64(bitPattern: caseID) &* 31 &+ UInt64(revision))
        return Int(generator.next() % 100)
    }
}

/// How long each side has to carry out what a ruling orders, and what a default brings (docs/domain.md §9).
public struct ObligationTerms: Hashable, Sendable {
    /// The time each side has.
    public var deadlines: [PartyRole: DeadlineSpec]
    /// What follows when each side misses its deadline.
    public var onDefault: [PartyRole: LocalizedText]

    /// Creates terms; the defaults are the marketplace pack's.
    public init(
        deadlines: [PartyRole: DeadlineSpec] = [.merchant: .days(3), .buyer: .days(7)],
        onDefault: [PartyRole: LocalizedText] = ObligationTerms.standardDefaults
    ) {
        self.deadlines = deadlines
        self.onDefault = onDefault
    }

    /// What a default means when a pack does not say.
    public static let standardDefaults: [PartyRole: LocalizedText] = [
        .merchant: LocalizedText(
            en: "the platform pays from the merchant's deposit and deducts credit points",
            zh: "平台从商家保证金中划扣并扣除信用分"),
        .buyer: LocalizedText(
            en: "the buyer is urged; the merchant may then blacklist the buyer", zh: "督促买家履行；逾期后商家可将其列入黑名单"),
    ]
}
