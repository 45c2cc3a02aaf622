import CaseModel
import Foundation
import Testing

@Suite("ISO 8601 times without Foundation's formatters")
struct ISO8601TimeTests {
    @Test func agreesWithFoundationOverManyMoments() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var seconds: Int64 = -2_208_988_800  // 1900-01-01
        while seconds < 4_102_444_800 {  // 2100-01-01
            let date = Date(timeIntervalSince1970: Double(seconds))
            let text = ISO8601Time.string(date)
            #expect(text == formatter.string(from: date))
            #expect(ISO8601Time.date(text) == date)
            seconds += 7_777_777
        }
    }

    @Test(arguments: [
        ("2026-11-27T16:00:00+08:00", 1_795_766_400.0), ("2026-11-27T08:00:00Z", 1_795_766_400),
        ("2026-11-27T08:00:00.5Z", 1_795_766_400.5), ("2026-11-27T03:00:00-05:00", 1_795_766_400),
        ("2028-02-29T00:00:00Z", 1_835_395_200),
    ])
    func readsOffsetsAndFractions(text: String, seconds: Double) {
        #expect(ISO8601Time.date(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: [
        "", "2026-11-27", "2026-11-27T08:00:00", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-27T24:00:00Z",
        "2026-11-27T08:00:00+0800", "2026-11-27T08:00:00Zjunk", "yesterday", "2026-11-27T08:00:00.Z",
        "２０２６-11-27T08:00:00Z",
    ])
    func refusesAnythingElse(text: String) {
        #expect(ISO8601Time.date(text) == nil)
    }
}
