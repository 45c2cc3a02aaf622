import ArgumentParser
import CaseInterchange
import CaseStore
import CaseStoreSQLite
import CaseTUI
import CaseTraining
import Foundation

/// `casedesk search TEXT`: full-text search over cases and evidence, Chinese and English.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find cases whose title, account, parties or evidence contain every term (newest first).")

    @Argument(help: "What to look for: words or Chinese text; every term must match.") var text: String
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "The most cases to list.") var limit: Int = 50
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        let session = try database.open(now: Date())
        let rows = try storeCall { try session.database.search(text, limit: limit) }
        if json {
            try printJSON(rows.map(QueueRowJSON.init))
            return
        }
        for row in rows {
            print(
                "\(row.id)\t\(row.stage.rawValue)\t\(row.deadline.map(formatInstant) ?? "-")\t\(Sanitizer.clean(row.title))"
            )
        }
        if rows.isEmpty { warn("no case matches '\(text)'") }
    }
}
