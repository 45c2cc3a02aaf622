import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTUI
import CaseTraining
import Foundation
import Testing

@Suite("Rulings, review, notices and the dashboard at the console (issue 6)")
struct RulingConsoleTests {
    /// The queue row of a case in the examples' deadline order.
    func open(_ id: Int64, in driver: inout AppDriver, sourceLocation: SourceLocation = #_sourceLocation) {
        driver.press(.escape)
        driver.press(.char("g"))
        for _ in 0..<40 where driver.state.openCase?.id != id { driver.press(.char("j")) }
        #expect(driver.state.openCase?.id == id, "case #\(id) not reached", sourceLocation: sourceLocation)
    }

    @Test func theRulingFormAt80x24() throws {
        var driver = try exampleDriver(width: 80, height: 24, as: "zhang.wei")
        open(4, in: &driver)
        driver.press(.char("J"))
        #expect(driver.state.form?.kind == .ruling)
        assertSnapshot(driver.render().text, named: "form-ruling-80x24")
    }

    @Test func aMediatorRulesFromTheKeyboardAndTheRulingGoesToReview() throws {
        var driver = try exampleDriver(width: 100, height: 30, as: "zhang.wei")
        open(4, in: &driver)
        // Outcome: return and refund (two to the right of full refund); the amount starts at what was paid.
        for key in try KeyNotation.parse("J<Right><Right><Tab>") { driver.press(key) }
        #expect(driver.state.form?.value("Outcome") == "return_and_refund")
        #expect(driver.state.form?.value("Amount ¥") == "1299.00")
        for key in try KeyNotation.parse("<Tab><Right>") { driver.press(key) }
        #expect(driver.state.form?.value("Statutory").hasPrefix("fraud_damages ¥3,897.00") == true)
        for key in try KeyNotation.parse("<Tab>品牌方鉴定为仿冒，商家未提供进货凭证<Tab>CRPL-55 CC-582<Tab><Enter>") {
            driver.press(key)
        }
        // Without the declaration the store refuses, and the form keeps what was typed.
        #expect(driver.state.form?.error?.contains("conflict of interest") == true)
        #expect(driver.state.form?.value("Reasons") == "品牌方鉴定为仿冒，商家未提供进货凭证")
        for key in try KeyNotation.parse("<Right><Enter>") { driver.press(key) }
        #expect(driver.state.form == nil, "\(driver.state.form?.error ?? "")")
        #expect(driver.state.message?.contains("waits for review") == true)
        #expect(driver.state.openCase?.flags.contains(.reviewPending) == true)
        #expect(
            driver.state.decisions.latest?.draft.remedies.map(\.amount) == [Money(fen: 129_900), Money(fen: 389_700)])
        let text = driver.render().text
        #expect(text.contains("Ruling   #") && text.contains("awaiting r"))
        // The mediator cannot review it; J says why.
        driver.press(.char("J"))
        #expect(driver.state.form == nil && driver.state.message?.contains("supervisor's review") == true)
    }

    @Test func theStepMenuLeavesRulingToItsForm() throws {
        var driver = try exampleDriver(width: 100, height: 30, as: "wang.fang")
        open(4, in: &driver)
        driver.press(.char("A"))
        #expect(driver.state.stepMenu?.events == [.suspend, .refer])
        driver.press(.escape)
        open(9, in: &driver)
        driver.press(.char("A"))
        #expect(driver.state.stepMenu?.events.contains(.appealClosed) == false)
    }

    @Test func aSupervisorGetsTheReviewFormAndTheAppealForm() throws {
        var driver = try exampleDriver(width: 100, height: 30, as: "zhao.min")
        open(16, in: &driver)
        driver.press(.char("J"))
        #expect(driver.state.form?.kind == .review)
        driver.press(.escape)
        open(9, in: &driver)
        driver.press(.char("J"))
        #expect(driver.state.form?.kind == .appeal)
    }

    @Test func theObserverSignOffIsOnlyForPlatformInterestCases() throws {
        var driver = try exampleDriver(width: 100, height: 30, as: "lin.mei")
        open(16, in: &driver)
        #expect(driver.render().text.contains("sign-off needed"))
        // The form offers the registered observers; the mediator records li.ming's signed statement.
        driver.press(.char("O"))
        #expect(driver.state.form?.fields.first?.choices == ["li.ming"])
        for key in try KeyNotation.parse("<Tab>程序合规<Enter>") { driver.press(key) }
        #expect(driver.state.form == nil)
        #expect(driver.state.decisions.signoffs.first?.observer == "li.ming")
        open(4, in: &driver)
        driver.press(.char("O"))
        #expect(driver.state.form == nil && driver.state.messageIsError)
    }

    @Test func anObserverSignsOffInPersonAndDoesNoCaseWork() throws {
        var driver = try exampleDriver(width: 100, height: 30, as: "li.ming")
        open(16, in: &driver)
        driver.press(.char("T"))
        #expect(driver.state.openCase?.assignee != "li.ming")
        driver.press(.char("O"))
        #expect(driver.state.form?.fields.first?.choices == ["li.ming"])
        for key in try KeyNotation.parse("<Tab>鉴定独立，程序公正<Enter>") { driver.press(key) }
        #expect(driver.state.form == nil)
        let signoff = try #require(driver.state.decisions.signoffs.first)
        #expect(signoff.observer == "li.ming" && signoff.recordedBy == "li.ming")
    }

    @Test func theNoticeOverlayScrollsAndCloses() throws {
        var driver = try exampleDriver(width: 80, height: 24, as: "lin.mei")
        open(11, in: &driver)
        driver.press(.char("M"))
        assertSnapshot(driver.render().text, named: "notice-80x24")
        driver.press(.char("G"))
        #expect(driver.state.documentScroll > 0)
        #expect(driver.render().text.contains("E-commerce Law art. 31"))
        driver.press(.escape)
        #expect(driver.state.document == nil)
    }

    @Test func theDashboardAt80x24InBothLanguages() throws {
        var driver = try exampleDriver(width: 80, height: 24, as: "wang.fang")
        driver.press(.char("D"))
        guard case .dashboard(let dashboard)? = driver.state.document else {
            Issue.record("no dashboard: \(driver.state.message ?? "")")
            return
        }
        #expect(dashboard.backlog == 14)
        #expect(dashboard.pendingReview == 1 && dashboard.appeals == 1)
        #expect(dashboard.outcomes == [.buyer: 3, .merchant: 2])
        assertSnapshot(driver.render().text, named: "dashboard-80x24")
        var state = driver.state
        state.language = .zh
        assertSnapshot(Renderer.render(state).text, named: "dashboard-zh-80x24")
        state.measure = DisplayWidth(ambiguousIsWide: true)
        #expect(!Renderer.render(state).text.contains("█"))
    }

    @Test func anObligationInDefaultIsMarkedInTheQueueAndHasItsView() throws {
        var driver = try exampleDriver(width: 100, height: 30, as: "zhang.wei")
        // Case 10's merchant owes a repair within 52 hours; let the sweeper find it missed.
        driver.send(.sweepDue(pinnedNow.addingTimeInterval(53 * 3600)))
        #expect(driver.render().text.contains("! Bluetooth headphones"))
        open(10, in: &driver)
        #expect(driver.state.openCase?.flags.contains(.obligationOverdue) == true)
        #expect(driver.state.decisions.obligations.map(\.status) == [.fulfilled, .defaulted])
        #expect(driver.render().text.contains("Owed #2  Merchant: repair"))
        for _ in 0..<7 { driver.press(.char("v")) }
        #expect(driver.state.view == .obligationsOverdue)
        #expect(driver.state.queue.rows.map(\.id) == [10])
        // Recording it as done clears the mark.
        for key in try KeyNotation.parse("F<Tab>SF123<Enter>") { driver.press(key) }
        #expect(driver.state.form == nil, "\(driver.state.form?.error ?? "")")
        #expect(driver.state.openCase?.flags.contains(.obligationOverdue) == false)
    }

    @Test func aLongRulingFormScrollsToTheFocusedFieldAt80x24() throws {
        let database = try CaseDatabase.inMemory()
        let (admin, _) = try database.authenticate("admin", at: pinnedNow)
        try database.loadExamplesIfEmpty(now: pinnedNow)
        for n in 1...6 {
            try database.addIssue(
                caseID: 4, kind: .counterfeit, description: "争议焦点 \(n)", by: admin, at: pinnedNow)
        }
        var state = AppState(width: 80, height: 24, now: pinnedNow, databaseLabel: "t")
        state.rules = try RulePackCatalogFixture.shipped()
        state.staff = admin
        var driver = AppDriver(state: state, database: database)
        open(4, in: &driver)
        driver.press(.char("J"))
        #expect(driver.state.form?.fields.count == 18)
        for _ in 0..<17 { driver.press(.tab) }
        let text = driver.render().text
        #expect(text.contains("No conflict") && text.contains("18/18"))
        #expect(!text.contains("Outcome"), "the top scrolled away")
        #expect(text.split(separator: "\n").count == 24)
    }
}
