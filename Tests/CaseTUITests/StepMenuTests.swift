import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation
import Testing

@testable import CaseTUI

@Suite("Driving the lifecycle from the console")
struct StepMenuTests {
    /// Example case 1 (物流显示已签收…) is fifth in the queue, in intervention, assigned to lin.mei.
    let toCaseOne = "jjjj"

    @Test func theMenuListsTheStepsOpenToAMediator() throws {
        var driver = try exampleDriver(keys: toCaseOne, as: "lin.mei")
        #expect(driver.state.openCase?.id == 1)
        driver.press(.char("A"))
        #expect(driver.state.context == .steps)
        #expect(driver.state.stepMenu?.events == [.decideOnRecord, .suspend, .refer, .withdraw])
        assertSnapshot(driver.render().text, named: "step-menu-100x30")
    }

    @Test func aReversibleStepIsTakenAtOnceAndAudited() throws {
        var driver = try exampleDriver(keys: toCaseOne + "A", as: "lin.mei")
        driver.press(.char("j"))  // suspend
        driver.press(.enter)
        #expect(driver.state.openCase?.stage == .suspended)
        #expect(driver.state.message == "#1: suspend → suspended")
        #expect(driver.state.context == .pane(.queue))
        #expect(driver.render().text.contains("#1: suspend → suspended"))
    }

    @Test func aFinalStepAsksFirstAndCancelIsTheDefault() throws {
        var driver = try exampleDriver(keys: toCaseOne + "Ajj", as: "lin.mei")  // refer
        driver.press(.enter)
        #expect(driver.state.context == .confirm)
        assertSnapshot(driver.render().text, named: "confirm-refer-100x30")
        driver.press(.enter)  // Cancel is highlighted
        #expect(driver.state.context == .pane(.queue))
        #expect(driver.state.openCase?.stage == .intervention)

        driver.press(.char("A"))
        driver.press(.char("j"))
        driver.press(.char("j"))
        driver.press(.enter)
        driver.press(.tab)
        driver.press(.enter)
        #expect(driver.state.openCase?.stage == .referred)
    }

    @Test func escClosesTheMenuWithoutAStep() throws {
        let driver = try exampleDriver(keys: toCaseOne + "A<Esc>", as: "lin.mei")
        #expect(driver.state.context == .pane(.queue))
        #expect(driver.state.openCase?.stage == .intervention)
    }

    @Test func takingACaseHeldBySomeoneElseSaysWho() throws {
        var driver = try exampleDriver(keys: toCaseOne, as: "zhang.wei")
        driver.press(.char("T"))
        #expect(driver.state.messageIsError)
        #expect(driver.state.message == "case #1 is taken by lin.mei")
        driver.press(.char("j"))  // case 8: unassigned
        driver.press(.char("T"))
        #expect(driver.state.openCase?.assignee == "zhang.wei")
        #expect(driver.render().text.contains("Assignee zhang.wei"))
    }

    @Test func aTrainerIsToldTheStepsAreNotTheirs() throws {
        var driver = try exampleDriver(keys: toCaseOne, as: "chen.jing")
        driver.press(.char("A"))
        #expect(driver.state.context == .pane(.queue))
        #expect(driver.state.messageIsError)
        #expect(driver.state.message?.contains("chen.jing is a trainer") == true)
        #expect(!driver.render().text.contains("A advance"), "the hint bar hides what the role cannot do")
    }
}
