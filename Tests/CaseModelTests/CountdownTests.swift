import CaseModel
import Foundation
import Testing

@Suite("Countdowns as mediators read them")
struct CountdownTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func countdown(_ seconds: Int) -> Countdown {
        Countdown(deadline: now.addingTimeInterval(TimeInterval(seconds)), now: now)
    }

    static let textCases: [(Int, String, String)] = [
        (11_520, "3h 12m", "3h12m"),
        (190_859, "2d 5h", "2d5h"),
        (2_700, "45m", "45m"),
        (30, "<1m", "<1m"),
        (-100_800, "overdue 1d 4h", "-1d4h"),
        (-10_800, "overdue 3h 0m", "-3h0m"),
    ]

    @Test(arguments: textCases)
    func showsTheTwoLargestUnits(seconds: Int, text: String, compact: String) {
        #expect(countdown(seconds).text() == text)
        #expect(countdown(seconds).compact == compact)
    }

    @Test func chineseUsesChineseUnits() {
        #expect(countdown(3 * 3600 + 12 * 60).text(.zh) == "3小时12分")
        #expect(countdown(-(86_400 + 4 * 3600)).text(.zh) == "超时1天4小时")
    }

    static let urgencyCases: [(Int, Urgency)] = [
        (-1, .overdue), (0, .critical), (14_399, .critical), (14_400, .soon), (86_399, .soon), (86_400, .normal),
    ]

    @Test(arguments: urgencyCases)
    func urgencyFollowsTheTimeLeft(seconds: Int, urgency: Urgency) {
        #expect(countdown(seconds).urgency == urgency)
    }
}
