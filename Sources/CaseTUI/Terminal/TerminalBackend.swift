import Foundation

/// What the console loop needs from a terminal: its size, the next input, and a place to paint.
///
/// `NcursesTerminal` is the real one; `MemoryTerminal` plays a script of keys on a fake clock so
/// the whole loop (ticks, sweeps, resizes, signals, live refresh, effects off the key path) runs
/// in unit tests.
public protocol TerminalBackend: AnyObject {
    /// The terminal's size in columns and rows.
    var size: (width: Int, height: Int) { get }
    /// The next input, or nil when `milliseconds` pass without one.
    func readInput(waitingAtMost milliseconds: Int) -> TerminalInput?
    /// Paints a finished screen (`fullRepaint` after a resize, when the terminal may hold garbage).
    func present(_ screen: Screen, fullRepaint: Bool)
    /// Told before each read whether effects are still running (a scripted terminal waits for them).
    func noteWork(pending: Bool)
}

extension TerminalBackend {
    /// A real terminal has nothing to do with it.
    public func noteWork(pending: Bool) {}
}

/// Where the loop learns that it has been told to stop (SIGINT, SIGTERM, SIGHUP).
public protocol SignalSource: AnyObject {
    /// The last signal received, if any.
    var pending: Int32? { get }
}

extension SignalWatch: SignalSource {}
