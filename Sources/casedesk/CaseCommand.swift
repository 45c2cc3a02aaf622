import ArgumentParser
import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation

/// `casedesk case …`: the scriptable form of every console command that changes a case.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Show a case or take a step on it.",
        subcommands: [
            CaseShowCommand.self, CaseEvidenceCommand.self, CaseTakeCommand.self, CaseReleaseCommand.self,
            CaseAdvanceCommand.self,
            CaseStepCommand<Suspend>.self, CaseStepCommand<Resume>.self, CaseStepCommand<Refer>.self,
            CaseStepCommand<Withdraw>.self, CaseRequestEvidenceCommand.self, CaseAddEvidenceCommand.self,
            CaseIssueCommand.self, CaseUrgeCommand.self, CaseNoteCommand.self, CasePriorityCommand.self,
            CaseFlagCommand.self, CaseRuleCommand.self, CaseReviewCommand.self, CaseObserveCommand.self,
            CaseFulfilCommand.self, CaseDecideAppealCommand.self, CaseNoticeCommand.self,
        ])
}

/// Options every case-changing subcommand shares.
struct StepOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions

    @Option(help: "Record the step as a party's event, entered on their behalf: buyer or merchant.")
    var onBehalfOf: PartyRole?

    @Option(help: "Refuse the step unless the case is at this version (detects concurrent edits).")
    var expectVersion: Int?

    @Option(help: "The time of the step (ISO 8601); default now.")
    var now: String?

    /// Takes `event` on case `id` and prints the result.
    func take(_ event: LifecycleEvent, on id: Int64) throws {
        let rules = try loadRules()
        let session = try database.open(at: now)
        let instant = session.now
        let db = session.database
        // Without --expect-version the step is decided on the case as it stands inside the write
        // transaction: a concurrent change is not a conflict, the step is simply judged after it.
        let updated = try storeCall {
            try db.apply(
                event, toCase: id, by: session.staff, onBehalfOf: onBehalfOf, expectedVersion: expectVersion,
                at: instant, rules: rules)
        }
        let deadline = updated.stageDeadline.map { ", deadline \(ISO8601Time.string($0))" } ?? ""
        print("#\(id): \(event.rawValue) → \(updated.stage.rawValue)\(deadline) (version \(updated.version))")
    }
}

extension PartyRole: ExpressibleByArgument {}

extension LifecycleEvent: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// `casedesk case advance ID EVENT`: any lifecycle step by name.
struct CaseAdvanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance",
        abstract: "Take a lifecycle step by name (see `casedesk case show ID` for the steps open to the case).")

    @Argument(help: "The case number.") var id: Int64
    @Argument(help: "The step, e.g. escalate, request_evidence, rule, executed.") var event: LifecycleEvent
    @OptionGroup var options: StepOptions

    func run() throws { try options.take(event, on: id) }
}

/// A named shortcut for one lifecycle step.
protocol StepShortcut {
    static var name: String { get }
    static var event: LifecycleEvent { get }
    static var abstract: String { get }
}

enum Suspend: StepShortcut {
    static let name = "suspend"
    static let event = LifecycleEvent.suspend
    static let abstract = "Suspend the case; its stage clock pauses until it resumes."
}

enum Resume: StepShortcut {
    static let name = "resume"
    static let event = LifecycleEvent.resume
    static let abstract = "Resume a suspended case where it stopped, with the time it had left."
}

enum Refer: StepShortcut {
    static let name = "refer"
    static let event = LifecycleEvent.refer
    static let abstract = "Refer the case out (court, consumer association, regulator, arbitration)."
}

enum Withdraw: StepShortcut {
    static let name = "withdraw"
    static let event = LifecycleEvent.withdraw
    static let abstract = "Withdraw the case."
}

/// `casedesk case suspend|resume|refer|withdraw ID`.
struct CaseStepCommand<Step: StepShortcut>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Step.name, abstract: Step.abstract)
    }

    @Argument(help: "The case number.") var id: Int64
    @OptionGroup var options: StepOptions

    func run() throws { try options.take(Step.event, on: id) }
}
