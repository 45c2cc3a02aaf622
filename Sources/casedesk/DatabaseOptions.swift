import ArgumentParser
import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation

/// `--db PATH` and `--as NAME`, shared by every subcommand: which database, and who is acting.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: $CASEDESK_DB, else the XDG data directory).")
    var db: String?

    @Option(
        name: .customLong("as"),
        help: ArgumentHelp(
            "Act as this registered staff member: an admin only, and the audit names your real login "
                + "(free on a --simulated database). Default: your operating-system login."))
    var actor: String?

    @Flag(
        help: ArgumentHelp(
            "Create a new database as a simulated one (a rehearsal or test database): it accepts --now and "
                + "a free --as, and says so on every screen. A database in use stays as it was created."))
    var simulated = false

    @Flag(help: "Open the database read-only: browse it, change nothing.")
    var readOnly = false

    @Option(help: "Create a new database readable by this group (mode 0660; default $CASEDESK_GROUP, else 0600).")
    var group: String?

    /// The database path after the fallbacks: --db, $CASEDESK_DB, $XDG_DATA_HOME, ~/.local/share.
    func resolvedPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let db, !db.isEmpty { return db }
        return Self.defaultPath(environment: environment)
    }

    /// The database path without --db: $CASEDESK_DB, $XDG_DATA_HOME, ~/.local/share.
    static func defaultPath(environment: [String: String]) -> String {
        if let path = environment["CASEDESK_DB"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return (data as NSString).appendingPathComponent("casedesk/cases.sqlite")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/casedesk/cases.sqlite")
    }

    /// Opens the database at the time `--now` names (a simulated database only), else now.
    func open(at requested: String?, examples: Bool = true) throws -> Session {
        guard let requested else { return try open(now: Date(), examples: examples) }
        return try open(now: try parseInstant(requested), requested: true, examples: examples)
    }

    /// Opens the database as the acting person, loading the example cases into a new one.
    ///
    /// The acting person is the staff member named by the process's real login (never `$USER`);
    /// the first login to use a new database becomes its admin. `--as` acts as someone else:
    /// only an admin may, and every audit record still names the real login. A simulated
    /// database accepts a `requested` time and a free `--as`; a live one refuses both.
    /// Everyone must be registered and allowed to view cases.
    /// - Parameter examples: false for commands that fill a database themselves (import, seed).
    func open(now: Date, requested: Bool = false, examples: Bool = true) throws -> Session {
        let path = resolvedPath()
        currentDatabasePath = path
        // A write past a file-size limit then fails with an error we report, instead of killing us.
        signal(SIGXFSZ, SIG_IGN)
        return try storeCall {
            let shared = group ?? ProcessInfo.processInfo.environment["CASEDESK_GROUP"]
            let database = try CaseDatabase(
                path: path, group: shared.flatMap { $0.isEmpty ? nil : $0 }, readOnly: readOnly)
            if simulated && !database.isReadOnly { try database.declareSimulated() }
            let isSimulated = try database.isSimulated()
            if (simulated || requested) && !isSimulated { throw StoreError.liveClock(path: path) }
            let login = ProcessIdentity.login
            let named = actor.flatMap { $0.isEmpty || $0 == login ? nil : $0 }
            var member: StaffMember
            var bootstrapped = false
            if isSimulated {
                (member, bootstrapped) = try database.authenticate(named ?? login, at: now)
            } else {
                var real: StaffMember?
                do {
                    (member, bootstrapped) = try database.authenticate(login, at: now)
                    real = member
                } catch CaseError.permission(.unknownStaff) where named != nil && ProcessIdentity.isSuperuser {
                    // The superuser can rewrite the file anyway; it may act as a registered person, on the record.
                    member = StaffMember(name: login, role: .admin)
                }
                if let named {
                    // Impersonation on a live database: the real person must be an admin.
                    if let real, real.role != .admin {
                        throw CLIError(
                            "only an admin may act as another person (--as \(named)); you are \(login), "
                                + "a \(real.role.rawValue), and act as yourself")
                    }
                    member = try database.authenticate(named, at: now).member
                }
            }
            if case .failure(let error) = member.check(.view) { throw CaseError.permission(error) }
            let loaded = examples && !database.isReadOnly ? try database.loadExamplesIfEmpty(now: now) : 0
            var notes: [String] = []
            if database.isReadOnly {
                notes.append(readOnly ? "opened read-only" : "this user may not write \(path): nothing can be changed")
            }
            if loaded > 0 { notes.append("New database: loaded \(loaded) example cases") }
            if bootstrapped { notes.append("\(member.name) is its admin") }
            return Session(
                database: database, staff: member, message: notes.isEmpty ? nil : notes.joined(separator: "; "),
                now: now, simulated: isSimulated)
        }
    }
}

/// An open database and the registered person acting on it.
struct Session {
    let database: any CaseStore
    let staff: StaffMember
    let message: String?
    /// The time the command acts at: now, or `--now` on a simulated database.
    let now: Date
    /// Whether the database is simulated (marked on every screen).
    let simulated: Bool
}

/// An error for the user: printed as one line on standard error, exit status 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Parses `--now 2026-11-27T08:00:00Z` (or with an offset, `+08:00`).
func parseInstant(_ text: String) throws -> Date {
    guard let date = ISO8601Time.date(text), FileTime.range.contains(date) else {
        throw ValidationError(
            "--now must be an ISO 8601 time in the years 2000 to 2100 such as 2026-11-27T08:00:00Z, not '\(text)'")
    }
    return date
}

/// Formats an instant as ISO 8601 UTC, the form JSON output uses.
func formatInstant(_ date: Date) -> String { ISO8601Time.string(date) }
