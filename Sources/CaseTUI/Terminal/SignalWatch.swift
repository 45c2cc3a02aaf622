import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT, SIGTERM and SIGHUP into a flag the main loop polls.
///
/// The handlers run on a dispatch queue and only record the signal; the loop then
/// leaves through the normal path, which restores the terminal.
public final class SignalWatch {
    /// The last signal seen; written by the dispatch handlers, read by the loop.
    final class Flag: Sendable {
        let value = Atomic<Int32>(0)
    }

    private let flag = Flag()
    private let signals: [Int32]
    private let sources: [any DispatchSourceSignal]

    /// Starts watching the given signals (their default action is disabled meanwhile).
    public init(signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]) {
        let queue = DispatchQueue(label: "casedesk.signals")
        self.signals = signals
        sources = signals.map { number in
            signal(number, SIG_IGN)
            return DispatchSource.makeSignalSource(signal: number, queue: queue)
        }
        for (source, number) in zip(sources, signals) {
            source.setEventHandler { [flag] in
                flag.value.store(number, ordering: .sequentiallyConsistent)
            }
            source.resume()
        }
    }

    /// The last signal received, if any.
    public var pending: Int32? {
        let value = flag.value.load(ordering: .sequentiallyConsistent)
        return value == 0 ? nil : value
    }

    /// Stops watching and restores the default actions.
    public func stop() {
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
