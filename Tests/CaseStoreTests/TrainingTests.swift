import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import Foundation
import RulePacks
import StoreTestSupport
import Testing

@testable import CaseTraining

/// A sandbox in memory for `scenario`, its clock standing still between advances.
func memorySandbox(_ scenario: Scenario) throws -> TrainingSandbox {
    try TrainingSandbox(
        scenario: scenario, trainee: "trainee", rules: TrainingScenarioTests.rules, store: try CaseDatabase.inMemory())
}

/// The shipped scenario library, played headless through real sandboxes.
@Suite struct TrainingScenarioTests {
    static let rules: RulePackCatalog = {
        do { return try RulePackCatalog.shipped() } catch { return RulePackCatalog([]) }
    }()

    @Test func everyScenarioHasTimedPartyEvents() throws {
        for scenario in try ScenarioLibrary.all(.en) {
            #expect(!scenario.events.isEmpty, "\(scenario.id) has no party event")
        }
    }

    @Test func theLibraryCoversTheMainPathsInBothLanguages() throws {
        let ids = try ScenarioLibrary.ids()
        #expect(ids.count >= 12)
        for required in [
            "merchant-silence", "no-reason-excluded", "counterfeit-crpl55", "transit-damage", "description-mismatch",
            "unsafe-food", "platform-observer", "appeal-overturn", "failed-execution", "suspension-litigation",
            "referral-large-claim", "withdrawal",
        ] {
            #expect(ids.contains(required), "missing scenario \(required)")
        }
        for language in Language.allCases {
            let scenarios = try ScenarioLibrary.all(language)
            #expect(scenarios.map(\.id) == ids, "each file's id matches its name")
            for scenario in scenarios {
                let hasChinese = scenario.title.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
                #expect(hasChinese == (language == .zh), "\(scenario.id) title in \(language)")
                #expect(!scenario.steps.isEmpty && !scenario.explanation.isEmpty)
            }
        }
    }

    @Test(arguments: try ScenarioLibrary.ids(), Language.allCases)
    func everyScenarioPlaysThroughAndScoresFullMarks(id: String, language: Language) throws {
        let scenario = try ScenarioLibrary.scenario(id, language: language)
        let sandbox = try memorySandbox(scenario)
        try sandbox.playReference()
        #expect(sandbox.refusals.map(\.en) == [], "\(id): every party event arrives")
        #expect(sandbox.pendingEvents.isEmpty, "\(id): every party event is played")
        let score = try sandbox.score()
        #expect(score.differences.map(\.explanation.en) == [], "\(id)")
        #expect(score.percent == 100)
        #expect(try sandbox.database.verify().problems == [])
    }

    @Test func aWrongRulingScoresLowerWithEachDifferenceNamed() throws {
        let scenario = try ScenarioLibrary.scenario("counterfeit-crpl55", language: .en)
        let sandbox = try memorySandbox(scenario)
        // Everything up to the ruling as the reference does it, then a ruling that misses the fraud.
        for step in scenario.steps.prefix(3) { for action in step.actions { try sandbox.perform(action) } }
        let issue = try #require(try sandbox.database.issues(caseID: sandbox.caseID).first)
        try sandbox.database.submitRuling(
            caseID: sandbox.caseID,
            draft: RulingDraft(
                remedies: [OrderedRemedy(remedy: "refund", amount: Money(fen: 50_000))],
                findings: [IssueFinding(issueID: issue.id, finding: .notProven, note: "no proof")],
                reasons: "half the price back", citations: ["CC-577"], declaresNoConflict: true),
            by: sandbox.trainee, at: sandbox.now(), rules: Self.rules)
        let score = try sandbox.score()
        #expect(score.percent < 50)
        let named = score.differences.map(\.explanation.en)
        #expect(named.contains("the ruling should order 'fraud_damages'; it does not"))
        #expect(named.contains("the ruling should order 'return_and_refund'; it does not"))
        #expect(named.contains("the ruling orders 'refund', which the reference does not"))
        #expect(named.contains("missing citation CRPL-55"))
        #expect(named.contains("citation CC-577 does not apply here"))
        #expect(named.contains { $0.hasPrefix("'return_and_refund' should be ¥899.00") })
        #expect(named.contains("the point 'counterfeit' is found not_proven; the reference finds it proven"))
        #expect(Set(score.differences.map(\.area)) == Set(ScoreArea.allCases))
    }

    @Test func intervening_early_costsTheOutcome() throws {
        let scenario = try ScenarioLibrary.scenario("merchant-silence", language: .zh)
        let sandbox = try memorySandbox(scenario)
        try sandbox.perform(.take)
        try sandbox.perform(.step(.platformIntervenes))
        try sandbox.advanceToNext()
        let score = try sandbox.score()
        #expect(score.percent == 0)
        #expect(score.differences.map(\.explanation.zh).contains("案件记录中应有「merchant_silent」这一步，但没有"))
    }

    @Test func timeAdvancesToEachEventAndDeadlineInTurn() throws {
        let scenario = try ScenarioLibrary.scenario("counterfeit-crpl55", language: .en)
        let sandbox = try memorySandbox(scenario)
        #expect(sandbox.now() == Scenario.start)
        let first = try #require(try sandbox.nextMoment())
        #expect(first.at == Scenario.start.addingTimeInterval(3 * 3600))
        let happened = try sandbox.advanceToNext()
        #expect(
            happened.map(\.en) == [
                "time → 2026-11-02T04:00:00Z: the buyer acts (submit evidence)", "the buyer: submit evidence",
            ])
        #expect(try sandbox.database.evidence(caseID: sandbox.caseID).contains { $0.kind == .brandAuthentication })
        try sandbox.advanceToNext()
        #expect(sandbox.pendingEvents.isEmpty)
        // Then the intervention deadline: decided on the record by the sweeper.
        let last = try sandbox.advanceToNext()
        #expect(
            last.map(\.en) == [
                "time → 2026-11-04T01:00:01Z: the intervention deadline passes", "deadline passed: decide_on_record",
            ])
        #expect(try sandbox.database.fetchCase(id: sandbox.caseID)?.stage == .decision)
        // The decision stage has a deadline but no default: time reaches it once, then nothing is scheduled.
        #expect(try sandbox.advanceToNext().first?.en.hasSuffix("the decision deadline passes") == true)
        #expect(try sandbox.advanceToNext().map(\.en) == ["nothing more is scheduled"])
    }

    @Test func aSandboxNeverPlaysOnAStoreThatHoldsCases() throws {
        let directory = try TemporaryDirectory()
        let store = try CaseDatabase(path: directory.path("cases.sqlite"))
        try store.loadExamplesIfEmpty(now: pinnedNow)
        let scenario = try ScenarioLibrary.scenario("withdrawal", language: .en)
        #expect(throws: ScenarioError.self) {
            try TrainingSandbox(scenario: scenario, trainee: "t", rules: Self.rules, store: store)
        }
    }

    @Test func theTraineeCannotTakeANameTheScenarioUses() throws {
        let scenario = try ScenarioLibrary.scenario("appeal-overturn", language: .en)
        for name in ["lin.mei", "platform"] {
            #expect(throws: ScenarioError.self) {
                try TrainingSandbox(
                    scenario: scenario, trainee: name, rules: Self.rules, store: try CaseDatabase.inMemory())
            }
        }
    }

    @Test func aBrokenScenarioFileIsNamedWithItsProblem() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("99-broken.yaml")
        try "id: broken\ntitle: {en: only english}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try ScenarioLibrary.load(path: path, language: .en)
        } throws: { error in
            "\(error)" == "99-broken.yaml: .title: needs both en and zh"
        }
    }

    /// Issue 14, problem 4: a few hundred bytes of nested aliases are refused, not expanded into gigabytes.
    @Test func aYAMLAliasBombIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("99-bomb.yaml")
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        lines.append("id: bomb")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try String(contentsOfFile: path, encoding: .utf8).utf8.count < 700)
        #expect {
            try ScenarioLibrary.load(path: path, language: .en)
        } throws: { error in
            "\(error)".hasPrefix("99-bomb.yaml: the YAML expands to more than")
        }
    }

    @Test func aScenarioCaseIsACaseDocumentAndItsProblemsNameTheirPath() throws {
        let directory = try TemporaryDirectory()
        let shipped = try String(
            contentsOfFile: try #require(ScenarioLibrary.files().first { $0.id == "withdrawal" }).path, encoding: .utf8)
        #expect(shipped.contains("created_at: now-10h"))
        let path = directory.path("99-broken.yaml")
        try shipped.replacingOccurrences(of: "created_at: now-10h", with: "created_at: ten hours ago")
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect {
            try ScenarioLibrary.load(path: path, language: .zh)
        } throws: { error in
            "\(error)" == "99-broken.yaml: .case.created_at: must be \(FileTime.notation)"
        }
    }
}

@Suite struct ReplayAndScoreBookTests {
    @Test func aClosedExampleCaseReplaysFromItsTrailOnAReadOnlyFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("cases.sqlite")
        do {
            let database = try CaseDatabase(path: path)
            _ = try database.authenticate("admin", at: pinnedNow)
            try database.loadExamplesIfEmpty(now: pinnedNow)
        }
        let database = try CaseDatabase(path: path, readOnly: true)
        let closed = try #require(try database.queuePage(limit: 100).first { $0.stage == .closed })
        let history = try database.replay(caseID: closed.id)
        let frames = (0..<history.count).map(history.frame)
        let trail = try database.auditTrail(caseID: closed.id)
        #expect(frames.count == trail.count && frames.count > 2)
        #expect(frames.last?.item.stage == .closed)
        // Before the ruling there was none; findings appear with it.
        let ruled = try #require(frames.firstIndex { $0.entry.action == "ruling" })
        #expect(frames[ruled - 1].decisions.rulings.isEmpty && frames[ruled].decisions.rulings.count == 1)
        #expect(frames[ruled - 1].issues.allSatisfy { $0.finding == nil })
        #expect(frames[ruled].issues.contains { $0.finding != nil })
        // Evidence grows with time, never ahead of it.
        for frame in frames { #expect(frame.evidence.allSatisfy { $0.submittedAt <= frame.entry.at }) }
    }

    @Test func theStagesOfAPlayedScenarioReplayInOrder() throws {
        let scenario = try ScenarioLibrary.scenario("counterfeit-crpl55", language: .en)
        let sandbox = try memorySandbox(scenario)
        try sandbox.playReference()
        let history = try sandbox.database.replay(caseID: sandbox.caseID)
        let frames = (0..<history.count).map(history.frame)
        var stages: [Stage] = []
        for frame in frames where stages.last != frame.item.stage { stages.append(frame.item.stage) }
        #expect(stages == [.intervention, .evidence, .decision])
        let take = try #require(frames.first { $0.entry.action == "take" })
        #expect(take.item.assignee == "trainee")
        #expect(frames.first?.item.assignee == nil)
        let evidenceWindow = try #require(frames.first { $0.entry.action == "request_evidence" })
        #expect(evidenceWindow.item.stageDeadline == Scenario.start.addingTimeInterval(3 * 86_400))
    }

    @Test func scoresAreKeptPerTraineeAcrossOpenings() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("nested/scores.sqlite")
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        do {
            let book = try ScoreBook(path: path)
            try book.record(
                ScoreRecord(
                    trainee: "xiao.li", scenario: "withdrawal", language: .zh, percent: 60,
                    differences: ["[outcome] 案件应处于「已撤回」阶段"], finishedAt: at))
            try book.record(
                ScoreRecord(
                    trainee: "amy", scenario: "unsafe-food", language: .en, percent: 100, differences: [],
                    finishedAt: at.addingTimeInterval(60)))
        }
        let book = try ScoreBook(path: path)
        #expect(try book.records().map(\.trainee) == ["xiao.li", "amy"])
        #expect(try book.records(trainee: "xiao.li").first?.differences == ["[outcome] 案件应处于「已撤回」阶段"])
        #expect(try book.records(trainee: "nobody").isEmpty)
        try book.record(
            ScoreRecord(
                trainee: "xiao.li", scenario: "withdrawal", language: .zh, percent: 100, differences: [],
                finishedAt: at.addingTimeInterval(120)))
        #expect(
            ScoreSummary.lines(try book.records()) == [
                "amy  unsafe-food  attempts 1  best 100  latest 100",
                "xiao.li  withdrawal  attempts 2  best 100  latest 100",
            ])
    }
}

@Suite struct WalkthroughProgressTests {
    @Test(arguments: try ScenarioLibrary.ids())
    func theWalkthroughFollowsTheReferenceStepByStep(id: String) throws {
        let scenario = try ScenarioLibrary.scenario(id, language: .en)
        let sandbox = try memorySandbox(scenario)
        var done: [Int] = [try sandbox.stepsDone()]
        try sandbox.playReference { _ in done.append(try sandbox.stepsDone()) }
        // Never backwards, and past every step with actions by the end.
        #expect(done == done.sorted(), "\(id): \(done)")
        let lastWithActions = try #require(scenario.steps.lastIndex { !$0.actions.isEmpty })
        #expect(done.last ?? 0 > lastWithActions, "\(id): \(done)")
    }

    @Test func advancingTimeAloneCompletesAWaitingStep() throws {
        let scenario = try ScenarioLibrary.scenario("withdrawal", language: .en)
        let sandbox = try memorySandbox(scenario)
        #expect(try sandbox.stepsDone() == 0)
        try sandbox.perform(.take)
        #expect(try sandbox.stepsDone() == 1)
        // The reference waits 7 hours; advancing stops at the buyer's withdrawal at 6, and nothing follows it.
        try sandbox.advanceToNext()
        #expect(try sandbox.stepsDone() == 2)
    }
}

extension TrainingScenarioTests {
    /// Every scenario's reference play, then its result spoiled in each area the reference covers:
    /// the score drops and every spoilt point is named.
    @Test(arguments: try ScenarioLibrary.ids())
    func aSpoiltAnswerScoresLowerWithEachDifferenceNamed(id: String) throws {
        let scenario = try ScenarioLibrary.scenario(id, language: .en)
        let sandbox = try memorySandbox(scenario)
        try sandbox.playReference()
        var result = try sandbox.result()
        let reference = scenario.reference
        var expected: Set<ScoreArea> = []
        if reference.stage != nil {
            result.stage = result.stage == .closed ? .withdrawn : .closed
            expected.insert(.outcome)
        }
        if let step = reference.steps.first {
            result.steps.remove(step)
            expected.insert(.outcome)
        }
        if let index = result.remedies.firstIndex(where: { $0.amount != nil }) {
            result.remedies[index].amount = Money(fen: (result.remedies[index].amount?.fen ?? 0) / 2)
            expected.insert(.amounts)
        }
        if !reference.citations.isEmpty {
            result.citations.removeFirst()
            expected.insert(.citations)
        }
        if let kind = reference.findings.keys.first {
            result.findings[kind] = result.findings[kind] == .proven ? .notProven : .proven
            expected.insert(.findings)
        }
        let score = TrainingScorer.score(result, against: reference)
        #expect(score.percent < 100)
        #expect(Set(score.differences.map(\.area)) == expected, "\(id)")
        #expect(score.differences.allSatisfy { !$0.explanation.en.isEmpty && !$0.explanation.zh.isEmpty })
    }
}
