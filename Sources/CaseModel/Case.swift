import Foundation

/// One buyer–merchant dispute as a mediator works it.
public struct Case: Hashable, Codable, Sendable, Identifiable {
    /// The case number; unique within a database.
    public var id: Int64
    /// A one-line summary, as the buyer put it.
    public var title: String
    /// The buyer's account of the dispute.
    public var narrative: String
    /// The nature of the dispute.
    public var category: Category
    /// What the buyer asks for.
    public var requestType: RequestType
    /// The buyer.
    public var buyer: Party
    /// The merchant (shop).
    public var merchant: Party
    /// The platform's order number.
    public var orderID: String
    /// What the buyer paid for the order.
    public var orderAmount: Money
    /// What the buyer claims.
    public var claimAmount: Money
    /// Where the case stands in the lifecycle.
    public var stage: Stage
    /// When the current stage's clock runs out; nil when no clock runs.
    public var stageDeadline: Date?
    /// The stage a suspended case returns to.
    public var suspendedFrom: Stage?
    /// Seconds left on the stage clock when the case was suspended (working seconds for a working-time clock).
    public var pausedRemaining: Int64?
    /// The rule pack the case runs under ("marketplace@1"); fixed when the case is filed.
    public var rulePack: String
    /// The mediator working the case; nil while it is unassigned.
    public var assignee: String?
    /// When the case was filed.
    public var createdAt: Date
    /// When the case last changed.
    public var updatedAt: Date
    /// Incremented by every write; detects concurrent edits.
    public var version: Int
    /// How urgent the case is, 1 (most) to 4; the queue's priority order sorts by it, then by deadline.
    public var priority: Int
    /// Markers that change how the case is handled.
    public var flags: Set<CaseFlag>

    /// Creates a case.
    public init(
        id: Int64, title: String, narrative: String = "", category: Category,
        requestType: RequestType, buyer: Party, merchant: Party, orderID: String,
        orderAmount: Money, claimAmount: Money, stage: Stage, stageDeadline: Date? = nil,
        suspendedFrom: Stage? = nil, pausedRemaining: Int64? = nil, rulePack: String = "",
        assignee: String? = nil, createdAt: Date,
        updatedAt: Date? = nil, version: Int = 1, priority: Int? = nil, flags: Set<CaseFlag> = []
    ) {
        self.id = id
        self.title = title
        self.narrative = narrative
        self.category = category
        self.requestType = requestType
        self.buyer = buyer
        self.merchant = merchant
        self.orderID = orderID
        self.orderAmount = orderAmount
        self.claimAmount = claimAmount
        self.stage = stage
        self.stageDeadline = stageDeadline
        self.suspendedFrom = suspendedFrom
        self.pausedRemaining = pausedRemaining
        self.rulePack = rulePack
        self.assignee = assignee
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.version = version
        self.priority = priority ?? Priority.initial(category: category, claim: claimAmount)
        self.flags = flags
    }

    /// The case after taking a lifecycle step, or why the step is refused.
    ///
    /// The new stage's deadline is the caller's to set: it comes from a rule pack.
    public func applying(
        _ event: LifecycleEvent, by actor: ActorKind, at now: Date, deadline: Date?
    ) -> Result<Case, LifecycleError> {
        Lifecycle.apply(event, to: stage, by: actor, suspendedFrom: suspendedFrom).map { next in
            var updated = self
            updated.suspendedFrom = next == .suspended ? stage : nil
            if next != .suspended { updated.pausedRemaining = nil }
            updated.stage = next
            updated.stageDeadline = next.isTerminal ? nil : deadline
            updated.updatedAt = now
            updated.version += 1
            return updated
        }
    }
}
