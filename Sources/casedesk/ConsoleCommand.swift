import ArgumentParser
import CaseInterchange
import CaseStore
import CaseStoreSQLite
import CaseTUI
import CaseTraining
import Foundation

/// `casedesk console` (the default): the interactive console.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console", abstract: "Open the console (the default when no subcommand is given).")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let rules = try loadRules()
        let keymap = try display.keymap()
        let session = try database.open(now: Date())
        let outcome: ConsoleLoop.Outcome
        do {
            outcome = try ConsoleLoop.run(
                database: session.database, rules: rules, staff: session.staff, measure: display.measure,
                language: display.language, keymap: keymap,
                initialMessage: session.message,
                databaseLabel: (database.resolvedPath() as NSString).lastPathComponent, useColor: display.useColor,
                lastAnchor: lastAnchor(database: database.resolvedPath()))
        } catch let error as NcursesTerminal.StartError {
            throw CLIError(error.description)
        }
        if case .signal(let number) = outcome {
            // The conventional status for death by a signal, now that the terminal is restored.
            throw ExitCode(128 + number)
        }
    }
}
