import ArgumentParser
import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation

/// The terms of a ruling as options: remedies, findings, reasons, citations, declaration.
struct RulingTermsOptions: ParsableArguments {
    @Option(
        name: .customLong("remedy"),
        help: ArgumentHelp(
            "A remedy from `casedesk statutes`, with its amount in yuan where it carries one: refund=120, "
                + "fraud_damages (amount from its calculator), or claim_rejected. Repeat for more.",
            valueName: "ID[=YUAN]"))
    var remedies: [String] = []

    @Option(
        name: .customLong("finding"),
        help: ArgumentHelp(
            "A finding on a point in dispute: ISSUE:proven|not_proven|undetermined:the facts found. One per issue.",
            valueName: "ISSUE:FINDING:TEXT"))
    var findings: [String] = []

    @Option(help: "The written reasons (required).") var reasons: String?

    @Option(
        name: .customLong("cite"),
        help: ArgumentHelp(
            "A statute id (CRPL-55) or a rule of the case's pack (\"marketplace@1 merchant_response\"). Repeat.",
            valueName: "CITATION"))
    var citations: [String] = []

    @Option(help: "Why a statutory amount differs from its calculator's, when you give a different one.")
    var overrideReason: String?

    @Flag(help: "Declare that you have no conflict of interest with either party (required).")
    var noConflict = false

    /// The draft, or a usage error naming the malformed option.
    func draft() throws -> RulingDraft {
        var ordered: [OrderedRemedy] = []
        for text in remedies {
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = parts.first, !name.isEmpty else {
                throw ValidationError("--remedy needs a remedy id, such as refund=120 or claim_rejected")
            }
            var remedy = OrderedRemedy(remedy: name)
            if parts.count == 2 {
                guard let amount = Money(yuanString: parts[1]) else {
                    throw ValidationError(
                        "--remedy \(text): '\(parts[1])' is not an amount in yuan such as 120 or 99.50")
                }
                remedy.amount = amount
                remedy.overrideReason = overrideReason
            }
            ordered.append(remedy)
        }
        var parsed: [IssueFinding] = []
        for text in findings {
            let parts = text.split(separator: ":", maxSplits: 2).map(String.init)
            guard parts.count == 3, let issue = Int64(parts[0].trimmingCharacters(in: .whitespaces).drop { $0 == "#" }),
                let finding = Finding(rawValue: parts[1].trimmingCharacters(in: .whitespaces))
            else {
                throw ValidationError(
                    "--finding \(text): write ISSUE:FINDING:TEXT, e.g. 3:proven:the seal was broken on arrival")
            }
            parsed.append(IssueFinding(issueID: issue, finding: finding, note: parts[2]))
        }
        return RulingDraft(
            remedies: ordered, findings: parsed, reasons: reasons ?? "", citations: citations,
            declaresNoConflict: noConflict)
    }
}

/// `casedesk case rule ID …`: write and submit a ruling.
struct CaseRuleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rule",
        abstract: "Submit a ruling on a case in decision: outcome, amounts, findings, reasons, legal basis.",
        discussion: """
            The ruling takes effect at once (the case moves to execution and its obligations start) unless the \
            rule pack sends it to a supervisor: above the review amount, platform-interest cases, and a random \
            sample. Statutory amounts (fraud_damages, food_safety_damages) come from their calculators, with \
            the formula recorded.
            """)
    @Argument(help: "The case number.") var id: Int64
    @OptionGroup var terms: RulingTermsOptions
    @Option(help: "Refuse unless the case is at this version.") var expectVersion: Int?
    @OptionGroup var options: WorkOptions

    func run() throws {
        let draft = try terms.draft()
        let rules = try loadRules()
        let result = try options.perform { db, staff, now in
            try db.submitRuling(
                caseID: id, draft: draft, by: staff, expectedVersion: expectVersion, at: now, rules: rules)
        }
        let ruling = result.ruling
        print("#\(id): ruling #\(ruling.id) revision \(ruling.revision), \(ruling.favours.label.en)")
        for remedy in ruling.draft.remedies {
            let amount = remedy.amount.map { " \($0.formatted)" } ?? ""
            print("  \(remedy.remedy)\(amount)\(remedy.formula.map { "  [\($0)]" } ?? "")")
        }
        if let reason = result.reviewReason {
            print("  waits for a supervisor's review: \(reason.text.en)")
        } else {
            print("  in force; the case is in execution")
            for obligation in result.obligations {
                print(
                    "  obligation #\(obligation.id): \(obligation.label(rules.catalogue).en), due \(ISO8601Time.string(obligation.dueAt))"
                )
            }
        }
    }
}

/// `casedesk case review ID --approve | --return --comment TEXT`.
struct CaseReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Approve the ruling awaiting review, or return it with comments.")
    @Argument(help: "The case number.") var id: Int64
    @Flag(help: "Approve the ruling: it takes effect.") var approve = false
    @Flag(name: .customLong("return"), help: "Return the ruling to its mediator for revision.") var sendBack = false
    @Option(help: "Comments for the mediator (required with --return).") var comment: String?
    @OptionGroup var options: WorkOptions

    func validate() throws {
        guard approve != sendBack else { throw ValidationError("give exactly one of --approve or --return") }
    }

    func run() throws {
        let rules = try loadRules()
        let result = try options.perform { db, staff, now in
            try db.reviewRuling(caseID: id, approve: approve, comment: comment ?? "", by: staff, at: now, rules: rules)
        }
        if approve {
            print("#\(id): ruling #\(result.ruling.id) approved; in force, the case is in execution")
            for obligation in result.obligations {
                print(
                    "  obligation #\(obligation.id): \(obligation.label(rules.catalogue).en), due \(ISO8601Time.string(obligation.dueAt))"
                )
            }
        } else {
            print("#\(id): ruling #\(result.ruling.id) returned to \(result.ruling.mediator) for revision")
        }
    }
}

/// `casedesk case observe ID [--observer NAME] --statement TEXT`.
struct CaseObserveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observe",
        abstract: "Record an independent observer's sign-off on a platform-interest case (E-commerce Law art. 38).",
        discussion: """
            The observer is registered staff of the observer role (`casedesk staff add NAME --role observer`), \
            never the ruling's author, its reviewer or the case's holder. An observer signs off in person \
            (no --observer); a mediator records a registered observer's signed statement with --observer NAME.
            """)
    @Argument(help: "The case number.") var id: Int64
    @Option(help: "The registered observer, when recording their statement for them.") var observer: String?
    @Option(help: "What the observer said.") var statement: String
    @OptionGroup var options: WorkOptions

    func run() throws {
        try options.perform { db, staff, now in
            guard observer != nil || staff.role == .observer else {
                throw CLIError(
                    "--observer NAME is required: name the registered observer whose signed statement you record "
                        + "(an observer signing in person leaves it out)")
            }
            try db.recordObserverSignoff(
                caseID: id, observer: observer ?? staff.name, statement: statement, by: staff, at: now)
        }
        print("#\(id): observer sign-off recorded")
    }
}

/// `casedesk case fulfil ID OBLIGATION [--note TEXT]`.
struct CaseFulfilCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fulfil", abstract: "Record an obligation as carried out (by the party, or enforced).")
    @Argument(help: "The case number.") var id: Int64
    @Argument(help: "The obligation number (see `casedesk case show ID`).") var obligation: Int64
    @Option(help: "How it was carried out: a refund reference, a tracking number.") var note: String?
    @OptionGroup var options: WorkOptions

    func run() throws {
        try options.perform { db, staff, now in
            try db.fulfil(obligationID: obligation, caseID: id, note: note ?? "", by: staff, at: now)
        }
        print("#\(id): obligation #\(obligation) fulfilled")
    }
}

extension AppealOutcome: ExpressibleByArgument {}

/// `casedesk case decide-appeal ID uphold|modify|overturn --reasons TEXT [new terms]`.
struct CaseDecideAppealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide-appeal",
        abstract: "Decide the open appeal: uphold, modify or overturn the ruling, with reasons.",
        discussion: """
            Only a supervisor who neither wrote nor reviewed the ruling may decide. modify and overturn take the \
            new terms with --remedy, --cite and --no-conflict (findings carry over unless given again).
            """)
    @Argument(help: "The case number.") var id: Int64
    @Argument(help: "uphold, modify or overturn.") var outcome: AppealOutcome
    @OptionGroup var terms: RulingTermsOptions
    @OptionGroup var options: WorkOptions

    func run() throws {
        let draft = outcome == .uphold && terms.remedies.isEmpty ? nil : try terms.draft()
        let rules = try loadRules()
        let appeal = try options.perform { db, staff, now in
            try db.decideAppeal(
                caseID: id, outcome: outcome, terms: draft, reasons: terms.reasons ?? "", by: staff, at: now,
                rules: rules)
        }
        let after = appeal.newRulingID.map { "; ruling #\($0) in force" } ?? ""
        print("#\(id): appeal #\(appeal.id) \(outcome.label.en)\(after)")
    }
}

/// `casedesk case notice ID [--lang zh|en]`: the decision as the parties receive it.
struct CaseNoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Print the ruling notice the parties receive: facts, reasons, legal basis, remedies, appeal.")
    @Argument(help: "The case number.") var id: Int64
    @Option(help: "zh or en; default from LANG.") var lang: Language?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let rules = try loadRules()
        let db = try database.open(now: Date()).database
        let text = try storeCall {
            try db.notice(caseID: id, rules: rules, language: lang ?? defaultLanguage())
        }
        print(text, terminator: "")
    }
}
