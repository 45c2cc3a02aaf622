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
        let session = try database.open(at: now)
        let (db, instant) = (session.database, session.now)
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
