import CaseStore

/// A scenario being played at the console: its sandbox, and the score book finished scenarios go to.
public struct TrainingSession: Sendable {
    /// The sandbox (its own database and simulated clock).
    public let sandbox: TrainingSandbox
    /// Where scores are kept; nil keeps none (tests, handouts).
    public let book: ScoreBook?

    /// Creates a session.
    public init(sandbox: TrainingSandbox, book: ScoreBook?) {
        self.sandbox = sandbox
        self.book = book
    }
}
