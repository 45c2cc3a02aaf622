import CaseModel
import CaseStore
import CaseStoreSQLite
import Foundation
import RulePacks
import Testing

@testable import CaseTUI

/// Issue 15, problem 1: the queue never hides its own rows, and a change made elsewhere never
/// carries the selection away.
@Suite("The queue shows what it holds")
struct QueueTrustTests {
    static func row(_ id: Int64) -> QueueRow {
        QueueRow(
            id: id, stage: .intervention, deadline: pinnedNow.addingTimeInterval(Double(id) * 60),
            claimAmount: .yuan(1), title: "争议 \(id)", assignee: nil, createdAt: pinnedNow, priority: 3, flags: [])
    }

    @Test func aRefreshNearTheEndLeavesNoBlankRowsBelowHiddenOnes() {
        var window = QueueWindow()
        window.total = 150
        window.receive(.head, rows: (1...149).map(Self.row), visible: 20)
        _ = window.move(by: 145, visible: 20)
        _ = window.move(by: -17, visible: 20)
        #expect(window.selected - window.top == 2, "the selection near the top of the screen")
        // Another console closed most cases: around the selection only 50 before and 3 from it remain.
        window.receiveRefresh(
            before: (90...139).map(Self.row), from: (146...148).map(Self.row), offset: 89, visible: 20)
        #expect(window.rows.count == 53)
        #expect(window.top == 53 - 20, "the screen is full: no blank rows below while rows are hidden above")
        #expect((window.top..<window.top + 20).contains(window.selected))
        // A queue shorter than the screen starts at its first row.
        window.receiveRefresh(before: (1...2).map(Self.row), from: (3...6).map(Self.row), offset: 0, visible: 20)
        #expect(window.top == 0 && window.rows.count == 6)
    }

    @Test func aCaseMovedElsewhereDoesNotCarryTheSelectionFromTheFirstRow() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casedesk-q-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cases.sqlite").path
        let rules = try RulePackCatalog.shipped()
        let console = try CaseDatabase(path: path)
        _ = try console.authenticate("admin", at: pinnedNow)
        try console.loadExamplesIfEmpty(now: pinnedNow)
        var state = AppState(width: 100, height: 30, now: pinnedNow, databaseLabel: "cases.sqlite")
        state.rules = rules
        var driver = AppDriver(state: state, database: console)
        let first = try #require(driver.state.queue.selectedRow)
        #expect(first.id == 9 && driver.state.queue.position == 0)
        // Another console decides the appeal: case 9 closes and sorts last.
        let other = try CaseDatabase(path: path)
        try other.decideAppeal(
            caseID: 9, outcome: .uphold, terms: nil, reasons: "原裁决正确",
            by: StaffMember(name: "wang.fang", role: .supervisor),
            at: pinnedNow, rules: rules)
        driver.send(.tick(pinnedNow.addingTimeInterval(1)))
        #expect(driver.state.queue.position == 0, "the selection stays on the first row")
        #expect(driver.state.queue.selectedRow?.id != 9)
        #expect(
            driver.state.openCase?.id == driver.state.queue.selectedRow?.id, "the case pane shows the selected case")
        #expect(driver.state.queue.rows.last?.id == 9 || driver.state.queue.rows.contains { $0.id == 9 })
    }

    @Test func theStatusBarSaysWhenTheSweeperIsWorking() throws {
        var driver = try exampleDriver(width: 100, height: 30)
        driver.send(.busy(UIText.sweeping))
        #expect(driver.render().text.contains("applying expired deadlines…"))
        driver.send(.busy(nil))
        #expect(!driver.render().text.contains("applying expired deadlines"))
    }
}

/// Issue 15, problem 5: a form that could not be saved does not open.
@Suite("Forms open only where they can be saved")
struct FormGateTests {
    func open(_ id: Int64, in driver: inout AppDriver) {
        driver.press(.char("g"))
        for _ in 0..<40 where driver.state.openCase?.id != id { driver.press(.char("j")) }
    }

    @Test func aColleaguesCaseRefusesHolderFormsBeforeAWordIsTyped() throws {
        var driver = try exampleDriver(width: 100, height: 30, as: "lin.mei")
        open(4, in: &driver)
        #expect(driver.state.openCase?.assignee == "zhang.wei")
        for key in ["J", "W", "I", "U"] {
            driver.press(.char(Character(key)))
            #expect(driver.state.form == nil, "\(key) opened a form on zhang.wei's case")
            #expect(
                driver.state.messageIsError && driver.state.message?.contains("held by zhang.wei") == true,
                "\(key): \(driver.state.message ?? "")")
        }
        // A note is anyone's to add.
        driver.press(.char("C"))
        #expect(driver.state.form?.kind == .note)
        // Nothing typed: one Esc closes.
        driver.press(.escape)
        #expect(driver.state.form == nil)
        // A supervisor may act on it.
        var supervisor = try exampleDriver(width: 100, height: 30, as: "wang.fang")
        open(1, in: &supervisor)
        supervisor.press(.char("W"))
        #expect(supervisor.state.form?.kind == .requestEvidence)
    }

    @Test func anUntakenCaseAsksToBeTakenBeforeItsRuling() throws {
        let database = try CaseDatabase.inMemory()
        _ = try database.authenticate("admin", at: pinnedNow)
        try database.loadExamplesIfEmpty(now: pinnedNow)
        let zhang = try #require(try database.staff().first { $0.name == "zhang.wei" })
        try database.release(caseID: 4, by: zhang, at: pinnedNow)
        var state = AppState(width: 100, height: 30, now: pinnedNow, databaseLabel: "cases.sqlite")
        state.rules = try RulePackCatalog.shipped()
        state.staff = try #require(try database.staff().first { $0.name == "lin.mei" })
        var driver = AppDriver(state: state, database: database)
        open(4, in: &driver)
        #expect(driver.state.openCase?.assignee == nil)
        driver.press(.char("J"))
        #expect(
            driver.state.form == nil && driver.state.message?.contains("take the case (T)") == true,
            "\(driver.state.message ?? "")")
    }

    @Test func aReadOnlyDatabaseOpensNoForm() throws {
        let database = try CaseDatabase.inMemory()
        let (admin, _) = try database.authenticate("admin", at: pinnedNow)
        try database.loadExamplesIfEmpty(now: pinnedNow)
        var state = AppState(width: 100, height: 30, now: pinnedNow, databaseLabel: "cases.sqlite")
        state.rules = try RulePackCatalog.shipped()
        state.staff = admin
        state.readOnly = true
        state.language = .zh
        var driver = AppDriver(state: state, database: database)
        driver.press(.char("C"))
        #expect(driver.state.form == nil && driver.state.message?.contains("只读") == true)
    }
}

/// Issue 15, problem 4: a returned ruling is revised, not retyped.
@Suite("Revising a returned ruling")
struct RevisionFormTests {
    @Test func aReturnedRulingReopensPrefilledWithTheSupervisorsComment() throws {
        let database = try CaseDatabase.inMemory()
        _ = try database.authenticate("admin", at: pinnedNow)
        try database.loadExamplesIfEmpty(now: pinnedNow)
        let rules = try RulePackCatalog.shipped()
        let roster = try database.staff()
        let waiting = try #require(try database.decisions(caseID: 16).rulings.last)
        #expect(waiting.status == .pendingReview)
        try database.reviewRuling(
            caseID: 16, approve: false, comment: "请核实退款金额\u{1B}[31m", by: roster.first { $0.name == "zhao.min" }!,
            at: pinnedNow, rules: rules)
        var state = AppState(width: 100, height: 40, now: pinnedNow, databaseLabel: "cases.sqlite")
        state.rules = rules
        state.staff = try #require(roster.first { $0.name == waiting.mediator })
        var driver = AppDriver(state: state, database: database)
        driver.press(.char("g"))
        for _ in 0..<40 where driver.state.openCase?.id != 16 { driver.press(.char("j")) }
        driver.press(.char("J"))
        let form = try #require(driver.state.form)
        #expect(form.kind == .ruling)
        #expect(form.value("Reasons") == waiting.draft.reasons)
        #expect(form.value("Cite") == waiting.draft.citations.joined(separator: ", "))
        #expect(form.value("Outcome") == waiting.draft.remedies.first?.remedy)
        #expect(form.notice?.contains("请核实退款金额") == true && form.notice?.contains("zhao.min") == true)
        #expect(!form.isChanged, "a prefilled form closes with one Esc")
        let screen = driver.render().text
        #expect(screen.contains("returned by zhao.min: 请核实退款金额"))
        #expect(!screen.contains("\u{1B}"))
        // Saved as it stands, it is the next revision.
        driver.press(.enter)
        #expect(driver.state.form == nil, "\(driver.state.form?.error ?? "")")
        #expect(try database.decisions(caseID: 16).rulings.last?.revision == waiting.revision + 1)
    }

    @Test func everyMissingFieldIsNamedAtOnce() {
        let form = Form.make(.ruling, caseID: 1, issues: [1], choices: Form.DecisionChoices(remedies: ["refund"]))
        #expect(form.problem == "Facts #1, Reasons, Cite are required")
    }

    @Test func citationsAreReadWhateverTheirCase() {
        #expect(
            EffectRunner.citations("crpl-55, cc-582 marketplace@1 merchant_response") == [
                "CRPL-55", "CC-582", "marketplace@1 merchant_response",
            ])
    }
}

/// Issue 15, problem 6: finding a case.
@Suite("Finding a case")
struct FindingTests {
    @Test func aCaseNumberJumpsToTheCaseWhereverItSorts() throws {
        var driver = try exampleDriver(width: 100, height: 30)
        for key in try KeyNotation.parse(":12<Enter>") { driver.press(key) }
        #expect(driver.state.queue.selectedRow?.id == 12 && driver.state.openCase?.id == 12)
        for key in try KeyNotation.parse("g/#3<Enter>") { driver.press(key) }
        #expect(driver.state.queue.selectedRow?.id == 3 && driver.state.searchText == nil)
        // From inside a filter that hides it: the filter is cleared, and the screen says so.
        for key in try KeyNotation.parse("\\stage:closed<Enter>:#5<Enter>") { driver.press(key) }
        #expect(driver.state.queue.selectedRow?.id == 5 && driver.state.filterText.isEmpty)
        #expect(driver.state.message == "#5: showing all cases")
        for key in try KeyNotation.parse(":99999<Enter>") { driver.press(key) }
        #expect(driver.state.messageIsError && driver.state.message == "there is no case #99999")
        #expect(driver.state.queue.selectedRow?.id == 5)
    }

    @Test func theFilterTakesTheStageNamesTheScreenShows() throws {
        for name in ["merchant_response", "merchant", "待商家处理", "merch", "MERCHANT"] {
            #expect(try QueueQuery.parse("stage:\(name)", now: pinnedNow).stages == [.merchantResponse], "\(name)")
        }
        #expect(try QueueQuery.parse("stage:appeal,申诉期", now: pinnedNow).stages == [.appealReview, .appealWindow])
        #expect(throws: FilterError.self) { try QueueQuery.parse("stage:appeal_", now: pinnedNow) }
        #expect(throws: FilterError.self) { try QueueQuery.parse("stage:nowhere", now: pinnedNow) }
    }

    @Test func aNewSearchStartsEmptyAndSortingSaysWhyItCannot() throws {
        var driver = try exampleDriver(width: 100, height: 30)
        for key in try KeyNotation.parse("/耳机<Enter>/") { driver.press(key) }
        #expect(driver.state.prompt?.text == "")
        for key in try KeyNotation.parse("<Esc>s") { driver.press(key) }
        #expect(driver.state.searchText == "耳机" && driver.state.query.order == .deadline)
        #expect(driver.state.messageIsError && driver.state.message?.contains("match order") == true)
    }

    @Test func aCappedSearchSaysThereAreMore() throws {
        var driver = try manyCasesDriver(cases: 200, title: "蓝牙耳机")
        for key in try KeyNotation.parse("/蓝牙<Enter>") { driver.press(key) }
        #expect(driver.state.queue.rows.count == QueueWindow.pageSize - 1)
        #expect(driver.state.message?.contains("there are more") == true)
    }
}

/// Issue 15, problem 2: the case pane shows what is asked of the parties.
@Suite("The case pane shows requests and urges")
struct CasePaneTests {
    @Test func requestsWithTheirCountdownAndTheLastUrgeAreShown() throws {
        var driver = try exampleDriver(width: 200, height: 40, as: "lin.mei")
        for key in try KeyNotation.parse(":1<Enter>W<Tab>快递签收底单<Enter>U<Tab>请尽快上传签收底单<Enter>") { driver.press(key) }
        #expect(driver.state.form == nil, "\(driver.state.form?.error ?? "")")
        let text = driver.render().text
        #expect(text.contains("Asked #") && text.contains("Merchant · 快递签收底单 · due in"))
        #expect(text.contains("Urged") && text.contains("lin.mei → Merchant · 请尽快上传签收底单"))
    }
}
