import CaseModel
import Foundation

/// The dashboard as `casedesk report --json` prints it: plain keys, rates as fractions.
public struct ReportJSON: Encodable, Sendable {
    var at: Date
    var backlog: Int
    var backlogByStage: [String: Int]
    var backlogByAge: [String: Int]
    var overdueNow: Int
    var breachedThisWeek: Int
    var breachesByDay: [Int]
    var decisionsByDay: [Int]
    @Null var medianHoursToDecision: Double?
    var outcomes: [String: Int]
    var decidedCases: Int
    var appeals: Int
    var appealOutcomes: [String: Int]
    @Null var appealRate: Double?
    @Null var overturnRate: Double?
    var pendingReview: Int
    var obligationsDefaulted: Int
    var mediators: [Dashboard.MediatorLine]

    /// The shape of the dashboard.
    public init(_ d: Dashboard) {
        at = d.at
        backlog = d.backlog
        backlogByStage = Dictionary(uniqueKeysWithValues: d.backlogByStage.map { ($0.key.rawValue, $0.value) })
        backlogByAge = Dictionary(
            uniqueKeysWithValues: zip(["under_1d", "1d_3d", "3d_7d", "7d_30d", "over_30d"], d.backlogByAge).map {
                ($0, $1)
            })
        overdueNow = d.overdueNow
        breachedThisWeek = d.breachedThisWeek
        breachesByDay = d.breachesByDay
        decisionsByDay = d.decisionsByDay
        medianHoursToDecision = d.medianHoursToDecision
        outcomes = Dictionary(uniqueKeysWithValues: Favours.allCases.map { ($0.rawValue, d.outcomes[$0] ?? 0) })
        decidedCases = d.decidedCases
        appeals = d.appeals
        appealOutcomes = Dictionary(
            uniqueKeysWithValues: AppealOutcome.allCases.map { ($0.rawValue, d.appealOutcomes[$0] ?? 0) })
        appealRate = d.appealRate
        overturnRate = d.overturnRate
        pendingReview = d.pendingReview
        obligationsDefaulted = d.obligationsDefaulted
        mediators = d.mediators
    }

    enum CodingKeys: String, CodingKey {
        case at, backlog
        case backlogByStage = "backlog_by_stage"
        case backlogByAge = "backlog_by_age"
        case overdueNow = "overdue_now"
        case breachedThisWeek = "breached_this_week"
        case breachesByDay = "breaches_by_day"
        case decisionsByDay = "decisions_by_day"
        case medianHoursToDecision = "median_hours_to_decision"
        case outcomes
        case decidedCases = "decided_cases"
        case appeals
        case appealOutcomes = "appeal_outcomes"
        case appealRate = "appeal_rate"
        case overturnRate = "overturn_rate"
        case pendingReview = "pending_review"
        case obligationsDefaulted = "obligations_defaulted"
        case mediators
    }
}
