import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation
import Testing

@testable import CaseTUI

@Suite("The queue is a virtual list")
struct QueueWindowTests {
    /// A large queue on an in-memory database.
    func bigDriver(cases: Int) throws -> AppDriver { try manyCasesDriver(cases: cases) }

    @Test func walkingTheWholeQueueNeverHoldsMoreThanTheCapacity() throws {
        var driver = try bigDriver(cases: 2_000)
        #expect(driver.state.queue.total == 2_000)
        var maxHeld = 0
        for step in 1..<2_000 {
            driver.press(.char("j"))
            maxHeld = max(maxHeld, driver.state.queue.rows.count)
            if step % 250 == 0 {
                #expect(driver.state.queue.position == step)
                #expect(driver.state.queue.selectedRow?.title == "争议 \(step)")
                #expect(driver.state.openCase?.title == "争议 \(step)")
            }
        }
        #expect(maxHeld <= QueueWindow.capacity)
        #expect(driver.state.queue.position == 1_999)
    }

    @Test func lastAndFirstJumpByFetchingTheEnds() throws {
        var driver = try bigDriver(cases: 1_000)
        driver.press(.char("G"))
        #expect(driver.state.queue.position == 999)
        #expect(driver.state.queue.selectedRow?.title == "争议 999")
        #expect(driver.state.queue.rows.count <= QueueWindow.capacity)
        for _ in 0..<300 { driver.press(.char("k")) }
        #expect(driver.state.queue.position == 699)
        #expect(driver.state.queue.selectedRow?.title == "争议 699")
        driver.press(.char("g"))
        #expect(driver.state.queue.position == 0)
        #expect(driver.state.queue.selectedRow?.title == "争议 0")
    }

    @Test func halfPagesMoveByHalfTheVisibleRows() throws {
        var driver = try bigDriver(cases: 500)
        let half = driver.state.visibleQueueRows / 2
        driver.press(.ctrl("d"))
        #expect(driver.state.queue.position == half)
        driver.press(.ctrl("u"))
        #expect(driver.state.queue.position == 0)
    }
}
