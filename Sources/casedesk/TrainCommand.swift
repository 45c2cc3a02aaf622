import ArgumentParser
import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTUI
import CaseTraining
import Foundation

/// `casedesk train`: the console in training mode on a sandbox, and the trainer's tools.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Training: play a scenario on a sandbox, print handouts, list scores, replay a case.",
        discussion: """
            `casedesk train [SCENARIO]` opens the console in training mode on a new sandbox database \
            (never the production one). `casedesk train --list` lists the scenarios.
            """,
        subcommands: [
            TrainPlayCommand.self, HandoutCommand.self, ScoresCommand.self, ReplayCommand.self, CheckCommand.self,
        ],
        defaultSubcommand: TrainPlayCommand.self)
}

/// Where trainees' scores are kept: --scores, $CASEDESK_SCORES, else beside the default database.
struct ScoreOptions: ParsableArguments {
    @Option(help: "The score book (default: $CASEDESK_SCORES, else training-scores.sqlite beside the case database).")
    var scores: String?

    func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let scores, !scores.isEmpty { return scores }
        if let path = environment["CASEDESK_SCORES"], !path.isEmpty { return path }
        let database = DatabaseOptions.defaultPath(environment: environment)
        return ((database as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("training-scores.sqlite")
    }

    func open() throws -> ScoreBook {
        let path = path()
        return try storeCall { try ScoreBook(path: path) }
    }
}

/// Reads a scenario from the library by id, or from a file when given a path ending in .yaml.
func loadScenario(_ name: String, language: Language) throws -> Scenario {
    do {
        if name.hasSuffix(".yaml") { return try ScenarioLibrary.load(path: name, language: language) }
        return try ScenarioLibrary.scenario(name, language: language)
    } catch let error as ScenarioError {
        throw CLIError(error.description)
    }
}

/// `casedesk train [SCENARIO]` and `casedesk train --list`.
struct TrainPlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play", abstract: "Play a scenario at the console (the default; --list lists them).")

    @Argument(help: "The scenario's id (see --list), or a scenario file (.yaml). Default: the first.")
    var scenario: String?

    @Flag(help: "List the scenarios, one per line: id, then title.")
    var list = false

    @Option(name: .customLong("as"), help: "The trainee's name (default: the operating-system user).")
    var trainee: String?

    @Option(help: "Keep the sandbox at this new file instead of a temporary one removed on exit.")
    var sandbox: String?

    @OptionGroup var scores: ScoreOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let language = display.language
        if list {
            for item in try ScenarioLibrary.all(language) { print("\(item.id)\t\(item.title)") }
            return
        }
        let chosen = try loadScenario(try scenario ?? ScenarioLibrary.ids().first ?? "", language: language)
        let rules = try loadRules()
        let book = try scores.open()
        let temporary = sandbox == nil ? try makeTemporaryDirectory() : nil
        defer { if let temporary { try? FileManager.default.removeItem(atPath: temporary) } }
        let path = sandbox ?? ((temporary ?? "") as NSString).appendingPathComponent("sandbox.sqlite")
        let session: TrainingSandbox
        do {
            session = try TrainingSandbox(
                scenario: chosen, trainee: trainee ?? ProcessIdentity.login, rules: rules,
                store: try sandboxStore(path),
                clock: Date.init)
        } catch let error as ScenarioError {
            throw CLIError(error.description)
        }
        let outcome: ConsoleLoop.Outcome
        do {
            outcome = try ConsoleLoop.run(
                database: session.database, rules: rules, staff: session.trainee, measure: display.measure,
                language: language, keymap: try display.keymap(),
                initialMessage: language == .zh
                    ? "培训：\(chosen.title)（B 查看说明，> 推进时间，= 评分）"
                    : "Training: \(chosen.title) (B brief, > advance time, = score)",
                databaseLabel: "sandbox", useColor: display.useColor, clock: { session.now() },
                training: TrainingSession(sandbox: session, book: book))
        } catch let error as NcursesTerminal.StartError {
            throw CLIError(error.description)
        }
        if case .signal(let number) = outcome { throw ExitCode(128 + number) }
    }

    /// A private directory for the sandbox, marked with this process's id; sandboxes left by
    /// training sessions that were killed (their process is gone) are removed first.
    func makeTemporaryDirectory() throws -> String {
        let files = FileManager.default
        let temporary = files.temporaryDirectory
        for name in (try? files.contentsOfDirectory(atPath: temporary.path)) ?? []
        where name.hasPrefix("casedesk-training-") {
            let directory = temporary.appendingPathComponent(name)
            guard let text = try? String(contentsOf: directory.appendingPathComponent("pid"), encoding: .utf8),
                let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)),
                kill(pid, 0) != 0 && errno == ESRCH
            else { continue }
            try? files.removeItem(at: directory)
        }
        let base = temporary.appendingPathComponent("casedesk-training-\(UUID().uuidString)")
        try files.createDirectory(at: base, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try "\(getpid())\n".write(to: base.appendingPathComponent("pid"), atomically: true, encoding: .utf8)
        return base.path
    }
}

/// `casedesk train handout SCENARIO [--lang zh|en]`.
struct HandoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout", abstract: "Print a scenario's handout (notes and key screens) as Markdown.")

    @Argument(help: "The scenario's id, or a scenario file (.yaml).")
    var scenario: String

    @OptionGroup var display: DisplayOptions

    @Option(help: "The screen size of the key screens, COLUMNSxROWS.")
    var size: String = "80x24"

    func run() throws {
        let dimensions = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard dimensions.count == 2, (60...300).contains(dimensions[0]), (16...200).contains(dimensions[1]) else {
            throw ValidationError("--size must look like 80x24 (60–300 columns, 16–200 rows), not '\(size)'")
        }
        let chosen = try loadScenario(scenario, language: display.language)
        do {
            print(
                try Handout.markdown(
                    chosen, rules: try loadRules(), store: try sandboxStore(nil), measure: display.measure,
                    width: dimensions[0], height: dimensions[1]))
        } catch let error as ScenarioError {
            throw CLIError(error.description)
        }
    }
}

/// `casedesk train scores [--trainee NAME] [--json]`.
struct ScoresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scores", abstract: "List trainees' scores, oldest first, with what each got wrong.")

    @Option(help: "Only this trainee.")
    var trainee: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Flag(help: "One line per trainee and scenario: attempts, best and latest score.")
    var summary = false

    @OptionGroup var scores: ScoreOptions

    func run() throws {
        // Listing never creates a score book: a missing one simply has no scores yet.
        let records =
            FileManager.default.fileExists(atPath: scores.path())
            ? try storeCall { try scores.open().records(trainee: trainee) } : []
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(records), as: UTF8.self))
            return
        }
        if records.isEmpty {
            print("No scores yet: a trainee's score is kept when they finish a scenario (= in `casedesk train`).")
            return
        }
        if summary {
            for line in ScoreSummary.lines(records) { print(line) }
            return
        }
        for record in records {
            print("\(formatInstant(record.finishedAt))  \(record.trainee)  \(record.scenario)  \(record.percent)/100")
            for difference in record.differences { print("    \(difference)") }
        }
    }
}

/// `casedesk train replay CASE [--step N]`: a case's history from its audit trail, as text.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Print a case step by step from its audit trail, as it stood at each step (read-only).")

    @Argument(help: "The case number.")
    var caseID: Int64

    @Option(help: "Only this step (1-based).")
    var step: Int?

    @Option(help: "Columns to lay the case out in.")
    var width: Int = 80

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let session = try database.open(now: Date(), examples: false)
        let history = try storeCall { try session.database.replay(caseID: caseID) }
        guard history.count > 0 else { throw CLIError("case #\(caseID) has no audit records") }
        if let step, !(1...history.count).contains(step) {
            throw ValidationError("--step must be between 1 and \(history.count) for case #\(caseID)")
        }
        var state = AppState(width: width, height: 24, now: Date(), databaseLabel: "")
        state.language = display.language
        state.measure = display.measure
        state.rules = try loadRules()
        for index in 0..<history.count where step == nil || index + 1 == step {
            print(ReplayText.text(history.frame(index), state: state, width: max(40, width)))
            print("")
        }
    }
}

/// `casedesk train check FILE.yaml…`: a trainer's scenario played through in both languages.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Play scenarios (ids or .yaml files) through in both languages; each must score 100 for its reference.")

    @Argument(help: "Scenario ids or files; default: every shipped scenario.")
    var scenarios: [String] = []

    func run() throws {
        let rules = try loadRules()
        var failed = 0
        for name in try scenarios.isEmpty ? ScenarioLibrary.ids() : scenarios {
            for language in Language.allCases {
                do {
                    let scenario = try loadScenario(name, language: language)
                    let sandbox = try TrainingSandbox(
                        scenario: scenario, trainee: "trainee", rules: rules, store: try sandboxStore(nil))
                    try sandbox.playReference()
                    let score = try sandbox.score()
                    print("\(scenario.id) [\(language.rawValue)]: \(score.percent)/100")
                    for difference in score.differences {
                        print("    [\(difference.area.rawValue)] \(difference.explanation.text(language))")
                    }
                    if score.percent < 100 { failed += 1 }
                } catch let error as ScenarioError {
                    print("\(name) [\(language.rawValue)]: \(error.description)")
                    failed += 1
                } catch let error as CLIError {
                    print("\(name) [\(language.rawValue)]: \(error.description)")
                    failed += 1
                }
            }
        }
        if failed > 0 { throw CLIError("\(failed) scenario play\(failed == 1 ? "" : "s") did not score 100") }
    }
}

/// A new SQLite store for a sandbox: a new file, or memory; an existing file is refused.
func sandboxStore(_ path: String?) throws -> any CaseStore {
    let store: CaseDatabase
    if let path {
        if FileManager.default.fileExists(atPath: path) {
            throw ScenarioError(description: "\(path) already exists: a sandbox always starts from a new file")
        }
        store = try CaseDatabase(path: path)
    } else {
        store = try CaseDatabase.inMemory()
    }
    // A sandbox runs on simulated time, so a kept one opens with --now and a free --as.
    try store.declareSimulated()
    return store
}
