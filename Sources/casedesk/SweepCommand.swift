import ArgumentParser
import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation

/// `casedesk sweep`: applies every expired deadline's default outcome, exactly once.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Apply the default outcome of every expired deadline (a second run changes nothing).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The time to sweep at (ISO 8601); default now.")
    var now: String?

    func run() throws {

        let rules = try loadRules()
        let session = try database.open(at: now)
        let instant = session.now
        if case .failure(let error) = session.staff.check(.sweep) { throw CLIError(error.message.en) }
        let report = try storeCall { try session.database.sweep(now: instant, rules: rules) }
        for action in report.applied {
            print(
                "#\(action.caseID)\t\(action.from.rawValue) → \(action.to.rawValue)\t\(action.event.rawValue)"
                    + "\t\(action.rule)\texpired \(ISO8601Time.string(action.expiredAt))")
        }
        print("swept: \(report.applied.count) default outcome(s) applied, \(report.problems.count) problem(s)")
        for problem in report.problems {
            warn("#\(problem.caseID): \(problem.message)")
        }
        if !report.problems.isEmpty { throw ExitCode(1) }
    }
}
