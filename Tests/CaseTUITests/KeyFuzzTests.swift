import CaseModel
import CaseTUI
import Foundation
import Testing

@Suite("Fuzzing key sequences (issue 8)")
struct KeyFuzzTests {
    static var iterations: Int { Int(ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"] ?? "") ?? 2_000 }
    static let tokens = [
        "<Enter>", "<Esc>", "<Tab>", "<S-Tab>", "<Up>", "<Down>", "<PgUp>", "<PgDn>", "<Home>", "<End>", "<C-d>",
        "<C-u>", "<Space>", "<lt>", "<", ">", "<C-", "<Nope>", "j", "k", "A", "J", "D", "M", "/", "\\", ":", "?", "快",
        "\u{1B}", "\u{0}", "👍", "<<", ">>",
    ]

    @Test func keyNotationNeverCrashesAndNamesWhatItCannotRead() {
        var rng = SplitMix64(seed: 0x4B45_5953)
        for _ in 0..<Self.iterations {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in Self.tokens.randomElement(using: &rng)! }
                .joined()
            do {
                _ = try KeyNotation.parse(text)
            } catch {
                // The error points at the "<" that opens the name it cannot read, and names it.
                #expect(Array(text)[error.offset] == "<" && (error.token.isEmpty || text.contains(error.token)))
            }
        }
    }

    /// Issue 14: every console form on every example case, each field filled with an extreme value
    /// (huge and negative amounts, Int64's edge, a year 9999, control and bidi characters, 600
    /// characters typed, 1,200 wide), submitted: nothing traps; the form is saved or stays open with its reason.
    @Test(arguments: ["C", "U", "W", "E", "I", "J", "O", "F", "P"])
    func everyFormTakesExtremeValuesWithoutATrap(key: String) throws {
        let extremes = [
            "99999999999999999999", "-1", "9223372036854775807", "92233720368547758.07", "1e308", "9999-12-31",
            "\u{202E}\u{1B}[31m", String(repeating: "长", count: 600), "0", "",
        ]
        var driver = try exampleDriver(width: 100, height: 30, as: "admin")
        for (index, value) in extremes.enumerated() {
            for id in 1...17 {
                driver.press(.escape)
                driver.press(.escape)
                driver.press(.char("g"))
                for _ in 0..<20 where driver.state.openCase?.id != Int64(id) { driver.press(.char("j")) }
                driver.press(.char(Character(key)))
                guard let form = driver.state.form else { continue }
                for _ in form.fields {
                    for character in extremes[(index + id) % extremes.count] + value { driver.send(.input(character)) }
                    driver.press(.tab)
                }
                driver.press(.enter)
                if let open = driver.state.form {
                    #expect(open.error != nil, "\(key) on #\(id) neither saved nor refused")
                }
                _ = driver.render()
            }
        }
    }

    /// Random key storms through the real update–effect loop at random sizes: nothing crashes,
    /// the queue selection stays in range, and the screen always has the terminal's size.
    @Test func randomKeysThroughTheConsoleKeepItConsistent() throws {
        var rng = SplitMix64(seed: 0x5354_4F52)
        let keys = try KeyNotation.parse("jkgG<C-d><C-u><PgDn><PgUp><Tab><S-Tab><Enter><Esc>?tvsAJDMOFCn<BS>x快")
        var driver = try exampleDriver(width: 80, height: 24, as: "wang.fang")
        for step in 0..<max(200, Self.iterations / 4) {
            driver.press(keys.randomElement(using: &rng)!)
            if step % 50 == 0 {
                driver.send(
                    .resize(width: Int.random(in: 20...140, using: &rng), height: Int.random(in: 5...50, using: &rng)))
            }
            let screen = driver.render()
            #expect(screen.width == driver.state.width && screen.height == driver.state.height)
            #expect(
                driver.state.queue.rows.isEmpty || driver.state.queue.rows.indices.contains(driver.state.queue.selected)
            )
        }
    }
}
