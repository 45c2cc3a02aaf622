import ArgumentParser
import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTUI
import CaseTraining
import Foundation

/// `casedesk report [--json]`: the supervisors' dashboard figures.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Backlog by stage and age, deadlines breached, per-mediator counts, time to decision, outcomes, "
            + "appeal and overturn rates: the console's dashboard (D) as text or JSON.")

    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "zh or en; default from LANG.") var lang: Language?
    @Option(help: "The time to report at (ISO 8601); default now.") var now: String?
    @Option(help: "Columns for the text layout.") var width = 100

    func run() throws {
        let instant = try now.map(parseInstant) ?? Date()
        let db = try database.open(now: instant).database
        let dashboard = try storeCall { try db.dashboard(now: instant) }
        if json {
            try printJSON(ReportJSON(dashboard))
        } else {
            let lines = DashboardText.lines(
                dashboard, language: lang ?? defaultLanguage(), width: max(40, width), measure: DisplayWidth())
            print(
                lines.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }.joined(
                    separator: "\n"))
        }
    }
}

/// The dashboard as `casedesk report --json` prints it: plain keys, rates as fractions.
struct ReportJSON: Encodable {
    let at: String
    let backlog: Int
    let backlogByStage: [String: Int]
    let backlogByAge: [String: Int]
    let overdueNow: Int
    let breachedThisWeek: Int
    let breachesByDay: [Int]
    let decisionsByDay: [Int]
    let medianHoursToDecision: Double?
    let outcomes: [String: Int]
    let decidedCases: Int
    let appeals: Int
    let appealOutcomes: [String: Int]
    let appealRate: Double?
    let overturnRate: Double?
    let pendingReview: Int
    let obligationsDefaulted: Int
    let mediators: [Dashboard.MediatorLine]

    init(_ d: Dashboard) {
        at = ISO8601Time.string(d.at)
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

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(at, forKey: .at)
        try c.encode(backlog, forKey: .backlog)
        try c.encode(backlogByStage, forKey: .backlogByStage)
        try c.encode(backlogByAge, forKey: .backlogByAge)
        try c.encode(overdueNow, forKey: .overdueNow)
        try c.encode(breachedThisWeek, forKey: .breachedThisWeek)
        try c.encode(breachesByDay, forKey: .breachesByDay)
        try c.encode(decisionsByDay, forKey: .decisionsByDay)
        try c.encode(medianHoursToDecision, forKey: .medianHoursToDecision)
        try c.encode(outcomes, forKey: .outcomes)
        try c.encode(decidedCases, forKey: .decidedCases)
        try c.encode(appeals, forKey: .appeals)
        try c.encode(appealOutcomes, forKey: .appealOutcomes)
        try c.encode(appealRate, forKey: .appealRate)
        try c.encode(overturnRate, forKey: .overturnRate)
        try c.encode(pendingReview, forKey: .pendingReview)
        try c.encode(obligationsDefaulted, forKey: .obligationsDefaulted)
        try c.encode(mediators, forKey: .mediators)
    }
}
