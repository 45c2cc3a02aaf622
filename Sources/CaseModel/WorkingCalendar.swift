import Foundation

/// A calendar date without a time, as holiday lists write it: 2026-10-01.
public struct DayKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The month, 1–12.
    public var month: Int
    /// The day of the month.
    public var day: Int

    /// Creates a day.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "YYYY-MM-DD"; nil when malformed or not a real date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
            calendar.component(.day, from: date) == day
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func < (lhs: DayKey, rhs: DayKey) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }
}

/// Working hours, weekends, public holidays and make-up working days, in one time zone.
///
/// A working-time clock only runs inside working periods; a deadline that would fall
/// outside them rolls into the next working period.
public struct WorkingCalendar: Hashable, Sendable {
    /// The zone the hours and days are read in.
    public var timeZone: TimeZone
    /// Minutes after midnight when the working day starts.
    public var dayStart: Int
    /// Minutes after midnight when the working day ends.
    public var dayEnd: Int
    /// Working weekdays, 1 = Sunday … 7 = Saturday.
    public var weekdays: Set<Int>
    /// Days off that would otherwise be working days.
    public var holidays: Set<DayKey>
    /// Weekend days that are working days (调休).
    public var makeUpDays: Set<DayKey>

    /// Creates a calendar; `dayStart` must be before `dayEnd` and at least one weekday must work.
    public init(
        timeZone: TimeZone, dayStart: Int = 9 * 60, dayEnd: Int = 18 * 60, weekdays: Set<Int> = [2, 3, 4, 5, 6],
        holidays: Set<DayKey> = [], makeUpDays: Set<DayKey> = []
    ) {
        self.timeZone = timeZone
        self.dayStart = dayStart
        self.dayEnd = dayEnd
        self.weekdays = weekdays
        self.holidays = holidays
        self.makeUpDays = makeUpDays
    }

    var gregorian: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The calendar day a moment falls on, in this calendar's zone.
    public func day(of date: Date) -> DayKey {
        let c = gregorian.dateComponents([.year, .month, .day], from: date)
        return DayKey(year: c.year!, month: c.month!, day: c.day!)
    }

    /// Whether people work on the day containing `date`.
    public func isWorkingDay(_ date: Date) -> Bool {
        let key = day(of: date)
        if makeUpDays.contains(key) { return true }
        if holidays.contains(key) { return false }
        return weekdays.contains(gregorian.component(.weekday, from: date))
    }

    /// Midnight at the start of the day containing `date`.
    func startOfDay(_ date: Date) -> Date { gregorian.startOfDay(for: date) }

    /// The working period of the day containing `date`, or nil on a day off.
    func workingPeriod(on date: Date) -> (start: Date, end: Date)? {
        guard isWorkingDay(date) else { return nil }
        let midnight = startOfDay(date)
        return (
            midnight.addingTimeInterval(TimeInterval(dayStart) * 60),
            midnight.addingTimeInterval(TimeInterval(dayEnd) * 60)
        )
    }

    /// Midnight of the next day (zone transitions included).
    func nextDay(_ date: Date) -> Date {
        gregorian.date(byAdding: .day, value: 1, to: startOfDay(date))!
    }

    /// The moment `seconds` of working time after `start`.
    public func adding(workingSeconds seconds: Int64, to start: Date) -> Date {
        var remaining = TimeInterval(seconds)
        var cursor = start
        // Ten years of days off in a row would mean a broken calendar; validation forbids it.
        for _ in 0..<3_660 {
            if let period = workingPeriod(on: cursor), cursor < period.end {
                let from = max(cursor, period.start)
                let available = period.end.timeIntervalSince(from)
                if remaining <= available { return from.addingTimeInterval(remaining) }
                remaining -= available
            }
            cursor = nextDay(cursor)
        }
        return cursor
    }

    /// Working seconds between two moments (zero if `end` is not after `start`).
    public func workingSeconds(from start: Date, to end: Date) -> Int64 {
        guard end > start else { return 0 }
        var total: TimeInterval = 0
        var cursor = start
        while cursor < end {
            if let period = workingPeriod(on: cursor) {
                let from = max(cursor, period.start)
                let to = min(end, period.end)
                if to > from { total += to.timeIntervalSince(from) }
            }
            cursor = nextDay(cursor)
        }
        return Int64(total.rounded())
    }

    /// The end of the working day that is the `count`th working day after the day of `start`.
    public func endOfWorkingDay(_ count: Int, after start: Date) -> Date {
        var cursor = start
        var found = 0
        for _ in 0..<3_660 {
            cursor = nextDay(cursor)
            if isWorkingDay(cursor) {
                found += 1
                if found == count { return workingPeriod(on: cursor)!.end }
            }
        }
        return cursor
    }
}
