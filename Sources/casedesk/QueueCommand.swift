import ArgumentParser
import CaseStore
import Foundation

/// `casedesk queue`: the work queue in deadline order, as text or JSON.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue", abstract: "List the queue in deadline order (cases without a deadline last).")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Print a JSON array of cases instead of a table.")
    var json = false

    @Option(help: "The most cases to list.")
    var limit: Int = 50

    struct Item: Encodable {
        let id: Int64
        let stage: String
        let deadline: String?
        let claimFen: Int64
        let assignee: String?
        let title: String

        enum CodingKeys: String, CodingKey {
            case id, stage, deadline, claimFen = "claim_fen", assignee, title
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(stage, forKey: .stage)
            try container.encode(deadline, forKey: .deadline)  // null, not absent, when no clock runs
            try container.encode(claimFen, forKey: .claimFen)
            try container.encode(assignee, forKey: .assignee)
            try container.encode(title, forKey: .title)
        }
    }

    func run() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        let db = try database.open(now: Date()).database
        let rows: [QueueRow]
        do {
            rows = try db.queuePage(limit: limit)
        } catch let error as StoreError {
            throw CLIError(error.message.en)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let items = rows.map {
                Item(
                    id: $0.id, stage: $0.stage.rawValue, deadline: $0.deadline.map(formatInstant),
                    claimFen: $0.claimAmount.fen, assignee: $0.assignee, title: $0.title)
            }
            print(String(decoding: try encoder.encode(items), as: UTF8.self))
            return
        }
        for row in rows {
            let deadline = row.deadline.map(formatInstant) ?? "-"
            print("\(row.id)\t\(row.stage.rawValue)\t\(deadline)\t\(row.claimAmount.formatted)\t\(row.title)")
        }
    }
}
