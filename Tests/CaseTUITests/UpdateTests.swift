import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation
import Testing

@testable import CaseTUI

@Suite("Update: state and action in, state and effects out")
struct UpdateTests {
    func state() -> AppState {
        var state = AppState(width: 100, height: 30, now: pinnedNow, databaseLabel: "t")
        state.staff = StaffMember(name: "lin.mei", role: .mediator)
        return state
    }

    @Test func tabCyclesThePanesAndShiftTabGoesBack() {
        var s = state()
        var order: [Pane] = []
        for _ in 0..<3 {
            _ = Update.update(&s, .command(.nextPane))
            order.append(s.focus)
        }
        #expect(order == [.detail, .evidence, .queue])
        _ = Update.update(&s, .command(.previousPane))
        #expect(s.focus == .evidence)
    }

    @Test func escClosesHelpFirstThenReturnsToTheQueue() {
        var s = state()
        s.focus = .evidence
        _ = Update.update(&s, .command(.help))
        #expect(s.context == .help)
        _ = Update.update(&s, .command(.back))
        #expect(s.context == .pane(.evidence))
        _ = Update.update(&s, .command(.back))
        #expect(s.context == .pane(.queue))
    }

    @Test func quitSetsTheFlagAndAsksForNoEffect() {
        var s = state()
        #expect(Update.update(&s, .command(.quit)).isEmpty)
        #expect(s.shouldQuit)
    }

    @Test func aTickMovesTheClockAndLooksForChanges() {
        var s = state()
        let later = pinnedNow.addingTimeInterval(61)
        #expect(Update.update(&s, .tick(later)) == [.checkForChanges])
        #expect(s.now == later)
    }

    @Test func onlyAChangedTokenReloadsTheScreen() {
        var s = state()
        let row = QueueRow(id: 4, stage: .filed, deadline: nil, claimAmount: .zero, title: "t", assignee: nil)
        _ = Update.update(&s, .queueLoaded(.head, [row], total: 1))
        #expect(Update.update(&s, .changeToken(10)).isEmpty, "the first token is the baseline")
        #expect(Update.update(&s, .changeToken(10)).isEmpty)
        #expect(Update.update(&s, .changeToken(11)) == [.loadQueue(.refresh(row.cursor, follow: false), .all)])
    }

    @Test func aSweepReportsWhatItDid() {
        var s = state()
        #expect(Update.update(&s, .sweepDue(pinnedNow)) == [.sweep(pinnedNow)])
        #expect(Update.update(&s, .swept(applied: 2, problems: [])) == [.checkForChanges])
        #expect(s.message == "Sweep: 2 default outcomes applied")
        _ = Update.update(&s, .swept(applied: 0, problems: ["#3: unknown rule pack"]))
        #expect(s.messageIsError && s.message?.contains("#3") == true)
    }

    @Test func aFailedEffectShowsItsMessageAsAnError() {
        var s = state()
        _ = Update.update(&s, .failed("database is locked"))
        #expect(s.message == "database is locked")
        #expect(s.messageIsError)
    }

    @Test func movingInTheQueueAsksForTheSelectedCase() {
        var s = state()
        let rows = (1...3).map {
            QueueRow(id: Int64($0), stage: .filed, deadline: nil, claimAmount: .zero, title: "c\($0)", assignee: nil)
        }
        let effects = Update.update(&s, .queueLoaded(.head, rows, total: 3))
        #expect(effects == [.loadCase(1)])
        #expect(Update.update(&s, .command(.moveDown)) == [.loadCase(2)])
        #expect(Update.update(&s, .command(.last)) == [.loadCase(3)])
        _ = Update.update(&s, .command(.moveDown))
        #expect(s.queue.position == 2, "the last row stays selected")
    }
}

@Suite("The command table feeds the keymap and help")
struct CommandTableTests {
    @Test func everyCommandHasKeysHelpInBothLanguagesAndRoles() {
        for id in CommandID.allCases {
            let spec = CommandTable.spec(id)
            #expect(!spec.keys.isEmpty, "\(id)")
            #expect(!spec.help.en.isEmpty && !spec.help.zh.isEmpty, "\(id)")
            #expect(!spec.roles.isEmpty && !spec.contexts.isEmpty, "\(id)")
        }
    }

    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in [Context.pane(.queue), .pane(.detail), .pane(.evidence), .help, .steps, .confirm] {
            let keys = CommandTable.available(in: context).flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(context)")
        }
    }

    @Test func quitIsReachableEverywhere() {
        for context in [Context.pane(.queue), .pane(.detail), .pane(.evidence), .help] {
            #expect(Keymap.standard.command(for: .char("q"), in: context) == .quit)
        }
        // Menus and questions close with Esc first, so q never quits from under a half-made choice.
        for context in [Context.steps, .confirm] {
            #expect(Keymap.standard.command(for: .escape, in: context) == .back)
        }
    }

    @Test func theKeymapAgreesWithTheTable() {
        #expect(Keymap.standard.command(for: .char("j"), in: .pane(.queue)) == .moveDown)
        #expect(Keymap.standard.command(for: .down, in: .pane(.evidence)) == .moveDown)
        #expect(Keymap.standard.command(for: .enter, in: .pane(.queue)) == .open)
        // j turns help's pages when the keys need more than one.
        #expect(Keymap.standard.command(for: .char("j"), in: .help) == .moveDown)
        #expect(Keymap.standard.command(for: .char("T"), in: .help) == nil)
        #expect(Keymap.standard.keys(for: .first, in: .pane(.queue)) == [.char("g"), .home])
    }
}

@Suite("Reloading keeps the reader's place")
struct ReloadTests {
    @Test func aReloadOfTheSameCaseKeepsTheEvidenceSelection() throws {
        var driver = try exampleDriver(keys: "jj<Tab><Tab>j")
        #expect(driver.state.evidenceSelection == 1)
        let item = try #require(driver.state.openCase)
        driver.send(.caseLoaded(item, driver.state.evidence))
        #expect(driver.state.evidenceSelection == 1)
        driver.press(.escape)
        driver.press(.char("j"))
        #expect(driver.state.evidenceSelection == 0, "another case starts at its first item")
    }
}

@Suite("Key bindings can be overridden, safely")
struct KeymapOverrideTests {
    @Test func anOverrideReplacesTheDefaultKeysEverywhere() throws {
        let keymap = try Keymap(overrides: [.take: [.char("y")], .quit: [.char("q"), .ctrl("q")]])
        #expect(keymap.command(for: .char("y"), in: .pane(.queue)) == .take)
        #expect(keymap.command(for: .char("T"), in: .pane(.queue)) == nil)
        #expect(keymap.command(for: .ctrl("q"), in: .help) == .quit)
        var state = try exampleDriver().state
        state.keymap = keymap
        let help = Renderer.render(
            {
                var s = state
                s.showHelp = true
                return s
            }()
        ).text
        #expect(help.contains("y          Take the case"))
    }

    @Test func aKeyBoundTwiceWhereBothApplyIsRefused() {
        #expect(throws: KeymapError.self) { _ = try Keymap(overrides: [.take: [.char("j")]]) }
        do {
            _ = try Keymap(overrides: [.take: [.char("j")]])
        } catch {
            #expect(error.description.contains("j is bound to both"))
        }
    }

    @Test func aKeymapWithNoWayToQuitIsRefused() {
        #expect(throws: KeymapError(description: "quit has no key: the console could not be left")) {
            _ = try Keymap(overrides: [.quit: []])
        }
    }

    @Test func takeOnTClashesWithTheTimelineInTheCasePane() {
        #expect(throws: KeymapError.self) { _ = try Keymap(overrides: [.take: [.char("t")]]) }
    }
}
