import ArgumentParser
import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation

/// `casedesk rules list|use|show`: the rule packs, and which one new cases get.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the rule packs, show one, or choose the pack for new cases.",
        subcommands: [List.self, Show.self, Use.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the shipped rule packs; * marks this database's.")
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let rules = try loadRules()
            let current = try storeCall { try database.open(now: Date()).database.rulePackReference() }
            for reference in rules.packs.keys.sorted() {
                let pack = rules.packs[reference]!
                print("\(reference == current ? "*" : " ") \(reference)\t\(pack.name.en) / \(pack.name.zh)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a pack's clocks and default outcomes.")
        @Argument(help: "The pack: an id (newest version) or id@version.") var pack: String

        func run() throws {
            let rules = try loadRules()
            guard let found = rules.pack(pack) ?? rules.latest(pack) else {
                throw CLIError("no rule pack '\(pack)'; `casedesk rules list` shows them")
            }
            print("\(found.reference)  \(found.name.en) / \(found.name.zh)")
            for stage in Stage.allCases {
                guard let rule = found.rule(for: stage) else { continue }
                let clock = rule.deadline.map(\.description) ?? "-"
                let expiry = rule.onExpiry.map { "→ \($0.rawValue): \(rule.outcome?.en ?? "")" } ?? "(overdue only)"
                print(
                    "  \(stage.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) \(clock.padding(toLength: 6, withPad: " ", startingAt: 0)) \(expiry)"
                )
            }
            let own = found.platformInterest.selfOperated
            print(
                "  platform interest: "
                    + (own.isEmpty
                        ? "only when a ruling cites ECL-38" : "self-operated stores \(own.joined(separator: ", "))"))
        }
    }

    struct Use: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Choose the pack new cases get (admins only); open cases keep theirs.")
        @Argument(help: "The pack: an id (newest version) or id@version.") var pack: String
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let rules = try loadRules()
            guard let found = rules.pack(pack) ?? rules.latest(pack) else {
                throw CLIError("no rule pack '\(pack)'; `casedesk rules list` shows them")
            }
            let now = Date()
            let session = try database.open(now: now)
            try storeCall { try session.database.setRulePack(found, by: session.staff, at: now) }
            print("new cases run under \(found.reference)")
        }
    }
}
