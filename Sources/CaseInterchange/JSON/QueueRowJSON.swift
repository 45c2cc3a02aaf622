import Foundation

/// A queue row as `queue --json` and `search --json` print it.
public struct QueueRowJSON: Encodable, Sendable {
    var id: Int64
    var stage: String
    /// Null, not absent, when no clock runs.
    @Null var deadline: String?
    var claimFen: Int64
    @Null var assignee: String?
    var title: String
    var flags: [String]

    /// A row's shape.
    public init(
        id: Int64, stage: String, deadline: String?, claimFen: Int64, assignee: String?, title: String,
        flags: [String]
    ) {
        self.id = id
        self.stage = stage
        self.deadline = deadline
        self.claimFen = claimFen
        self.assignee = assignee
        self.title = title
        self.flags = flags
    }

    enum CodingKeys: String, CodingKey {
        case id, stage, deadline
        case claimFen = "claim_fen"
        case assignee, title, flags
    }
}
