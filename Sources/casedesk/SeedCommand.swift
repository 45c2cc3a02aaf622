import ArgumentParser
import CaseInterchange
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation

/// `casedesk seed --cases N [--seed S]`: deterministic synthetic disputes for load tests and demos.
struct SeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract:
            "Add N deterministic synthetic disputes (docs/domain.md §10 category mix, Chinese and English). Admins only."
    )

    @Option(help: "How many cases.") var cases: Int
    @Option(help: "The random seed; the same seed gives the same cases.") var seed: UInt64 = 1
    @Option(help: "The time the synthetic deadlines count from (ISO 8601); default now.") var now: String?
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (1...50_000_000).contains(cases) else { throw ValidationError("--cases must be from 1 to 50,000,000") }
    }

    func run() throws {
        let session = try database.open(at: now, examples: false)
        let instant = session.now
        let bar = ProgressBar(total: cases)
        let start = Date()
        try storeCall {
            try session.database.seed(cases: cases, seed: seed, now: instant, by: session.staff) { bar.update($0) }
        }
        bar.finish()
        let seconds = Date().timeIntervalSince(start)
        print(
            "seeded \(cases) cases in \(String(format: "%.2f", seconds)) s (\(Int(Double(cases) / max(seconds, 0.000_001))) cases/s)"
        )
    }
}

/// A one-line progress bar on standard error, drawn only when standard error is a terminal.
final class ProgressBar {
    let total: Int
    let enabled = isatty(2) != 0

    init(total: Int) { self.total = total }

    func update(_ done: Int) {
        guard enabled, total > 0 else { return }
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(done)/\(total)".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
