import Foundation

/// Dates as the console writes them, in UTC until a time-zone setting exists.
enum DateText {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// "2026-11-27 08:00 UTC".
    static func full(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return "\(c.year!)-\(two(c.month!))-\(two(c.day!)) \(two(c.hour!)):\(two(c.minute!)) UTC"
    }

    /// "11-27 08:00".
    static func short(_ date: Date) -> String {
        let c = calendar.dateComponents([.month, .day, .hour, .minute], from: date)
        return "\(two(c.month!))-\(two(c.day!)) \(two(c.hour!)):\(two(c.minute!))"
    }

    /// "08:00 UTC".
    static func clock(_ date: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return "\(two(c.hour!)):\(two(c.minute!)) UTC"
    }
}
