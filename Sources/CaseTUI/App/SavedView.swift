import CaseModel
import CaseStore
import Foundation

/// The views a mediator switches between all day, cycled with `v`.
public enum SavedView: String, CaseIterable, Sendable {
    case all = "All cases"
    case mine = "My cases"
    case unassigned = "Unassigned"
    case dueToday = "Due today"
    case overdue = "Overdue"
    case awaitingReview = "Awaiting review"

    /// The view after this one, wrapping.
    public var next: SavedView {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The query this view stands for, for `staff` at `now` (days end at midnight UTC until a
    /// display time zone exists).
    public func query(staff: StaffMember, now: Date, order: QueueOrder) -> QueueQuery {
        var query = QueueQuery(order: order)
        switch self {
        case .all: break
        case .mine:
            query.assignee = staff.name
            query.openOnly = true
        case .unassigned:
            query.assignee = ""
            query.openOnly = true
        case .dueToday:
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let endOfDay = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now))!
            query.dueWindow = now...endOfDay
            query.openOnly = true
        case .overdue:
            query.overdueAt = now
            query.openOnly = true
        case .awaitingReview:
            query.stages = [.decision, .appealReview]
        }
        return query
    }
}
