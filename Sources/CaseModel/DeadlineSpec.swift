import Foundation

/// How long a stage's clock runs, in natural or working time: "24h", "5d", "4wh", "7wd".
public enum DeadlineSpec: Hashable, Sendable, CustomStringConvertible {
    /// Natural minutes.
    case minutes(Int)
    /// Natural hours.
    case hours(Int)
    /// Natural days of 24 hours.
    case days(Int)
    /// Hours inside the calendar's working periods.
    case workingHours(Int)
    /// Whole working days: the deadline is the end of the Nth working day after the start.
    case workingDays(Int)

    /// Parses "90m", "24h", "5d", "4wh" or "7wd"; nil for anything else or a non-positive amount.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard let amount = Int(digits), amount > 0, amount <= 100_000 else { return nil }
        switch trimmed.dropFirst(digits.count) {
        case "m": self = .minutes(amount)
        case "h": self = .hours(amount)
        case "d": self = .days(amount)
        case "wh": self = .workingHours(amount)
        case "wd": self = .workingDays(amount)
        default: return nil
        }
    }

    /// Whether the clock counts working time only.
    public var isWorkingTime: Bool {
        switch self {
        case .workingHours, .workingDays: true
        default: false
        }
    }

    /// The written form, as a rule pack has it.
    public var description: String {
        switch self {
        case .minutes(let n): "\(n)m"
        case .hours(let n): "\(n)h"
        case .days(let n): "\(n)d"
        case .workingHours(let n): "\(n)wh"
        case .workingDays(let n): "\(n)wd"
        }
    }

    /// When a clock started at `start` runs out.
    public func deadline(from start: Date, calendar: WorkingCalendar) -> Date {
        switch self {
        case .minutes(let n): start.addingTimeInterval(TimeInterval(n) * 60)
        case .hours(let n): start.addingTimeInterval(TimeInterval(n) * 3600)
        case .days(let n): start.addingTimeInterval(TimeInterval(n) * 86_400)
        case .workingHours(let n): calendar.adding(workingSeconds: Int64(n) * 3600, to: start)
        case .workingDays(let n): calendar.endOfWorkingDay(n, after: start)
        }
    }
}

extension DeadlineSpec {
    /// The duration in words: "15 days", "4 working hours"; "15天", "4个工作小时".
    public var words: LocalizedText {
        switch self {
        case .minutes(let n): LocalizedText(en: "\(n) minutes", zh: "\(n)分钟")
        case .hours(let n): LocalizedText(en: "\(n) hours", zh: "\(n)小时")
        case .days(let n): LocalizedText(en: "\(n) days", zh: "\(n)天")
        case .workingHours(let n): LocalizedText(en: "\(n) working hours", zh: "\(n)个工作小时")
        case .workingDays(let n): LocalizedText(en: "\(n) working days", zh: "\(n)个工作日")
        }
    }
}
