import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import Foundation
import RulePacks
import Testing

@testable import CaseTUI

/// The real console loop (the one `casedesk` runs) on a scripted in-memory terminal and a manual
/// clock: ticks, sweeps, resizes, signals, live refresh, and effects run off the key path.
@Suite("The console loop, played on an in-memory terminal")
struct ConsoleLoopTests {
    /// A file database with the example cases, its console driver and a clock at the pinned time.
    struct Fixture {
        let directory: URL
        let path: String
        let database: CaseDatabase
        let admin: StaffMember
        let clock = ManualClock(pinnedNow)

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("casedesk-loop-\(UUID())")
            path = directory.appendingPathComponent("cases.sqlite").path
            database = try CaseDatabase(path: path)
            (admin, _) = try database.authenticate("admin", at: pinnedNow)
            try database.loadExamplesIfEmpty(now: pinnedNow)
        }

        func driver(width: Int = 100, height: Int = 30, language: Language = .en) throws -> AppDriver {
            var state = AppState(width: width, height: height, now: clock.now, databaseLabel: "cases.sqlite")
            state.rules = try RulePackCatalog.shipped()
            state.staff = admin
            state.language = language
            return AppDriver(state: state, database: database, clock: clock.reading)
        }

        func play(
            _ script: [MemoryTerminal.Step], width: Int = 100, height: Int = 30, language: Language = .en
        ) throws -> (ConsoleLoop.Outcome, AppState, MemoryTerminal) {
            let terminal = MemoryTerminal(width: width, height: height, script: script, clock: clock)
            let (outcome, state) = ConsoleLoop.drive(
                terminal: terminal, signals: terminal,
                driver: try driver(width: width, height: height, language: language), clock: clock.reading)
            #expect(terminal.failures.isEmpty, "\(terminal.failures)")
            return (outcome, state, terminal)
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    @Test func theFirstFrameShowsTheQueueBeforeTheStartupSweepRuns() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        // Six hours on, the silent merchant of example #2 has passed its deadline: the sweep applies it.
        fixture.clock.advance(6 * 3600)
        let (outcome, state, terminal) = try fixture.play([.settle, .key(.char("q"))])
        #expect(outcome == .quit)
        let first = try #require(terminal.frames.first).text
        #expect(first.contains("1/17 cases"), "the first frame is the queue, not a blank screen:\n\(first)")
        #expect(terminal.frames.contains { $0.text.contains("applying expired deadlines") })
        #expect(state.message == "Sweep: 1 default outcome applied")
        #expect(!terminal.screenText.contains("applying expired deadlines"), "the mark goes when the sweep ends")
    }

    @Test func aChangeMadeWhileTheConsoleRunsShowsWithinATick() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let other = try CaseDatabase(path: fixture.path)
        let rules = try RulePackCatalog.shipped()
        let opened = try #require(try fixture.database.fetchCase(id: 2))
        // The script types, and partway through another connection moves the open case on.
        final class Trigger: @unchecked Sendable { var done = false }
        let trigger = Trigger()
        let terminal = MemoryTerminal(
            width: 100, height: 30,
            script: try MemoryTerminal.keys("jj") + [
                .settle, .waitFor("#2"), .wait(1), .settle, .waitFor("negotiate"),
            ],
            clock: fixture.clock)
        terminal.onStep = { step in
            guard case .wait = step, !trigger.done else { return }
            trigger.done = true
            _ = try? other.apply(
                .merchantRejects, toCase: 2, by: fixture.admin, onBehalfOf: .merchant,
                expectedVersion: opened.version, at: pinnedNow, rules: rules)
        }
        let (_, state) = ConsoleLoop.drive(
            terminal: terminal, signals: terminal, driver: try fixture.driver(), clock: fixture.clock.reading)
        #expect(terminal.failures.isEmpty, "\(terminal.failures)")
        #expect(state.openCase?.stage == .negotiation, "the case pane follows the other console's step")
        #expect(state.queue.selectedRow?.stage == .negotiation)
    }

    @Test func aResizeRepaintsAtTheNewSizeAndASignalEndsTheLoop() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let (outcome, state, terminal) = try fixture.play([
            .settle, .resize(width: 80, height: 24), .settle, .signal(SIGTERM),
        ])
        #expect(outcome == .signal(SIGTERM))
        #expect(state.width == 80 && state.height == 24)
        let last = try #require(terminal.frames.last)
        #expect(last.width == 80 && last.height == 24)
    }

    @Test func theEndOfTheScriptIsAHangUp() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let (outcome, _, _) = try fixture.play([.settle])
        #expect(outcome == .signal(SIGHUP))
    }

    @Test func timePassingTicksTheClockAndSweepsEveryThirtySeconds() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        // Example #2's merchant deadline is five hours away; the loop runs six hours of ticks.
        var script: [MemoryTerminal.Step] = [.settle]
        for _ in 0..<(6 * 30) { script += [.wait(120), .settle] }
        let (_, state, terminal) = try fixture.play(script)
        #expect(state.now == pinnedNow.addingTimeInterval(6 * 3600))
        #expect(state.message?.hasPrefix("Sweep:") == true, "a periodic sweep applied the default")
        #expect(try fixture.database.fetchCase(id: 2)?.stage != .merchantResponse)
        #expect(terminal.screenText.contains(DateText.clock(state.now)))
    }

    @Test func aNoteSavedThroughTheLoopIsWrittenOnceEvenWithEnterPressedTwice() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let (_, state, _) = try fixture.play(
            [.settle, .key(.char("C")), .settle] + "一条备注".map { MemoryTerminal.Step.key(.char($0)) }
                + [.keyNow(.enter), .keyNow(.enter), .settle, .key(.char("q"))])
        #expect(state.form == nil, "the saved form closes")
        #expect(state.writesInFlight == 0)
        let trail = try fixture.database.auditTrail(caseID: try #require(state.openCase?.id))
        #expect(trail.filter { $0.detail.contains("一条备注") }.count == 1, "one note, not two")
    }

    @Test func keysTypedWhileEffectsRunAreAllApplied() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        // Twelve j's as fast as the terminal gives them: the loop never waits for the store between them.
        let keys = Array(repeating: MemoryTerminal.Step.keyNow(.char("j")), count: 12)
        let (_, state, _) = try fixture.play([.settle] + keys + [.settle, .key(.char("q"))])
        #expect(state.queue.position == 12)
        #expect(state.openCase?.id == state.queue.selectedRow?.id, "the case pane shows the case the cursor is on")
    }
}
