import Foundation

/// How pressing a deadline is, for colouring countdowns.
public enum Urgency: Int, Comparable, Sendable {
    case none, normal, soon, critical, overdue

    public static func < (lhs: Urgency, rhs: Urgency) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The time left until a deadline, as a mediator reads it: "3h 12m", "overdue 1d 4h".
public struct Countdown: Hashable, Sendable {
    /// Seconds until the deadline; negative once it has passed.
    public let seconds: Int64

    /// The countdown from `now` to `deadline`.
    public init(deadline: Date, now: Date) {
        seconds = Int64((deadline.timeIntervalSince(now)).rounded(.down))
    }

    /// Whether the deadline has passed.
    public var isOverdue: Bool { seconds < 0 }

    /// Overdue; under 4 hours; under 24 hours; or more.
    public var urgency: Urgency {
        if seconds < 0 { return .overdue }
        if seconds < 4 * 3600 { return .critical }
        if seconds < 24 * 3600 { return .soon }
        return .normal
    }

    /// The two largest units: "2d 5h", "3h 12m", "45m", "<1m", prefixed "overdue" when late.
    public func text(_ language: Language = .en) -> String {
        let magnitude = seconds.magnitude
        let days = magnitude / 86_400
        let hours = (magnitude % 86_400) / 3600
        let minutes = (magnitude % 3600) / 60
        let units: (d: String, h: String, m: String, sep: String) =
            language == .zh ? ("天", "小时", "分", "") : ("d", "h", "m", " ")
        let body: String
        if days > 0 {
            body = "\(days)\(units.d)\(units.sep)\(hours)\(units.h)"
        } else if hours > 0 {
            body = "\(hours)\(units.h)\(units.sep)\(minutes)\(units.m)"
        } else if minutes > 0 {
            body = "\(minutes)\(units.m)"
        } else {
            body = language == .zh ? "不足1分" : "<1m"
        }
        guard isOverdue else { return body }
        return language == .zh ? "超时\(body)" : "overdue \(body)"
    }

    /// A compact form for the queue column: "2d5h", "3h12m", "-1d4h" when overdue.
    public var compact: String {
        text(.en).replacingOccurrences(of: "overdue ", with: "-").replacingOccurrences(of: " ", with: "")
    }
}
