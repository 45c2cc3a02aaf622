import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation
import RulePacks
import Testing

@testable import CaseTUI

@Suite("Finding work: search, limit, sort")
struct FindingWorkTests {
    @Test func aChineseSearchShowsItsResultsAsTheQueue() throws {
        var driver = try exampleDriver(keys: "/")
        #expect(driver.state.context == .prompt)
        // Characters from an input method arrive one by one, as typed keys.
        for key in try KeyNotation.parse("开箱视频") { driver.press(key) }
        #expect(driver.render().text.contains("/ 开箱视频"))
        driver.press(.enter)
        #expect(driver.state.searchText == "开箱视频")
        #expect(driver.state.queue.rows.map(\.id) == [2])
        #expect(driver.state.openCase?.id == 2)
        let text = driver.render().text
        #expect(text.contains("search: 开箱视频") && text.contains("Queue · search"))
        assertSnapshot(text, named: "search-100x30")
        driver.press(.escape)
        #expect(driver.state.searchText == nil)
        #expect(driver.state.queue.total == 17)
    }

    @Test func aBadFilterKeepsWhatWasTypedAndSaysWhy() throws {
        var driver = try exampleDriver(keys: "\\stage:nowhere<Enter>")
        #expect(driver.state.context == .prompt)
        #expect(driver.state.prompt?.text == "stage:nowhere")
        #expect(driver.state.prompt?.error?.contains("unknown stage 'nowhere'") == true)
        #expect(driver.render().text.contains("unknown stage 'nowhere'"))
        // Fix it in place: erase the bad word and type a good one.
        for _ in 0..<"nowhere".count { driver.press(.backspace) }
        for key in try KeyNotation.parse("decision<Enter>") { driver.press(key) }
        #expect(driver.state.prompt == nil)
        #expect(driver.state.queue.rows.map(\.stage) == [.decision, .decision, .decision])
        #expect(driver.render().text.contains("filter: stage:decision"))
        driver.press(.escape)
        #expect(driver.state.queue.total == 17 && driver.state.filterText.isEmpty)
    }

    @Test func escInThePromptClosesItWithoutApplying() throws {
        let driver = try exampleDriver(keys: "\\overdue<Esc>")
        #expect(driver.state.prompt == nil)
        #expect(driver.state.queue.total == 17)
    }

    @Test func sortCyclesAndMarksTheColumn() throws {
        var driver = try exampleDriver(keys: "s")
        #expect(driver.state.query.order == .amount)
        #expect(driver.state.queue.rows.first?.id == 14, "the largest claim (¥12,999) first")
        #expect(driver.render().text.contains("Claim▼"))
        driver.press(.char("s"))
        #expect(driver.state.query.order == .age)
        #expect(driver.render().text.contains("#▲"))
        driver.press(.char("s"))
        #expect(driver.state.query.order == .priority)
        driver.press(.char("s"))
        #expect(driver.state.query.order == .deadline)
        #expect(driver.render().text.contains("Due▲"))
    }

    @Test func aFilterAndASortCombineAndPageLikeTheWholeQueue() throws {
        var driver = try exampleDriver(keys: "\\open amount:>=100<Enter>s")
        #expect(driver.state.query.openOnly && driver.state.query.order == .amount)
        let claims = driver.state.queue.rows.map(\.claimAmount.fen)
        #expect(claims == claims.sorted(by: >))
        #expect(driver.state.queue.rows.allSatisfy { $0.stage.isOpen && $0.claimAmount.fen >= 10_000 })
        driver.press(.char("G"))
        #expect(driver.state.queue.position == driver.state.queue.total - 1)
    }
}

@Suite("Counts and what the panes show")
struct PaneDetailTests {
    @Test func aCountRepeatsTheMotion() throws {
        var driver = try exampleDriver(keys: "5j")
        #expect(driver.state.queue.position == 5)
        driver.press(.char("1"))
        driver.press(.char("0"))
        driver.press(.char("k"))
        #expect(driver.state.queue.position == 0, "clamped at the top")
        #expect(driver.state.count == nil)
    }

    @Test func theDetailShowsPointsInDisputeAndTheEvidenceTheirTimeliness() throws {
        let database = try CaseDatabase.inMemory()
        let (admin, _) = try database.authenticate("admin", at: pinnedNow)
        try database.loadExamplesIfEmpty(now: pinnedNow)
        let rules = try RulePackCatalogFixture.shipped()
        let issue = try database.addIssue(
            caseID: 1, kind: .deliveryMismatch, description: "快递柜代签是否构成有效签收", by: admin, at: pinnedNow)
        try database.requestEvidence(caseID: 1, from: .merchant, what: "签收底单", by: admin, at: pinnedNow, rules: rules)
        try database.addEvidence(
            caseID: 1, kind: .logistics, source: .merchant, description: "签收底单照片", content: Data("p".utf8),
            at: pinnedNow.addingTimeInterval(3600), by: admin)
        var state = AppState(width: 120, height: 40, now: pinnedNow, databaseLabel: "t")
        state.rules = rules
        state.staff = admin
        var driver = AppDriver(state: state, database: database)
        while driver.state.openCase?.id != 1 { driver.press(.char("j")) }
        let text = driver.render().text
        #expect(text.contains("Issue #\(issue.id) delivery mismatch · open · burden:"))
        #expect(text.contains("logistics · merchant · on time"))
        driver.press(.tab)
        driver.press(.tab)
        driver.press(.char("G"))
        #expect(driver.render().text.contains("merchant · on time"))
    }
}

/// The shipped rule packs, for tests that drive real lifecycle steps.
enum RulePackCatalogFixture {
    static func shipped() throws -> RulePackCatalog { try RulePackCatalog.shipped() }
}

@Suite("Saved views")
struct SavedViewTests {
    @Test func vCyclesThroughTheViewsAMediatorUses() throws {
        var driver = try exampleDriver(as: "lin.mei")
        var seen: [(SavedView, [Int64])] = []
        for _ in 0..<7 {
            driver.press(.char("v"))
            seen.append((driver.state.view, driver.state.queue.rows.map(\.id).sorted()))
        }
        #expect(
            seen.map(\.0) == [.mine, .unassigned, .dueToday, .overdue, .awaitingReview, .appeals, .obligationsOverdue])
        #expect(seen[0].1 == [1, 3, 9, 11, 13, 16])
        #expect(seen[1].1 == [2, 6, 7, 8, 15])
        #expect(seen[2].1 == [2, 4])
        #expect(seen[3].1 == [5, 9])
        #expect(seen[4].1 == [16])
        #expect(seen[5].1 == [9])
        #expect(seen[6].1 == [])
        #expect(driver.render().text.contains("Obligations overdue"))
        driver.press(.escape)
        #expect(driver.state.view == .all && driver.state.queue.total == 17)
    }
}

@Suite("Command palette and search matches")
struct PaletteTests {
    @Test func tabCompletesAndEnterRunsTheCommand() throws {
        var driver = try exampleDriver(keys: "jj:ta", as: "zhang.wei")
        #expect(driver.render().text.contains(": ta"))
        #expect(driver.render().text.contains("take"))
        for key in try KeyNotation.parse("<Tab><Enter>") { driver.press(key) }
        #expect(driver.state.openCase?.assignee == "zhang.wei")
    }

    @Test func anUnknownNameIsRefusedAndKept() throws {
        let driver = try exampleDriver(keys: ":zzz<Enter>")
        #expect(driver.state.prompt?.text == "zzz")
        #expect(driver.state.prompt?.error == "no command 'zzz' here; Tab completes")
    }

    @Test func theRoleLimitsWhatThePaletteOffers() throws {
        let driver = try exampleDriver(as: "chen.jing")
        let names = Update.paletteMatches("", state: driver.state).map(\.id)
        #expect(names.contains(.note) && !names.contains(.take) && !names.contains(.steps))
    }

    @Test func nAndNMoveBetweenSearchResultsAndWrap() throws {
        var driver = try exampleDriver(keys: "/鉴定<Enter>")
        let results = driver.state.queue.rows.map(\.id)
        #expect(results.count >= 1)
        driver.press(.char("N"))
        #expect(driver.state.queue.selectedRow?.id == results.last)
        driver.press(.char("n"))
        #expect(driver.state.queue.selectedRow?.id == results.first)
    }

    @Test func nWithoutASearchSaysWhatToDo() throws {
        let driver = try exampleDriver(keys: "n")
        #expect(driver.state.messageIsError && driver.state.message?.contains("/ searches") == true)
    }
}

@Suite("An empty queue empties the panes")
struct EmptyQueueTests {
    @Test func aViewWithNoCasesShowsNoStaleCase() throws {
        let driver = try exampleDriver(keys: "jjjjv")  // admin has no cases of their own
        #expect(driver.state.view == .mine && driver.state.queue.rows.isEmpty)
        #expect(driver.state.openCase == nil && driver.state.evidence.isEmpty)
        #expect(driver.render().text.contains("No case selected."))
    }
}
