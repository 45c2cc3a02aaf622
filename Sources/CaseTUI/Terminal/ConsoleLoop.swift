import CaseModel
import CaseStore
import Foundation

/// The live console: reads keys, ticks the clock, repaints, until quit or a signal.
public enum ConsoleLoop {
    /// How the console ended.
    public enum Outcome: Equatable, Sendable {
        case quit
        case signal(Int32)
    }

    /// Runs the console on the real terminal until the user quits or a signal arrives.
    ///
    /// The terminal is restored on every way out, including thrown errors.
    public static func run(
        database: any CaseStore, rules: RulePackCatalog, staff: StaffMember, measure: DisplayWidth = .standard,
        language: Language = .en, keymap: Keymap = .standard,
        initialMessage: String?,
        databaseLabel: String,
        useColor: Bool, sweepEvery: TimeInterval = 30,
        clock: @escaping @Sendable () -> Date = Date.init, training: TrainingSession? = nil, lastAnchor: Date? = nil
    ) throws -> Outcome {
        let signals = SignalWatch()
        defer { signals.stop() }
        let terminal = try NcursesTerminal(useColor: useColor)
        defer { terminal.shutdown() }

        let size = terminal.size
        var state = AppState(width: size.width, height: size.height, now: clock(), databaseLabel: databaseLabel)
        state.message = initialMessage
        state.rules = rules
        state.staff = staff
        state.measure = measure
        state.language = language
        state.keymap = keymap
        state.readOnly = database.isReadOnly
        state.simulated = (try? database.isSimulated()) ?? false
        state.lastAnchor = lastAnchor
        var driver = AppDriver(state: state, database: database, clock: clock, training: training)
        // The first screen first; then apply whatever expired while no one was looking (saying so
        // on the status bar), then keep sweeping on a timer.
        func sweep(_ now: Date) {
            driver.send(.busy(UIText.sweeping))
            terminal.present(driver.render(), fullRepaint: false)
            driver.send(.sweepDue(now))
            driver.send(.busy(nil))
        }
        terminal.present(driver.render(), fullRepaint: true)
        sweep(clock())
        var lastSweep = clock()
        var fullRepaint = true
        var lastSecond = Int(clock().timeIntervalSince1970)
        // Fault injection for the terminal-safety test: a view that traps when help opens.
        let injectFault = ProcessInfo.processInfo.environment["CASEDESK_INJECT_VIEW_FAULT"] == "1"
        while true {
            if injectFault && driver.state.showHelp {
                fatalError("injected fault in a view (CASEDESK_INJECT_VIEW_FAULT)")
            }
            terminal.present(driver.render(), fullRepaint: fullRepaint)
            fullRepaint = false
            if driver.state.shouldQuit { return .quit }
            if let number = signals.pending { return .signal(number) }
            let input = terminal.readKey()
            switch input {
            case .key(let key):
                driver.press(key)
            case .resize:
                // Resizes come in bursts: take the latest size once, then repaint everything.
                let size = terminal.size
                driver.send(.resize(width: size.width, height: size.height))
                fullRepaint = true
            case nil:
                break
            }
            let now = clock()
            let second = Int(now.timeIntervalSince1970)
            if second != lastSecond {
                lastSecond = second
                driver.send(.tick(now))
            }
            if now.timeIntervalSince(lastSweep) >= sweepEvery {
                lastSweep = now
                sweep(now)
            }
        }
    }
}
