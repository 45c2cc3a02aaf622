import ArgumentParser
import CaseTUI
import Foundation

/// `casedesk snapshot`: the console rendered headless, printed as plain text.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Render the console headless after replaying keys; print the screen as text.",
        discussion: "Keys use Vim notation: jj<Tab>? , <Enter>, <Esc>, <C-d>, <S-Tab>, <PgDn>, <lt> for '<'.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var display: DisplayOptions

    @Option(help: "The screen size as COLUMNSxROWS.")
    var size: String = "100x30"

    @Option(help: "Keys to replay before rendering.")
    var keys: String = ""

    @Option(help: "The time to render at (ISO 8601), also used for loading examples into a new database.")
    var now: String?

    func run() throws {
        let dimensions = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard dimensions.count == 2, (1...1000).contains(dimensions[0]), (1...1000).contains(dimensions[1]) else {
            throw ValidationError("--size must look like 100x30 (columns x rows, each 1 to 1000), not '\(size)'")
        }
        let replay: [Key]
        do {
            replay = try KeyNotation.parse(keys)
        } catch {
            throw ValidationError("--keys: \(error)")
        }
        let rules = try loadRules()
        let session = try database.open(at: now)
        let instant = session.now
        var state = AppState(
            width: dimensions[0], height: dimensions[1], now: instant,
            databaseLabel: (database.resolvedPath() as NSString).lastPathComponent)
        state.message = session.message
        state.rules = rules
        state.staff = session.staff
        state.measure = display.measure
        state.language = display.language
        state.keymap = try display.keymap()
        state.readOnly = session.database.isReadOnly
        state.simulated = session.simulated
        state.lastAnchor = lastAnchor(database: database.resolvedPath())
        var driver = AppDriver(state: state, database: session.database)
        for key in replay {
            if driver.state.shouldQuit { break }
            driver.press(key)
        }
        print(driver.render().text)
    }
}
