import ArgumentParser

/// The `casedesk` command: the console by default, and scriptable subcommands.
@main
struct CaseDesk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casedesk",
        abstract: "A keyboard-driven workbench for e-commerce dispute mediation.",
        discussion: """
            Without a subcommand, opens the console. The database is --db PATH, else $CASEDESK_DB, \
            else $XDG_DATA_HOME/casedesk/cases.sqlite, else ~/.local/share/casedesk/cases.sqlite. \
            A new database starts with the example cases.
            """,
        subcommands: [
            ConsoleCommand.self, SnapshotCommand.self, QueueCommand.self, SweepCommand.self, CaseCommand.self,
            StaffCommand.self, RulesCommand.self, ImportCommand.self, ExportCommand.self, VerifyCommand.self,
            AnchorCommand.self,
            SeedCommand.self, SearchCommand.self, CalcCommand.self, StatutesCommand.self, ReportCommand.self,
            TrainCommand.self,
        ],
        defaultSubcommand: ConsoleCommand.self
    )
}
