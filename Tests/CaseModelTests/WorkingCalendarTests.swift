import CaseModel
import Foundation
import Testing

/// A pinned calendar: Shanghai, 09:00–18:00, Monday to Friday, with the 2026 National Day
/// holidays (1–7 October, Thursday to Wednesday) and make-up Saturday 10 October.
let shanghai = WorkingCalendar(
    timeZone: TimeZone(identifier: "Asia/Shanghai")!,
    holidays: Set((1...7).map { DayKey(year: 2026, month: 10, day: $0) }),
    makeUpDays: [DayKey(year: 2026, month: 10, day: 10)])

/// A moment given as Shanghai wall-clock time.
func cst(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    return formatter.date(from: text + "+08:00")!
}

@Suite("Working-time deadlines")
struct WorkingCalendarTests {
    @Test(arguments: [
        // Inside one working day.
        ("2026-11-26T10:00:00", 4, "2026-11-26T14:00:00"),
        // Rolls past 18:00 into the next morning: 16:00 + 4h = 2h today, 2h tomorrow.
        ("2026-11-26T16:00:00", 4, "2026-11-27T11:00:00"),
        // Friday afternoon rolls over the weekend to Monday.
        ("2026-11-27T16:00:00", 4, "2026-11-30T11:00:00"),
        // Started at night: the clock starts at 09:00.
        ("2026-11-26T22:30:00", 4, "2026-11-27T13:00:00"),
        // Started on Saturday: Monday.
        ("2026-11-28T10:00:00", 4, "2026-11-30T13:00:00"),
        // Ends exactly at the end of a working day.
        ("2026-11-26T14:00:00", 4, "2026-11-26T18:00:00"),
        // Wednesday 30 September before National Day: 2h left that day, then the holiday
        // week (1–7 October) is skipped to Thursday 8 October.
        ("2026-09-30T16:00:00", 4, "2026-10-08T11:00:00"),
        // Friday 9 October evening: the make-up Saturday 10 October works.
        ("2026-10-09T17:00:00", 3, "2026-10-10T11:00:00"),
    ])
    func workingHoursSkipNightsWeekendsAndHolidays(start: String, hours: Int, expected: String) {
        #expect(DeadlineSpec.workingHours(hours).deadline(from: cst(start), calendar: shanghai) == cst(expected))
    }

    @Test func aMakeUpSaturdayIsAWorkingDayAndAHolidayIsNot() {
        #expect(shanghai.isWorkingDay(cst("2026-10-10T12:00:00")))
        #expect(!shanghai.isWorkingDay(cst("2026-10-05T12:00:00")))
        #expect(!shanghai.isWorkingDay(cst("2026-10-17T12:00:00")))
        #expect(shanghai.isWorkingDay(cst("2026-10-16T12:00:00")))
    }

    @Test func workingDaysEndAtTheCloseOfTheNthWorkingDay() {
        // Suspension for a court filing: proof within 7 working days from Wednesday 30 September.
        // Working days after it: 10/8 Thu, 10/9 Fri, 10/10 Sat (make-up), 10/12 Mon, 10/13, 10/14, 10/15.
        #expect(
            DeadlineSpec.workingDays(7).deadline(from: cst("2026-09-30T15:00:00"), calendar: shanghai)
                == cst("2026-10-15T18:00:00"))
    }

    @Test func naturalTimeIgnoresTheCalendar() {
        #expect(
            DeadlineSpec.hours(24).deadline(from: cst("2026-09-30T16:00:00"), calendar: shanghai)
                == cst("2026-10-01T16:00:00"))
        #expect(
            DeadlineSpec.days(5).deadline(from: cst("2026-09-30T16:00:00"), calendar: shanghai)
                == cst("2026-10-05T16:00:00"))
    }

    @Test func workingSecondsInvertsAdding() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let start = cst("2026-09-20T00:00:00").addingTimeInterval(
                Double.random(in: 0...(40 * 86_400), using: &generator))
            let seconds = Int64.random(in: 1...(60 * 3600), using: &generator)
            let end = shanghai.adding(workingSeconds: seconds, to: start)
            #expect(shanghai.workingSeconds(from: start, to: end) == seconds, "from \(start) adding \(seconds)")
        }
    }

    @Test(arguments: [
        ("24h", DeadlineSpec.hours(24)), ("5d", .days(5)), ("4wh", .workingHours(4)),
        ("7wd", .workingDays(7)), ("90m", .minutes(90)),
    ])
    func durationsParse(text: String, spec: DeadlineSpec) {
        #expect(DeadlineSpec(text) == spec)
        #expect(spec.description == text)
    }

    @Test(arguments: ["", "24", "h", "0h", "-3d", "4w", "1.5h", "24 hours"])
    func malformedDurationsAreRefused(text: String) {
        #expect(DeadlineSpec(text) == nil)
    }

    @Test func datesMustBeReal() {
        #expect(DayKey("2026-02-29") == nil)
        #expect(DayKey("2026-13-01") == nil)
        #expect(DayKey("2026-1-01") == nil)
        #expect(DayKey("2028-02-29") == DayKey(year: 2028, month: 2, day: 29))
    }
}
