import ArgumentParser
import CaseStore
import Foundation

/// `--db PATH`, shared by every subcommand, and the rules for the default location.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: $CASEDESK_DB, else the XDG data directory).")
    var db: String?

    /// The database path after the fallbacks: --db, $CASEDESK_DB, $XDG_DATA_HOME, ~/.local/share.
    func resolvedPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let db, !db.isEmpty { return db }
        if let path = environment["CASEDESK_DB"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return (data as NSString).appendingPathComponent("casedesk/cases.sqlite")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/casedesk/cases.sqlite")
    }

    /// Opens the database, loading the example cases into a new one.
    ///
    /// - Returns: the database and, when examples were loaded, a message saying so.
    func open(now: Date) throws -> (CaseDatabase, String?) {
        let path = resolvedPath()
        do {
            let database = try CaseDatabase(path: path)
            let loaded = try database.loadExamplesIfEmpty(now: now)
            let message = loaded > 0 ? "New database: loaded \(loaded) example cases" : nil
            return (database, message)
        } catch let error as StoreError {
            throw CLIError(error.message.en)
        }
    }
}

/// An error for the user: printed as one line on standard error, exit status 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Parses `--now 2026-11-27T08:00:00Z`.
func parseInstant(_ text: String) throws -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = formatter.date(from: text) { return date }
    throw ValidationError("--now must be an ISO 8601 time such as 2026-11-27T08:00:00Z, not '\(text)'")
}

/// Formats an instant as ISO 8601 UTC, the form JSON output uses.
func formatInstant(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
}
