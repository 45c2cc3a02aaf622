import Foundation

/// The supervisors' figures (issue 6): backlog by stage and age, deadlines breached this week,
/// per-mediator counts, median time to decision, the outcome split, appeal and overturn rates.
public struct Dashboard: Hashable, Codable, Sendable {
    /// One mediator's line.
    public struct MediatorLine: Hashable, Codable, Sendable {
        /// The mediator.
        public var name: String
        /// Open cases assigned to them.
        public var open: Int
        /// Rulings they wrote that took effect (first decisions and revisions in force).
        public var decided: Int
        /// Of those, how many favoured the buyer, the merchant, or split.
        public var buyer: Int
        public var merchant: Int
        public var split: Int
        /// Their rulings overturned on appeal.
        public var overturned: Int

        /// Creates a line.
        public init(
            name: String, open: Int = 0, decided: Int = 0, buyer: Int = 0, merchant: Int = 0, split: Int = 0,
            overturned: Int = 0
        ) {
            self.name = name
            self.open = open
            self.decided = decided
            self.buyer = buyer
            self.merchant = merchant
            self.split = split
            self.overturned = overturned
        }
    }

    /// When the figures were taken.
    public var at: Date
    /// Open cases per open stage, in lifecycle order.
    public var backlogByStage: [Stage: Int]
    /// Open cases by age since filing: under 1 day, 1–3 days, 3–7 days, 7–30 days, over 30 days.
    public var backlogByAge: [Int]
    /// Open cases whose stage deadline has passed.
    public var overdueNow: Int
    /// Deadlines that ran out in each of the last 7 days (oldest first): default outcomes applied and obligations defaulted.
    public var breachesByDay: [Int]
    /// Rulings that took effect in each of the last 14 days (oldest first).
    public var decisionsByDay: [Int]
    /// Per mediator, by name.
    public var mediators: [MediatorLine]
    /// The median hours from filing to the first ruling, over decided cases; nil before any.
    public var medianHoursToDecision: Double?
    /// Cases decided (a ruling in force or superseded), by the side the ruling now in force favours.
    public var outcomes: [Favours: Int]
    /// Cases with a ruling in force.
    public var decidedCases: Int
    /// Appeals filed, and decided by outcome.
    public var appeals: Int
    public var appealOutcomes: [AppealOutcome: Int]
    /// Rulings waiting for review.
    public var pendingReview: Int
    /// Obligations in default.
    public var obligationsDefaulted: Int

    /// The age buckets' labels.
    public static let ageBuckets = [
        LocalizedText(en: "< 1 day", zh: "1天内"), LocalizedText(en: "1–3 days", zh: "1–3天"),
        LocalizedText(en: "3–7 days", zh: "3–7天"), LocalizedText(en: "7–30 days", zh: "7–30天"),
        LocalizedText(en: "> 30 days", zh: "30天以上"),
    ]

    /// Creates a dashboard.
    public init(
        at: Date, backlogByStage: [Stage: Int] = [:], backlogByAge: [Int] = [0, 0, 0, 0, 0], overdueNow: Int = 0,
        breachesByDay: [Int] = Array(repeating: 0, count: 7), decisionsByDay: [Int] = Array(repeating: 0, count: 14),
        mediators: [MediatorLine] = [], medianHoursToDecision: Double? = nil, outcomes: [Favours: Int] = [:],
        decidedCases: Int = 0, appeals: Int = 0, appealOutcomes: [AppealOutcome: Int] = [:], pendingReview: Int = 0,
        obligationsDefaulted: Int = 0
    ) {
        self.at = at
        self.backlogByStage = backlogByStage
        self.backlogByAge = backlogByAge
        self.overdueNow = overdueNow
        self.breachesByDay = breachesByDay
        self.decisionsByDay = decisionsByDay
        self.mediators = mediators
        self.medianHoursToDecision = medianHoursToDecision
        self.outcomes = outcomes
        self.decidedCases = decidedCases
        self.appeals = appeals
        self.appealOutcomes = appealOutcomes
        self.pendingReview = pendingReview
        self.obligationsDefaulted = obligationsDefaulted
    }

    /// Open cases in all.
    public var backlog: Int { backlogByStage.values.reduce(0, +) }
    /// Deadlines breached in the last 7 days.
    public var breachedThisWeek: Int { breachesByDay.reduce(0, +) }
    /// Appeals per decided case, 0–1; nil before any decision.
    public var appealRate: Double? { decidedCases == 0 ? nil : Double(appeals) / Double(decidedCases) }
    /// Overturned appeals per decided appeal, 0–1; nil before any appeal is decided.
    public var overturnRate: Double? {
        let decided = appealOutcomes.values.reduce(0, +)
        return decided == 0 ? nil : Double(appealOutcomes[.overturn] ?? 0) / Double(decided)
    }

    /// The median of some numbers; nil for none.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The index of the day bucket `at` falls in, counting `days` whole days back from `now`; nil outside.
    public static func dayIndex(of at: Date, now: Date, days: Int) -> Int? {
        let age = now.timeIntervalSince(at)
        guard age >= 0 else { return nil }
        let back = Int(age / 86_400)
        return back < days ? days - 1 - back : nil
    }
}

/// Drawing numbers as text: bars and sparklines, with ASCII forms for terminals that draw
/// ambiguous-width block characters two columns wide.
public enum Spark {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let ascii: [Character] = ["_", ".", "-", "-", "=", "=", "#", "#"]

    /// One character per value, scaled to the largest; a blank for zero.
    public static func line(_ values: [Int], ascii: Bool = false) -> String {
        let top = values.max() ?? 0
        let glyphs = ascii ? Self.ascii : blocks
        return String(
            values.map { value -> Character in
                guard value > 0, top > 0 else { return " " }
                return glyphs[min(glyphs.count - 1, (value * glyphs.count - 1) / top)]
            })
    }

    /// A bar of `value` out of `top` in `width` cells.
    public static func bar(_ value: Int, of top: Int, width: Int, ascii: Bool = false) -> String {
        guard top > 0, value > 0, width > 0 else { return "" }
        let cells = max(1, Int((Double(value) / Double(top) * Double(width)).rounded()))
        return String(repeating: ascii ? "#" : "█", count: min(width, cells))
    }
}
