import CaseModel
import CaseStore
import Foundation

/// The live console: reads keys, ticks the clock, repaints, until quit or a signal.
///
/// The store is never called on the key path: effects run on an `EffectWorker` thread and their
/// results come back as actions between keys, so keys keep moving while a write waits for a lock,
/// a sweep runs or a large page loads, and the status bar marks what is running.
public enum ConsoleLoop {
    /// How the console ended.
    public enum Outcome: Equatable, Sendable {
        case quit
        case signal(Int32)
    }

    /// How long a read may run before the status bar marks it.
    static let slowRead: TimeInterval = 0.25

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
        let driver = AppDriver(state: state, database: database, clock: clock, training: training)
        return drive(terminal: terminal, signals: signals, driver: driver, clock: clock, sweepEvery: sweepEvery).outcome
    }

    /// The loop itself, on any terminal: what the real console runs, and what tests run on a
    /// `MemoryTerminal` with a `ManualClock`. Returns how it ended and the final state.
    public static func drive(
        terminal: some TerminalBackend, signals: some SignalSource, driver initial: AppDriver,
        clock: @escaping @Sendable () -> Date, sweepEvery: TimeInterval = 30
    ) -> (outcome: Outcome, state: AppState) {
        var driver = initial
        let worker = EffectWorker(runner: driver.runner)
        defer {
            // Every write handed over is finished before the console goes: nothing typed is lost.
            worker.waitUntilQuiet(timeout: 30)
            worker.stop()
        }
        func dispatch(_ effects: [Effect]) {
            for effect in effects {
                if effect.isWrite { dispatch(driver.handle(.effectStarted(effect))) }
                worker.submit(effect)
            }
        }
        func apply(_ action: Action) { dispatch(driver.handle(action)) }

        // The first screen first; then apply whatever expired while no one was looking (marked on
        // the status bar), then keep sweeping on a timer.
        terminal.present(driver.render(), fullRepaint: true)
        apply(.sweepDue(clock()))
        terminal.present(driver.render(), fullRepaint: false)
        var lastSweep = clock()
        var fullRepaint = true
        var dirty = true
        var lastSecond = Int(clock().timeIntervalSince1970)
        // Fault injection for the terminal-safety test: a view that traps when help opens.
        let injectFault = ProcessInfo.processInfo.environment["CASEDESK_INJECT_VIEW_FAULT"] == "1"
        while true {
            for (effect, action) in worker.drain() {
                apply(action)
                if effect.isWrite { apply(.effectFinished(effect)) }
                dirty = true
            }
            let slow = (worker.runningFor(now: Date()) ?? 0) >= slowRead
            if slow != (driver.state.busy != nil) {
                apply(.busy(slow ? UIText.loading : nil))
                dirty = true
            }
            if injectFault && driver.state.showHelp {
                fatalError("injected fault in a view (CASEDESK_INJECT_VIEW_FAULT)")
            }
            if dirty {
                terminal.present(driver.render(), fullRepaint: fullRepaint)
                fullRepaint = false
                dirty = false
            }
            if driver.state.shouldQuit { return (.quit, driver.state) }
            if let number = signals.pending { return (.signal(number), driver.state) }
            let working = !worker.isIdle
            terminal.noteWork(pending: working)
            // While the worker runs, look back often for its result; idle, wake for ticks and signals.
            switch terminal.readInput(waitingAtMost: working ? 10 : 200) {
            case .key(let key):
                if let action = driver.action(for: key) { apply(action) }
                dirty = true
            case .resize:
                // Resizes come in bursts: take the latest size once, then repaint everything.
                let size = terminal.size
                apply(.resize(width: size.width, height: size.height))
                fullRepaint = true
                dirty = true
            case nil:
                break
            }
            let now = clock()
            let second = Int(now.timeIntervalSince1970)
            if second != lastSecond {
                lastSecond = second
                apply(.tick(now))
                dirty = true
            }
            if now.timeIntervalSince(lastSweep) >= sweepEvery {
                lastSweep = now
                apply(.sweepDue(now))
                dirty = true
            }
        }
    }
}
