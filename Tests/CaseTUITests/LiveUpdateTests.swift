import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation
import RulePacks
import Testing

@testable import CaseTUI

@Suite("Changes made elsewhere appear in the console")
struct LiveUpdateTests {
    @Test func anotherProcessesChangeShowsAfterTheNextTick() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casedesk-live-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cases.sqlite").path
        let rules = try RulePackCatalog.shipped()
        let console = try CaseDatabase(path: path)
        let (admin, _) = try console.authenticate("admin", at: pinnedNow)
        try console.loadExamplesIfEmpty(now: pinnedNow)
        var state = AppState(width: 100, height: 30, now: pinnedNow, databaseLabel: "cases.sqlite")
        state.rules = rules
        var driver = AppDriver(state: state, database: console)
        driver.press(.char("j"))
        driver.press(.char("j"))
        let selected = try #require(driver.state.openCase)
        #expect(selected.stage == .merchantResponse)

        // A second connection, as another process would have, takes a step on the open case.
        let other = try CaseDatabase(path: path)
        try other.apply(
            .merchantRejects, toCase: selected.id, by: admin, onBehalfOf: .merchant,
            expectedVersion: selected.version, at: pinnedNow, rules: rules)

        driver.send(.tick(pinnedNow.addingTimeInterval(1)))
        #expect(driver.state.openCase?.stage == .negotiation)
        #expect(driver.state.queue.selectedRow?.id == selected.id, "the selection stays on the case")
        #expect(driver.render().text.contains("negotiate"))
    }

    @Test func theStartupSweepAppliesExpiredDefaults() throws {
        var driver = try exampleDriver()
        // Six hours on, the silent merchant of example #2 has passed its 5-hour deadline.
        driver.send(.sweepDue(pinnedNow.addingTimeInterval(6 * 3600)))
        #expect(driver.state.message == "Sweep: 1 default outcome applied")
        driver.press(.char("j"))
        driver.press(.char("j"))
        let text = driver.render().text
        #expect(text.contains("Sweep: 1 default outcome applied"))
    }
}
