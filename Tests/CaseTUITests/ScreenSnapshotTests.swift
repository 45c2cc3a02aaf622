import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation
import Testing

@testable import CaseTUI

@Suite("Main screens as text")
struct ScreenSnapshotTests {
    @Test func mainScreenAt100x30() throws {
        assertSnapshot(try exampleDriver().render().text, named: "main-100x30")
    }

    @Test func mainScreenAt80x24() throws {
        assertSnapshot(try exampleDriver(width: 80, height: 24).render().text, named: "main-80x24")
    }

    @Test func mainScreenAt120x40() throws {
        assertSnapshot(try exampleDriver(width: 120, height: 40).render().text, named: "main-120x40")
    }

    /// Issue 15, problem 7: a wide terminal shows the priority and the assignee.
    @Test func mainScreenAt160x48() throws {
        let text = try exampleDriver(width: 160, height: 48).render().text
        #expect(text.contains("Assignee") && text.contains("zhang.wei"))
        assertSnapshot(text, named: "main-160x48")
    }

    /// Issue 15, problem 7: six-digit case numbers and large claims are never cut.
    @Test func wideValuesAreNeverCut() throws {
        let database = try CaseDatabase.inMemory()
        try database.insertCase(
            Case(
                id: 123_456, title: "大额纠纷", category: .fraud, requestType: .refundOnly,
                buyer: Party(account: "b", name: "买家"), merchant: Party(account: "m", name: "商家"), orderID: "1",
                orderAmount: .yuan(1_234_567), claimAmount: Money(fen: 123_456_789), stage: .intervention,
                stageDeadline: pinnedNow.addingTimeInterval(3600), createdAt: pinnedNow),
            actor: "seed")
        var state = AppState(width: 80, height: 24, now: pinnedNow, databaseLabel: "big")
        state.language = .zh
        let text = AppDriver(state: state, database: database).render().text
        #expect(text.contains("123456 ") && text.contains("¥1234567.89"))
    }

    @Test func evidencePaneFocusedOnAChineseCase() throws {
        assertSnapshot(try exampleDriver(keys: "jj<Tab><Tab>j").render().text, named: "evidence-focused-100x30")
    }

    @Test func helpOverlay() throws {
        assertSnapshot(try exampleDriver(width: 80, height: 24, keys: "?").render().text, named: "help-80x24")
    }

    @Test func tooSmallScreen() throws {
        assertSnapshot(try exampleDriver(width: 50, height: 12).render().text, named: "too-small-50x12")
    }

    /// Every row is exactly the terminal's width and the pane border stands in one column on every body row.
    @Test(arguments: [(100, 30), (80, 24), (120, 40), (61, 16)])
    func panesStayAlignedWithChineseText(width: Int, height: Int) throws {
        let screen = try exampleDriver(width: width, height: height).render()
        let measure = DisplayWidth.standard
        let layout = Layout(width: width, height: height)
        for (row, line) in screen.lines.enumerated() {
            #expect(measure.of(line) == width, "row \(row) is \(measure.of(line)) columns")
        }
        for row in layout.queue.y..<layout.queue.maxY {
            let border = screen[layout.queue.maxX - 1, row].text
            #expect(["│", "┐", "┘"].contains(border), "row \(row) has \(border) at the queue border")
            let detail = screen[layout.detail.x, row].text
            #expect(["│", "┌", "└"].contains(detail), "row \(row) has \(detail) at the right pane border")
        }
    }

    @Test func belowTheMinimumOnlyQuitWorks() throws {
        var driver = try exampleDriver(width: 59, height: 30)
        driver.press(.char("j"))
        driver.press(.tab)
        #expect(driver.state.focus == .queue && driver.state.queue.position == 0)
        driver.press(.char("q"))
        #expect(driver.state.shouldQuit)
    }

    @Test func resizingReLaysOutTheScreen() throws {
        var driver = try exampleDriver(width: 50, height: 12)
        #expect(driver.render().text.contains("too small"))
        driver.send(.resize(width: 100, height: 30))
        let text = driver.render().text
        #expect(!text.contains("too small"))
        #expect(text.contains("Queue"))
    }
}

@Suite("East Asian ambiguous width as a setting")
struct AmbiguousWidthTests {
    @Test func withWideAmbiguousCharactersEveryRowStillFitsAndBordersAreASCII() throws {
        var state = try exampleDriver(width: 100, height: 30).state
        state.measure = DisplayWidth(ambiguousIsWide: true)
        let screen = Renderer.render(state)
        let wide = DisplayWidth(ambiguousIsWide: true)
        for (row, line) in screen.lines.enumerated() {
            #expect(wide.of(line) == 100, "row \(row) is \(wide.of(line)) columns when ambiguous characters are wide")
        }
        #expect(screen.lines[1].hasPrefix("+- Queue"))
        #expect(!screen.text.contains("─"))
    }
}

@Suite("The interface in Chinese")
struct ChineseInterfaceTests {
    func chinese(width: Int, height: Int, keys: String = "") throws -> String {
        var state = try exampleDriver(width: width, height: height).state
        state.language = .zh
        let database = try CaseDatabase.inMemory()
        let (admin, _) = try database.authenticate("admin", at: pinnedNow)
        try database.loadExamplesIfEmpty(now: pinnedNow)
        state.staff = admin
        state.queue = QueueWindow()
        var driver = AppDriver(state: state, database: database)
        for key in try KeyNotation.parse(keys) { driver.press(key) }
        return driver.render().text
    }

    @Test func mainScreenAt80x24() throws {
        let text = try chinese(width: 80, height: 24)
        #expect(text.contains("队列 · 按期限") && text.contains("买家"))
        assertSnapshot(text, named: "main-zh-80x24")
    }

    @Test func mainScreenAt120x40() throws {
        assertSnapshot(try chinese(width: 120, height: 40), named: "main-zh-120x40")
    }

    @Test func mainScreenAt160x48() throws {
        let text = try chinese(width: 160, height: 48)
        #expect(text.contains("处理人"))
        assertSnapshot(text, named: "main-zh-160x48")
    }

    @Test func helpInChinese() throws {
        let text = try chinese(width: 80, height: 24, keys: "?")
        #expect(text.contains("帮助 · 按键：队列"))
        assertSnapshot(text, named: "help-zh-80x24")
    }
}
