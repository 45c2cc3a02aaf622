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
    /// When the case was filed.
    public var createdAt: Date
    /// The priority level, 1 (most urgent) to 4.
    public var priority: Int
    /// The case's flags (an overdue obligation is marked in the queue).
    public var flags: Set<CaseFlag>

    /// Creates a queue row.
    public init(
        id: Int64, stage: Stage, deadline: Date?, claimAmount: Money, title: String, assignee: String?,
        createdAt: Date = Date(timeIntervalSince1970: 0), priority: Int = 3, flags: Set<CaseFlag> = []
    ) {
        self.flags = flags
        self.id = id
        self.stage = stage
        self.deadline = deadline
        self.claimAmount = claimAmount
        self.title = title
        self.assignee = assignee
        self.createdAt = createdAt
        self.priority = priority
    }

    /// Where this row stands in deadline order; pages continue from here.
    public var cursor: QueueCursor { cursor(.deadline) }

    /// Where this row stands in an order.
    public func cursor(_ order: QueueOrder) -> QueueCursor {
        switch order {
        case .deadline: QueueCursor(key: deadline.map(Timestamp.seconds) ?? QueueCursor.noDeadlineKey, id: id)
        case .amount: QueueCursor(key: -claimAmount.fen, id: id)
        case .age: QueueCursor(key: Timestamp.seconds(createdAt), id: id)
        case .priority:
            QueueCursor(
                key: Int64(priority) * 10_000_000_000 + (deadline.map(Timestamp.seconds) ?? 9_999_999_999), id: id)
        }
    }
}

/// A position in the queue: keyset paging, so a deep page costs what the first does.
public struct QueueCursor: Hashable, Sendable {
    /// The order's sort key (deadline seconds, negated claim, filing seconds).
    public var key: Int64
    /// The case number, breaking ties.
    public var id: Int64

    /// The deadline key of a case with no running clock: after every real deadline.
    package static let noDeadlineKey = Int64.max

    /// Where a case stands in the deadline-ordered queue now.
    public init(of item: Case, order: QueueOrder = .deadline) {
        switch order {
        case .deadline: key = item.stageDeadline.map(Timestamp.seconds) ?? QueueCursor.noDeadlineKey
        case .amount: key = -item.claimAmount.fen
        case .age: key = Timestamp.seconds(item.createdAt)
        case .priority:
            key = Int64(item.priority) * 10_000_000_000 + (item.stageDeadline.map(Timestamp.seconds) ?? 9_999_999_999)
        }
        id = item.id
    }

    package init(key: Int64, id: Int64) {
        self.key = key
        self.id = id
    }
}
