import ArgumentParser
import CaseInterchange
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation

/// `casedesk verify`: is the record intact, fit to show a court?
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check SQLite integrity, foreign keys, the audit hash chain and every evidence hash.",
        discussion: "Exits 0 when all is intact; otherwise names the first broken record and exits 1.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let session = try database.open(now: Date())
        let report = try storeCall { try session.database.verify() }
        if report.isIntact {
            print(
                "intact: \(report.auditRecords) audit records, \(report.evidenceItems) evidence items, \(report.rulings) rulings"
            )
            return
        }
        for problem in report.problems {
            warn("\(problem)")
        }
        print("BROKEN: \(report.problems.first ?? "")")
        throw ExitCode(1)
    }
}
