import ArgumentParser
import CaseInterchange
import CaseStore
import CaseStoreSQLite
import CaseTUI
import CaseTraining
import Foundation

/// `casedesk queue`: the work queue in deadline order, as text or JSON.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "List the queue in deadline order (cases without a deadline last), filtered and sorted.",
        discussion: """
            --filter takes terms that combine with AND: stage:evidence,decision  assignee:NAME  unassigned  \
            overdue  open  category:counterfeit  flag:platform_interest  amount:>=1000  amount:<5000  sort:deadline|amount|age|priority
            """)

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Print a JSON array of cases instead of a table.")
    var json = false

    @Option(help: "The most cases to list.")
    var limit: Int = 50

    @Option(help: "A filter expression, e.g. \"stage:evidence overdue amount:>=1000\".")
    var filter: String = ""

    @Option(
        help: "deadline (soonest first), amount (largest first), age (oldest first) or priority (level, then deadline)."
    )
    var sort: QueueOrder?

    func run() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        let now = Date()
        var query: QueueQuery
        do {
            query = try QueueQuery.parse(filter, now: now)
        } catch {
            throw ValidationError("--filter: \(error)")
        }
        if let sort { query.order = sort }
        let db = try database.open(now: now).database
        let rows = try storeCall { try db.queuePage(query, limit: limit) }
        if json {
            try printJSON(rows.map(QueueRowJSON.init))
            return
        }
        for row in rows {
            let deadline = row.deadline.map(formatInstant) ?? "-"
            // Case data is untrusted: no escape sequence reaches the terminal.
            print(
                "\(row.id)\t\(row.stage.rawValue)\t\(deadline)\t\(row.claimAmount.formatted)\t\(Sanitizer.clean(row.title))"
            )
        }
    }
}

extension QueueOrder: ExpressibleByArgument {}

extension QueueRowJSON {
    /// The JSON form of a queue row, its deadline in the display's time zone.
    init(_ row: QueueRow) {
        self.init(
            id: row.id, stage: row.stage.rawValue, deadline: row.deadline.map(formatInstant),
            claimFen: row.claimAmount.fen, assignee: row.assignee, title: row.title,
            flags: row.flags.sorted().map(\.rawValue))
    }
}
