import CaseModel
import Foundation

/// One line of the work queue: just what the queue pane shows.
public struct QueueRow: Hashable, Sendable, Identifiable {
    /// The case number.
    public var id: Int64
    /// The case's stage.
    public var stage: Stage
    /// The stage deadline, if a clock runs.
    public var deadline: Date?
    /// The amount claimed.
    public var claimAmount: Money
    /// The case title.
    public var title: String
    /// The mediator working the case.
    public var assignee: String?

    /// Creates a queue row.
    public init(
        id: Int64, stage: Stage, deadline: Date?, claimAmount: Money, title: String, assignee: String?
    ) {
        self.id = id
        self.stage = stage
        self.deadline = deadline
        self.claimAmount = claimAmount
        self.title = title
        self.assignee = assignee
    }

    /// Where this row stands in deadline order; pages continue from here.
    public var cursor: QueueCursor {
        QueueCursor(deadlineKey: deadline.map(Timestamp.seconds) ?? Migrations.noDeadlineKey, id: id)
    }
}

/// A position in the deadline-ordered queue: keyset paging, so a deep page costs what the first does.
public struct QueueCursor: Hashable, Sendable {
    /// The deadline in seconds, or the largest integer when the case has none.
    public var deadlineKey: Int64
    /// The case number, breaking ties.
    public var id: Int64

    /// Where a case stands in the queue now.
    public init(of item: Case) {
        deadlineKey = item.stageDeadline.map(Timestamp.seconds) ?? Migrations.noDeadlineKey
        id = item.id
    }

    init(deadlineKey: Int64, id: Int64) {
        self.deadlineKey = deadlineKey
        self.id = id
    }
}
