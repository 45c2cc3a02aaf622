import Foundation
import Synchronization

/// A clock that moves only when told: the console loop's time in tests and benchmarks.
public final class ManualClock: Sendable {
    private let instant: Mutex<Date>

    /// A clock standing at `start`.
    public init(_ start: Date) { instant = Mutex(start) }

    /// The time now.
    public var now: Date { instant.withLock { $0 } }

    /// Moves the clock on.
    public func advance(_ seconds: TimeInterval) { instant.withLock { $0 = $0.addingTimeInterval(seconds) } }

    /// The clock as the closure the console takes.
    public var reading: @Sendable () -> Date { { self.now } }
}

/// A terminal that plays a script: the real console loop runs on it in tests, with keys, resizes,
/// time passing, signals and waits for the screen, and every painted frame is kept.
///
/// A `.key` step waits until the loop has no effect running (so each key sees the results of the
/// ones before, as a person would after a glance); `.keyNow` does not (keys typed while the store
/// is busy). When the script ends the terminal reports SIGHUP, like a dropped SSH connection.
public final class MemoryTerminal: TerminalBackend, SignalSource {
    /// One thing that happens at the terminal.
    public enum Step: Sendable {
        /// A key, once the loop is idle.
        case key(Key)
        /// A key at once, even while effects run.
        case keyNow(Key)
        /// The window resized.
        case resize(width: Int, height: Int)
        /// Time passes with no key (the loop's read times out): the clock moves on.
        case wait(TimeInterval)
        /// Real time passes until the screen shows `text` (at most `seconds`, else the run fails).
        case waitFor(String, seconds: TimeInterval = 10)
        /// Nothing, until the loop has no effect running.
        case settle
        /// A signal arrives.
        case signal(Int32)
    }

    private var script: [Step]
    private let clock: ManualClock?
    private var width: Int
    private var height: Int
    private var pendingWork = false
    private var signal: Int32?
    private var waitStarted: Date?
    /// Every frame painted, oldest first.
    public private(set) var frames: [Screen] = []
    /// Called with each step as it is taken (a test makes another process's change at a chosen moment).
    public var onStep: ((Step) -> Void)?
    /// What went wrong playing the script (a screen that never showed what was waited for).
    public private(set) var failures: [String] = []

    /// A terminal of the given size playing `script`, moving `clock` on for `.wait` steps.
    public init(width: Int, height: Int, script: [Step], clock: ManualClock? = nil) {
        self.width = width
        self.height = height
        self.script = script
        self.clock = clock
        self.stepsBefore = script.count
    }

    /// The keys of `notation` (as the configuration file writes them) as `.key` steps.
    public static func keys(_ notation: String) throws -> [Step] {
        try KeyNotation.parse(notation).map { .key($0) }
    }

    /// The last frame painted, as text.
    public var screenText: String { frames.last?.text ?? "" }

    public var size: (width: Int, height: Int) { (width, height) }

    public var pending: Int32? { signal }

    public func noteWork(pending: Bool) { pendingWork = pending }

    public func present(_ screen: Screen, fullRepaint: Bool) { frames.append(screen) }

    public func readInput(waitingAtMost milliseconds: Int) -> TerminalInput? {
        guard let step = script.first else {
            signal = SIGHUP
            return nil
        }
        let input = play(step, milliseconds)
        if script.count < stepsBefore {
            stepsBefore = script.count
            onStep?(step)
        }
        return input
    }

    private var stepsBefore = Int.max

    private func play(_ step: Step, _ milliseconds: Int) -> TerminalInput? {
        switch step {
        case .key(let key):
            if pendingWork { return pause(milliseconds) }
            script.removeFirst()
            return .key(key)
        case .keyNow(let key):
            script.removeFirst()
            return .key(key)
        case .resize(let newWidth, let newHeight):
            script.removeFirst()
            width = newWidth
            height = newHeight
            return .resize
        case .wait(let seconds):
            script.removeFirst()
            clock?.advance(seconds)
            return nil
        case .waitFor(let text, let seconds):
            if screenText.contains(text) {
                script.removeFirst()
                waitStarted = nil
                return nil
            }
            let started = waitStarted ?? Date()
            waitStarted = started
            if Date().timeIntervalSince(started) > seconds {
                failures.append("the screen never showed \"\(text)\"; it showed:\n\(screenText)")
                script.removeFirst()
                waitStarted = nil
            }
            return pause(milliseconds)
        case .settle:
            if pendingWork { return pause(milliseconds) }
            script.removeFirst()
            return nil
        case .signal(let number):
            script.removeFirst()
            signal = number
            return nil
        }
    }

    private func pause(_ milliseconds: Int) -> TerminalInput? {
        Thread.sleep(forTimeInterval: Double(min(milliseconds, 5)) / 1000)
        return nil
    }
}
