import ArgumentParser
import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation

/// `casedesk staff add|list`: who may use the database, in which role.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Register staff and list them.",
        subcommands: [StaffAddCommand.self, StaffListCommand.self])
}

extension StaffRole: ExpressibleByArgument {}

/// `casedesk staff add NAME --role ROLE` (admins only).
struct StaffAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Register a person (or change their role). Admins only.")

    @Argument(help: "The login name (letters, digits, '.', '-', '_').") var name: String
    @Option(
        help: "mediator, supervisor, trainer, admin or observer (an independent observer from outside the platform).")
    var role: StaffRole
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let now = Date()
        let session = try database.open(now: now)
        try storeCall { try session.database.addStaff(StaffMember(name: name, role: role), by: session.staff, at: now) }
        print("\(name) is a \(role.rawValue)")
    }
}

/// `casedesk staff list`.
struct StaffListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List registered staff.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let session = try database.open(now: Date())
        for member in try storeCall({ try session.database.staff() }) {
            print("\(member.name)\t\(member.role.rawValue)")
        }
    }
}
