import CaseStore
import CaseTraining
import Foundation

/// A scenario being played at the console: its sandbox, and the score book finished scenarios go to.
public struct TrainingSession: Sendable {
    /// The sandbox (its own database and simulated clock).
    public let sandbox: TrainingSandbox
    /// Where scores are kept; nil keeps none (tests, handouts).
    public let book: (any ScoreKeeping)?

    /// The wall clock finished attempts are dated by (simulated time is the sandbox's).
    public let wallClock: @Sendable () -> Date

    /// Creates a session.
    public init(
        sandbox: TrainingSandbox, book: (any ScoreKeeping)?, wallClock: @escaping @Sendable () -> Date = Date.init
    ) {
        self.sandbox = sandbox
        self.book = book
        self.wallClock = wallClock
    }
}
