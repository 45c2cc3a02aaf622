import ArgumentParser
import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation

/// Options shared by case commands that change a case without a lifecycle step.
struct WorkOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions

    @Option(help: "The time of the action (ISO 8601); default now.")
    var now: String?

    /// Opens the database as the acting person and runs one store call, reporting store errors plainly.
    func perform<T>(_ body: (any CaseStore, StaffMember, Date) throws -> T) throws -> T {
        let session = try database.open(at: now)
        return try storeCall { try body(session.database, session.staff, session.now) }
    }
}

/// `casedesk case take ID`.
struct CaseTakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "take", abstract: "Claim a case for yourself.")
    @Argument(help: "The case number.") var id: Int64
    @Option(help: "Refuse unless the case is at this version.") var expectVersion: Int?
    @OptionGroup var options: WorkOptions

    func run() throws {
        let taken = try options.perform { db, staff, now in
            try db.take(caseID: id, by: staff, expectedVersion: expectVersion, at: now)
        }
        print("#\(id): taken by \(taken.assignee ?? "-") (version \(taken.version))")
    }
}

/// `casedesk case release ID`.
struct CaseReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Give a case back to the queue.")
    @Argument(help: "The case number.") var id: Int64
    @Option(help: "Refuse unless the case is at this version.") var expectVersion: Int?
    @OptionGroup var options: WorkOptions

    func run() throws {
        let released = try options.perform { db, staff, now in
            try db.release(caseID: id, by: staff, expectedVersion: expectVersion, at: now)
        }
        print("#\(id): released (version \(released.version))")
    }
}

/// `casedesk case request-evidence ID --from PARTY --what TEXT`.
struct CaseRequestEvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request-evidence",
        abstract: "Ask a party for evidence; opens a window with the rule pack's evidence deadline.")
    @Argument(help: "The case number.") var id: Int64
    @Option(help: "buyer or merchant.") var from: PartyRole
    @Option(help: "What is asked for.") var what: String
    @OptionGroup var options: WorkOptions

    func run() throws {
        let rules = try loadRules()
        let (request, updated) = try options.perform { db, staff, now in
            try db.requestEvidence(caseID: id, from: from, what: what, by: staff, at: now, rules: rules)
        }
        print(
            "#\(id): request #\(request.id) to the \(from.rawValue), due \(ISO8601Time.string(request.dueAt)); "
                + "stage \(updated.stage.rawValue)")
    }
}

extension EvidenceKind: ExpressibleByArgument {}
extension EvidenceSource: ExpressibleByArgument {}
extension IssueKind: ExpressibleByArgument {}
extension Finding: ExpressibleByArgument {}

/// `casedesk case add-evidence ID --kind K --source S --description D (--file PATH | --text TEXT)`.
struct CaseAddEvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-evidence", abstract: "Add an item of evidence; its content is fixed by SHA-256.")
    @Argument(help: "The case number.") var id: Int64
    @Option(help: "What it is: \(EvidenceKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind:
        EvidenceKind
    @Option(help: "Who brought it: \(EvidenceSource.allCases.map(\.rawValue).joined(separator: ", ")).")
    var source: EvidenceSource
    @Option(help: "What it shows.") var description: String
    @Option(help: "A file whose bytes are the evidence.") var file: String?
    @Option(help: "Pasted text that is the evidence (a chat log, a statement).") var text: String?
    @OptionGroup var options: WorkOptions

    func validate() throws {
        guard (file == nil) != (text == nil) else { throw ValidationError("give exactly one of --file and --text") }
    }

    func run() throws {
        let content: Data
        if let file {
            do {
                content = try EvidenceFile.read(file)
            } catch {
                throw CLIError(error.message.en)
            }
        } else {
            content = Data((text ?? "").utf8)
        }
        let item = try options.perform { db, staff, now in
            try db.addEvidence(
                caseID: id, kind: kind, source: source, description: description, content: content, at: now,
                by: staff)
        }
        print("#\(id): evidence #\(item.id) sha256 \(item.sha256)")
    }
}

/// `casedesk case issue add|link|find`.
struct CaseIssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue", abstract: "Points in dispute: add one, link evidence to it, record the finding.",
        subcommands: [Add.self, Link.self, Find.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a point in dispute; the burden of proof follows from its kind.")
        @Argument(help: "The case number.") var id: Int64
        @Option(help: "\(IssueKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: IssueKind
        @Option(help: "The point, in your words.") var description: String
        @Flag(help: "The buyer confirmed receipt (moves a delivery dispute's burden to the buyer).")
        var buyerConfirmedReceipt = false
        @Flag(help: "Durable goods, defect found within 6 months of receipt (CRPL-23).")
        var durableWithinSixMonths = false
        @OptionGroup var options: WorkOptions

        func run() throws {
            let issue = try options.perform { db, staff, now in
                try db.addIssue(
                    caseID: id, kind: kind, description: description, buyerConfirmedReceipt: buyerConfirmedReceipt,
                    durableWithinSixMonths: durableWithinSixMonths, by: staff, at: now)
            }
            print("#\(id): issue #\(issue.id), burden on the \(issue.burden.rawValue): \(issue.burdenRule.reason.en)")
        }
    }

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Link an item of evidence to a point in dispute.")
        @Argument(help: "The case number.") var id: Int64
        @Argument(help: "The issue number.") var issue: Int64
        @Argument(help: "The evidence number.") var evidence: Int64
        @OptionGroup var options: WorkOptions

        func run() throws {
            try options.perform { db, staff, now in
                try db.linkEvidence(
                    caseID: id, issueID: issue, evidenceID: evidence, by: staff, at: now)
            }
            print("#\(id): evidence #\(evidence) linked to issue #\(issue)")
        }
    }

    struct Find: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the finding on a point in dispute.")
        @Argument(help: "The case number.") var id: Int64
        @Argument(help: "The issue number.") var issue: Int64
        @Option(help: "proven, not_proven or undetermined.") var finding: Finding
        @Option(help: "The reasoning.") var note: String
        @OptionGroup var options: WorkOptions

        func run() throws {
            try options.perform { db, staff, now in
                try db.recordFinding(
                    caseID: id, issueID: issue, finding: finding, note: note, by: staff, at: now)
            }
            print("#\(id): issue #\(issue) \(finding.rawValue)")
        }
    }
}

/// `casedesk case urge ID --party P --message TEXT`.
struct CaseUrgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "urge", abstract: "Urge a slow party; goes on the record.")
    @Argument(help: "The case number.") var id: Int64
    @Option(help: "buyer or merchant.") var party: PartyRole
    @Option(help: "What they are urged to do.") var message: String
    @OptionGroup var options: WorkOptions

    func run() throws {
        try options.perform { db, staff, now in
            try db.urge(caseID: id, party: party, message: message, by: staff, at: now)
        }
        print("#\(id): urged the \(party.rawValue)")
    }
}

/// `casedesk case note ID TEXT`.
struct CaseNoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to the case record.")
    @Argument(help: "The case number.") var id: Int64
    @Argument(help: "The note.") var text: String
    @OptionGroup var options: WorkOptions

    func run() throws {
        try options.perform { db, staff, now in try db.addNote(caseID: id, text: text, by: staff, at: now) }
        print("#\(id): note added")
    }
}

extension CaseFlag: ExpressibleByArgument {}

/// `casedesk case priority ID LEVEL`.
struct CasePriorityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "priority", abstract: "Set a case's priority level: 1 (most urgent) to 4.")
    @Argument(help: "The case number.") var id: Int64
    @Argument(help: "1, 2, 3 or 4.") var level: Int
    @OptionGroup var options: WorkOptions

    func run() throws {
        let updated = try options.perform { db, staff, now in
            try db.setPriority(caseID: id, level: level, by: staff, at: now)
        }
        print("#\(id): priority \(updated.priority)")
    }
}

/// `casedesk case flag ID FLAG [--remove]`.
struct CaseFlagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flag",
        abstract: "Flag a case (\(CaseFlag.allCases.map(\.rawValue).joined(separator: ", "))), or --remove the flag.")
    @Argument(help: "The case number.") var id: Int64
    @Argument(help: "The flag.") var flag: CaseFlag
    @Flag(help: "Take the flag off.") var remove = false
    @Option(help: "Why the flag comes off (required to lift platform_interest, which only a supervisor may).")
    var reason: String?
    @OptionGroup var options: WorkOptions

    func run() throws {
        let updated = try options.perform { db, staff, now in
            try db.setFlag(flag, on: !remove, reason: reason, caseID: id, by: staff, at: now)
        }
        print("#\(id): flags \(updated.flags.sorted().map(\.rawValue).joined(separator: ", "))")
    }
}
