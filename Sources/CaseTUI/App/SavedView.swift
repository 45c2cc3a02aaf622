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
    case appeals = "Appeals"
    case obligationsOverdue = "Obligations overdue"

    /// The view's name in both languages.
    public var label: LocalizedText {
        switch self {
        case .all: LocalizedText(en: "All cases", zh: "全部案件")
        case .mine: LocalizedText(en: "My cases", zh: "我的案件")
        case .unassigned: LocalizedText(en: "Unassigned", zh: "未领取")
        case .dueToday: LocalizedText(en: "Due today", zh: "今日到期")
        case .overdue: LocalizedText(en: "Overdue", zh: "已超时")
        case .awaitingReview: LocalizedText(en: "Awaiting review", zh: "待审核")
        case .appeals: LocalizedText(en: "Appeals", zh: "申诉复核")
        case .obligationsOverdue: LocalizedText(en: "Obligations overdue", zh: "履行逾期")
        }
    }

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
            // Rulings the review policy sent to a supervisor (every one above the amount, every
            // platform-interest case, the random sample).
            query.flags = [.reviewPending]
        case .appeals:
            query.stages = [.appealReview]
        case .obligationsOverdue:
            query.flags = [.obligationOverdue]
        }
        return query
    }
}
