import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTUI
import CaseTraining
import Foundation
import RulePacks
import Testing

@Suite("Training mode at the console (issue 7)")
struct TrainingConsoleTests {
    static let rules: RulePackCatalog = {
        do { return try RulePackCatalog.shipped() } catch { return RulePackCatalog([]) }
    }()

    /// A console in training mode on a scenario's sandbox, with a score book in a temporary file.
    func trainingDriver(
        _ id: String, language: Language = .en, width: Int = 80, height: Int = 24, book: (any ScoreKeeping)? = nil
    ) throws -> (AppDriver, TrainingSandbox) {
        let scenario = try ScenarioLibrary.scenario(id, language: language)
        let sandbox = try TrainingSandbox(
            scenario: scenario, trainee: "trainee", rules: Self.rules, store: try CaseDatabase.inMemory())
        var state = AppState(width: width, height: height, now: sandbox.now(), databaseLabel: "sandbox")
        state.rules = Self.rules
        state.staff = sandbox.trainee
        state.language = language
        let driver = AppDriver(
            state: state, database: sandbox.database, clock: { sandbox.now() },
            training: TrainingSession(sandbox: sandbox, book: book))
        return (driver, sandbox)
    }

    func press(_ keys: String, _ driver: inout AppDriver) throws {
        for key in try KeyNotation.parse(keys) { driver.press(key) }
    }

    /// Presses = and returns the score sheet (empty, with the issue recorded, when none opened).
    func finish(_ driver: inout AppDriver, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try press("=", &driver)
        guard case .score(let sheet) = driver.state.document else {
            Issue.record("no score sheet: \(driver.state.message ?? "")", sourceLocation: sourceLocation)
            return ""
        }
        return sheet
    }

    /// Moves the open step menu to `event` (a bounded walk) and takes it.
    func choose(_ event: LifecycleEvent, _ driver: inout AppDriver) throws {
        for _ in 0..<10 where driver.state.stepMenu.map({ $0.events[$0.selected] != event }) == true {
            driver.press(.char("j"))
        }
        try press("<Enter>", &driver)
    }

    @Test func theModeAndTheStepNoteAreAlwaysOnScreen() throws {
        var (driver, _) = try trainingDriver("withdrawal")
        let first = driver.render().text
        #expect(first.contains("TRAINING"))
        #expect(first.contains("Step 1/3  Take the case (T)"))
        #expect(first.contains("> time") && first.contains("= score"))
        // Over a document and a form the status bar and banner stay.
        try press("B", &driver)
        let brief = driver.render().text
        #expect(brief.contains("Training brief · withdrawal") && brief.contains("TRAINING"))
        #expect(brief.contains("▶ Step 1."))
        try press("<Esc>]", &driver)
        #expect(driver.render().text.contains("Step 2/3  Advance time (>)"))
        try press("[[", &driver)
        #expect(driver.state.training?.step == 0)
        assertSnapshot(driver.render().text, named: "training-80x24")
    }

    @Test func theModeShowsOnTheTooSmallScreenToo() throws {
        var (driver, _) = try trainingDriver("withdrawal")
        driver.send(.resize(width: 40, height: 10))
        let text = driver.render().text
        #expect(text.hasPrefix("TRAINING") && text.contains("Terminal too small"))
    }

    @Test func theChineseBannerAt80x24() throws {
        let (driver, _) = try trainingDriver("counterfeit-crpl55", language: .zh)
        let text = driver.render().text
        #expect(text.contains("培训模式") && text.contains("步骤 1/5"))
        assertSnapshot(text, named: "training-zh-80x24")
    }

    @Test func advancingTimeBringsThePartiesEventsAndTheDeadlines() throws {
        var (driver, sandbox) = try trainingDriver("withdrawal")
        try press("T>", &driver)
        #expect(driver.state.message?.contains("the buyer: withdraw") == true)
        #expect(driver.state.openCase?.stage == .withdrawn)
        #expect(driver.state.now == Scenario.start.addingTimeInterval(6 * 3600))
        #expect(sandbox.pendingEvents.isEmpty)
        try press(">", &driver)
        #expect(driver.state.message == "nothing more is scheduled")
    }

    @Test func aTraineeRulesFromTheKeyboardAndSeesAFullScore() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scores-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let book = try ScoreBook(path: directory.appendingPathComponent("scores.sqlite").path)
        var (driver, _) = try trainingDriver("no-reason-excluded", width: 100, height: 30, book: book)
        try press("T", &driver)
        // The walkthrough follows the trainee: taking the case was step 1.
        #expect(driver.state.training?.step == 1)
        // The merchant's answer first, then the step.
        try press(">", &driver)
        #expect(driver.state.message?.contains("the merchant: respond") == true)
        try press("A", &driver)
        #expect(driver.state.stepMenu?.events.contains(.decideOnRecord) == true)
        try choose(.decideOnRecord, &driver)
        #expect(driver.state.openCase?.stage == .decision)
        #expect(driver.state.training?.step == 2)
        try press("J<Left>", &driver)
        #expect(driver.state.form?.value("Outcome") == "claim_rejected")
        try press("<Tab><Tab><Tab>Engraved to order: excluded by CRPL-25.<Tab>CRPL-25<Tab><Right><Enter>", &driver)
        #expect(driver.state.form == nil, "\(driver.state.form?.error ?? "")")
        #expect(driver.state.training?.step == 3)
        let sheet = try finish(&driver)
        #expect(sheet.hasPrefix("Score: 100/100"))
        #expect(sheet.contains("No difference from the reference."))
        #expect(driver.render().text.contains("Score · no-reason-excluded"))
        let kept = try book.records()
        #expect(kept.map(\.percent) == [100] && kept.first?.trainee == "trainee")
        // Finishing again keeps a second attempt, and the sheet lists the first.
        try press("<Esc>", &driver)
        let again = try finish(&driver)
        #expect(again.contains("Earlier attempts:") && again.contains(" 100/100"))
        #expect(try book.records().count == 2)
    }

    @Test func aSupervisorOverturnsAnAppealWithANewFindingFromTheKeyboard() throws {
        var (driver, sandbox) = try trainingDriver("appeal-overturn", width: 100, height: 30)
        // The buyer's appeal arrives with its video when time moves on.
        try press(">", &driver)
        #expect(driver.state.openCase?.stage == .appealReview)
        #expect(driver.state.evidence.contains { $0.kind == .video })
        #expect(driver.state.training?.step == 1)
        try press("J", &driver)
        #expect(driver.state.form?.kind == .appeal)
        #expect(driver.state.form?.value("Finding #1") == Form.keepFinding)
        try press("<Right><Right><Tab>The uncut video shows the crack as the seal is cut.<Tab><Right>", &driver)
        #expect(driver.state.form?.value("New outcome") == "refund")
        try press("<Tab><Tab><Tab>CC-577 CC-582<Tab><Right><Tab><Right>", &driver)
        #expect(driver.state.form?.value("Finding #1") == "proven")
        try press("<Enter>", &driver)
        #expect(driver.state.form == nil, "\(driver.state.form?.error ?? "")")
        let ruling = try #require(try sandbox.database.decisions(caseID: sandbox.caseID).inForce)
        #expect(ruling.draft.findings.map(\.finding) == [.proven])
        #expect(ruling.draft.findings.first?.note == "The uncut video shows the crack as the seal is cut.")
        #expect(try finish(&driver).hasPrefix("Score: 100/100"))
    }

    /// A score book whose disk filled after the session opened it.
    final class FullScoreBook: ScoreKeeping {
        let path = "/var/lib/casedesk/scores.sqlite"
        func record(_ record: ScoreRecord) throws { throw StoreError.diskFull(path: path) }
        func records(trainee: String?) throws -> [ScoreRecord] { [] }
        func explain(_ error: any Error) -> StoreError? { error as? StoreError }
    }

    @Test func aScoreBookThatCannotKeepTheScoreStillShowsIt() throws {
        var (driver, _) = try trainingDriver("withdrawal", book: FullScoreBook())
        try press("T>", &driver)
        let sheet = try finish(&driver)
        #expect(sheet.hasPrefix("Score: 100/100"))
        #expect(
            sheet.contains("This score could not be kept: the disk holding /var/lib/casedesk/scores.sqlite is full"))
    }

    @Test func aWrongAnswerIsExplainedOnTheScoreSheet() throws {
        var (driver, _) = try trainingDriver("merchant-silence", language: .zh)
        // Stepping in before the merchant's time is up is the mistake this scenario teaches.
        try press("A", &driver)
        try choose(.platformIntervenes, &driver)
        if driver.state.confirmation != nil { try press("<Tab><Enter>", &driver) }
        let sheet = try finish(&driver)
        #expect(sheet.hasPrefix("得分：0/100"))
        #expect(sheet.contains("案件应处于「执行中」阶段，实际为「客服介入」"))
        #expect(sheet.contains("参考答案："))
    }

    @Test func trainingKeysDoNothingOutsideTraining() throws {
        var driver = try exampleDriver(width: 100, height: 30)
        let before = driver.state.now
        try press(">", &driver)
        #expect(driver.state.now == before)
        #expect(driver.state.message?.contains("only in training") == true)
        #expect(!driver.render().text.contains("TRAINING"))
        let help = CommandTable.available(in: .pane(.queue), for: .admin).map(\.id)
        #expect(!help.contains(.advanceTime) && help.contains(.replay))
    }

    @Test func replayStepsThroughACaseAsItStood() throws {
        let (_, sandbox) = try trainingDriver("counterfeit-crpl55")
        try sandbox.playReference()
        var state = AppState(width: 100, height: 30, now: sandbox.now(), databaseLabel: "sandbox")
        state.rules = Self.rules
        state.staff = sandbox.trainee
        var driver = AppDriver(state: state, database: sandbox.database, clock: { sandbox.now() })
        try press("Y", &driver)
        guard case .replay(let history, 0) = driver.state.document else {
            Issue.record("no replay: \(driver.state.message ?? "")")
            return
        }
        #expect(history.frame(0).item.stage == .intervention && history.frame(0).item.assignee == nil)
        #expect(driver.render().text.contains("Replay #1 · 1/\(history.count)"))
        try press("]]", &driver)
        guard case .replay(_, let index) = driver.state.document else { return }
        #expect(index == 2)
        let text = driver.render().text
        #expect(text.contains("Step 3/\(history.count)"))
        try press("[[[[", &driver)
        guard case .replay(_, let back) = driver.state.document else { return }
        #expect(back == 0)
    }
}

extension TrainingConsoleTests {
    @Test func helpInTrainingListsTheTrainingKeysAt80x24() throws {
        var (driver, _) = try trainingDriver("withdrawal")
        try press("?", &driver)
        let text = driver.render().text
        // The training keys first; the rest on the next page (j), and j/k say so.
        for key in [">", "]", "[", "B", "="] {
            #expect(text.contains("│ \(key)          Training"), "help's first page lacks \(key)")
        }
        #expect(text.contains("j/k page 1/2"))
        assertSnapshot(text, named: "training-help-80x24")
        try press("j", &driver)
        let second = driver.render().text
        #expect(second.contains("j/k page 2/2") && second.contains("Y          Replay"))
        try press("jjj", &driver)
        #expect(driver.state.helpPage == 1)
        try press("k?", &driver)
        #expect(!driver.state.showHelp)
    }
}

@Suite("Training handouts (issue 7)")
struct HandoutTests {
    @Test(arguments: try ScenarioLibrary.ids(), Language.allCases)
    func everyScenarioPrintsAHandoutWithItsKeyScreens(id: String, language: Language) throws {
        let scenario = try ScenarioLibrary.scenario(id, language: language)
        let text = try Handout.markdown(scenario, rules: TrainingConsoleTests.rules, store: try CaseDatabase.inMemory())
        #expect(text.hasPrefix("# \(scenario.title)\n"))
        let screens = text.components(separatedBy: "```text\n").count - 1
        #expect(screens == 1 + scenario.steps.filter { !$0.actions.isEmpty }.count)
        for note in scenario.steps.map(\.note) { #expect(text.contains(note)) }
        #expect(text.contains(scenario.explanation))
        // Every screen shows the mode and fits 80 columns.
        #expect(text.contains(language == .zh ? "培训模式" : "TRAINING"))
        for block in text.components(separatedBy: "```text\n").dropFirst() {
            let lines = block.components(separatedBy: "\n```").first?.split(separator: "\n") ?? []
            #expect(lines.count <= 24 && lines.allSatisfy { DisplayWidth.standard.of(String($0)) <= 80 })
        }
    }
}
