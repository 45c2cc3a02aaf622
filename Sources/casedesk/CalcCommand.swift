import ArgumentParser
import CaseModel
import Foundation
import RulePacks

/// `casedesk calc …`: the statutory calculators, with their formulas.
struct CalcCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc", abstract: "Statutory amounts and the no-reason return window, with the working shown.",
        subcommands: [Crpl55.self, Fsl148.self, Crpl25.self])

    struct Crpl55: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "crpl55", abstract: "Fraud damages: 3 × the price paid, at least 500 yuan.")
        @Option(help: "The price paid, in yuan (e.g. 166.66).") var price: String

        func run() throws {
            let award = Calculators.crpl55Fraud(pricePaid: try yuan(price, "--price"))
            print("\(award.amount.formatted)\t\(award.statute)\t\(award.formula)")
        }
    }

    struct Fsl148: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fsl148", abstract: "Unsafe food: 10 × the price or 3 × the loss, at least 1,000 yuan.")
        @Option(help: "The price paid, in yuan.") var price: String
        @Option(help: "The loss, in yuan.") var loss: String = "0"

        func run() throws {
            let award = Calculators.fsl148UnsafeFood(
                pricePaid: try yuan(price, "--price"), loss: try yuan(loss, "--loss"))
            print("\(award.amount.formatted)\t\(award.statute)\t\(award.formula)")
        }
    }

    struct Crpl25: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "crpl25", abstract: "Whether a 7-day no-reason return is still open, and until when.")
        @Option(help: "When the buyer signed for the goods (ISO 8601).") var signed: String
        @Option(help: "The time to judge at (ISO 8601); default now.") var now: String?
        @Option(help: "An exclusion: \(ReturnExclusion.allCases.map(\.rawValue).joined(separator: ", ")).")
        var excluded: ReturnExclusion?
        @Option(help: "The time zone days are counted in.") var timeZone: String = "Asia/Shanghai"

        func run() throws {
            guard let zone = TimeZone(identifier: timeZone) else {
                throw ValidationError("--time-zone: unknown time zone '\(timeZone)'")
            }
            let result = Calculators.crpl25NoReasonReturn(
                signedAt: try parseInstant(signed), now: try now.map(parseInstant) ?? Date(), timeZone: zone,
                exclusion: excluded)
            let verdict = result.eligible ? "eligible" : "not eligible: \(result.reason?.en ?? "")"
            print("\(verdict)\twindow ends \(formatInstant(result.windowEnds))\tCRPL-25")
            if !result.eligible { throw ExitCode(3) }
        }
    }
}

extension ReturnExclusion: ExpressibleByArgument {}

/// An amount in yuan from the command line, exactly, in fen.
func yuan(_ text: String, _ option: String) throws -> Money {
    guard let money = Money(yuanString: text), money.fen >= 0 else {
        throw ValidationError(
            "\(option) must be an amount in yuan such as 166.66, at most \(Money.maximum.formatted), not '\(text)'")
    }
    return money
}

/// `casedesk statutes`: the statute and remedy catalogue rulings cite.
struct StatutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statutes", abstract: "List the statutes and remedies rulings may cite.")
    @Option(help: "en or zh.") var lang: String = "en"

    func run() throws {
        let catalogue: Catalogue
        do { catalogue = try Catalogue.shipped() } catch { throw CLIError("catalogue error: \(error)") }
        let language: Language = lang == "zh" ? .zh : .en
        for statute in catalogue.statutes {
            print("\(statute.id)\t\(statute.title.text(language))\t\(statute.rule.text(language))")
        }
        print("")
        for remedy in catalogue.remedies {
            print("\(remedy.id)\t\(remedy.label.text(language))\t\(remedy.basis.joined(separator: ", "))")
        }
    }
}
