import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTUI
import Foundation
import RulePacks
import Testing

/// Issue 14, problem 9: a case with a huge audit trail opens at once; its timeline is paged.
@Suite("Timeline paging")
struct TimelinePagingTests {
    @Test func aHugeTimelineOpensOnItsNewestPageAndLoadsOlderPagesOnScrolling() throws {
        let database = try CaseDatabase.inMemory()
        let (admin, _) = try database.authenticate("admin", at: pinnedNow)
        try database.loadExamplesIfEmpty(now: pinnedNow)
        for index in 0..<1_000 {
            try database.addNote(caseID: 9, text: "第 \(index) 次跟进", by: admin, at: pinnedNow)
        }
        let whole = try database.auditTrail(caseID: 9)
        #expect(whole.count > 1_000)
        var state = AppState(width: 100, height: 30, now: pinnedNow, databaseLabel: "cases.sqlite")
        state.rules = try RulePackCatalog.shipped()
        state.staff = admin
        var driver = AppDriver(state: state, database: database)
        // The first row of the queue: the cursor lands on it at start.
        try #require(driver.state.openCase?.id == 9)
        // Only the newest page is read when the cursor lands on the case.
        #expect(driver.state.timeline.count == 200)
        #expect(driver.state.timeline.first?.id == whole.suffix(200).first?.id)
        #expect(driver.state.timeline.last?.id == whole.last?.id)
        #expect(driver.state.timelineHasOlder)
        driver.send(.command(.open))
        driver.send(.command(.timeline))
        #expect(driver.render().text.contains("第 999 次跟进"))
        // Scrolling to the end loads the next page, until the first record is reached.
        var pages = 0
        while driver.state.timelineHasOlder && pages < 20 {
            driver.send(.command(.last))
            pages += 1
        }
        #expect(pages == 5)
        #expect(driver.state.timeline.count == whole.count)
        #expect(driver.state.timeline.map(\.id) == whole.map(\.id), "in order, each once")
        #expect(!driver.state.timelineLoading)
        driver.send(.command(.last))
        #expect(driver.render().text.contains("filed") || driver.render().text.contains("立案"))
        // A change to the case reloads its newest page; the older pages already read stay.
        try database.addNote(caseID: 9, text: "又一次跟进", by: admin, at: pinnedNow)
        driver.send(.command(.moveUp))
        driver.send(.tick(pinnedNow.addingTimeInterval(1)))
        #expect(driver.state.timeline.count == whole.count + 1)
        #expect(driver.state.timeline.first?.id == whole.first?.id && !driver.state.timelineHasOlder)
    }

    @Test func aShortTimelineSaysNothingAboutOlderRecords() throws {
        let driver = try exampleDriver(width: 100, height: 30, keys: "<Enter>t")
        #expect(!driver.state.timelineHasOlder)
        #expect(!driver.render().text.contains("older records load"))
    }
}
