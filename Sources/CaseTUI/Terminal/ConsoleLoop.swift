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
        database: CaseDatabase, initialMessage: String?, databaseLabel: String, useColor: Bool,
        clock: @escaping @Sendable () -> Date = Date.init
    ) throws -> Outcome {
        let signals = SignalWatch()
        defer { signals.stop() }
        let terminal = try NcursesTerminal(useColor: useColor)
        defer { terminal.shutdown() }

        let size = terminal.size
        var state = AppState(width: size.width, height: size.height, now: clock(), databaseLabel: databaseLabel)
        state.message = initialMessage
        var driver = AppDriver(state: state, database: database)
        var fullRepaint = true
        var lastSecond = Int(clock().timeIntervalSince1970)
        while true {
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
        }
    }
}
