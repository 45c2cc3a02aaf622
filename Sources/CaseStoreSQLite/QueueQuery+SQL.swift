import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension QueueOrder {
    /// The SQL sort key; the index on (key, id) makes keyset paging a seek.
    var key: String {
        switch self {
        case .deadline: "ifnull(stage_deadline, \(Migrations.noDeadlineKey))"
        case .amount: "-claim_amount_fen"
        case .age: "created_at"
        case .priority: "priority * 10000000000 + ifnull(stage_deadline, 9999999999)"
        }
    }

    /// The index that serves the order.
    var index: String {
        switch self {
        case .deadline: "cases_by_deadline"
        case .amount: "cases_by_claim"
        case .age: "cases_by_age"
        case .priority: "cases_by_priority"
        }
    }
}

extension QueueQuery {
    /// The WHERE conditions and their arguments ("1" when there is no filter).
    var conditions: (sql: String, arguments: StatementArguments) {
        var parts: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if !stages.isEmpty {
            parts.append("stage IN (\(Array(repeating: "?", count: stages.count).joined(separator: ",")))")
            arguments += stages.map(\.rawValue).sorted() as [String]
        }
        if let assignee {
            if assignee.isEmpty {
                parts.append("assignee IS NULL")
            } else {
                parts.append("assignee = ?")
                arguments.append(assignee)
            }
        }
        if let overdueAt {
            parts.append("stage_deadline IS NOT NULL AND stage_deadline < ?")
            arguments.append(Timestamp.seconds(overdueAt))
        }
        if let dueWindow {
            parts.append("stage_deadline BETWEEN ? AND ?")
            arguments.append(Timestamp.seconds(dueWindow.lowerBound))
            arguments.append(Timestamp.seconds(dueWindow.upperBound))
        }
        if !categories.isEmpty {
            parts.append("category IN (\(Array(repeating: "?", count: categories.count).joined(separator: ",")))")
            arguments += categories.map(\.rawValue).sorted() as [String]
        }
        if let minClaim {
            parts.append("claim_amount_fen >= ?")
            arguments.append(minClaim.fen)
        }
        if let maxClaim {
            parts.append("claim_amount_fen <= ?")
            arguments.append(maxClaim.fen)
        }
        for flag in flags.sorted() {
            parts.append("flags LIKE ?")
            arguments.append("%,\(flag.rawValue),%")
        }
        if openOnly {
            parts.append("stage NOT IN ('closed', 'referred', 'withdrawn')")
        }
        return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), StatementArguments(arguments))
    }
}
