import Foundation

/// Runs effects on one background thread, in the order given, so the store is never called on the
/// key path: the loop hands effects over, keeps reading keys and painting, and takes the results
/// (as actions) when they are ready.
///
/// Nothing is dropped or run twice: writes always run, in order. Only reads that a later read of
/// the same kind supersedes are skipped (the case the cursor passed over while `j` was held, a
/// second change check queued behind the first).
final class EffectWorker: @unchecked Sendable {
    private let runner: EffectRunner
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [Effect] = []
    private var results: [(Effect, Action)] = []
    private var running: Effect?
    private var runningSince: Date?
    private var stopping = false
    private var thread: Thread?
    /// Called (on the worker thread) when a result is ready, so a waiting loop can wake.
    private let wake: @Sendable () -> Void

    init(runner: EffectRunner, wake: @escaping @Sendable () -> Void = {}) {
        self.runner = runner
        self.wake = wake
        let thread = Thread { [unowned self] in self.work() }
        thread.name = "casedesk.effects"
        self.thread = thread
        thread.start()
    }

    /// Queues an effect.
    func submit(_ effect: Effect) {
        condition.lock()
        queue.append(effect)
        condition.signal()
        condition.unlock()
    }

    /// The results finished since the last call, in the order their effects were submitted.
    func drain() -> [(Effect, Action)] {
        condition.lock()
        defer { condition.unlock() }
        let done = results
        results = []
        return done
    }

    /// Whether nothing is queued or running and every result has been taken.
    var isIdle: Bool {
        condition.lock()
        defer { condition.unlock() }
        return queue.isEmpty && running == nil && results.isEmpty
    }

    /// How long the effect running now has been running, if one is.
    func runningFor(now: Date) -> TimeInterval? {
        condition.lock()
        defer { condition.unlock() }
        return runningSince.map { now.timeIntervalSince($0) }
    }

    /// Waits until the queue is empty and nothing runs (every write is in), at most `timeout`.
    @discardableResult
    func waitUntilQuiet(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while !(queue.isEmpty && running == nil) {
            if !condition.wait(until: deadline) { return false }
        }
        return true
    }

    /// Lets the thread finish what is queued and end.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while queue.isEmpty && !stopping { condition.wait() }
            if queue.isEmpty && stopping {
                condition.unlock()
                return
            }
            let effect = queue.removeFirst()
            if Self.isSuperseded(effect, by: queue) {
                condition.broadcast()
                condition.unlock()
                continue
            }
            running = effect
            runningSince = Date()
            condition.unlock()

            let action = runner.run(effect)

            condition.lock()
            results.append((effect, action))
            running = nil
            runningSince = nil
            condition.broadcast()
            condition.unlock()
            wake()
        }
    }

    /// Whether a queued read is made pointless by a later one of the same kind.
    static func isSuperseded(_ effect: Effect, by later: [Effect]) -> Bool {
        switch effect {
        case .loadCase:
            later.contains { if case .loadCase = $0 { true } else { false } }
        case .checkForChanges:
            later.contains(.checkForChanges)
        default:
            false
        }
    }
}
