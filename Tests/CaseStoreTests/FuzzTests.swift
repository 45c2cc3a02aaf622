import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import RulePacks
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

/// Seeded fuzzing that runs in CI: mutated valid inputs and noise through each parser. The
/// iteration count is `FUZZ_ITERATIONS` (default 2,000 per target); a crash fails the run, and
/// every input that ever crashed one is kept below as a regression case.
enum Fuzz {
    static var iterations: Int { Int(ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"] ?? "") ?? 2_000 }

    /// Hostile pieces: escapes, controls, bidi overrides, joiners, combining marks, CJK, emoji, quotes.
    static let pieces: [String] = [
        "\u{1B}[31m", "\u{1B}]0;PWNED\u{07}", "\u{9B}2J", "\u{0}", "\u{7F}", "\u{202E}", "\u{200D}", "\u{0301}",
        "\u{FEFF}", "退货退款", "👩‍👩‍👧", "\"", "\\", ",", "\n", "\r\n", "{", "}", "[", "]", ":", "null", "true", "-1",
        "99999999999999999999", "1e309", "0.5", "\u{FFFD}", "\t", " ", "'", "¥", "‮",
        // Extreme values (issue 14): the ends of Int64, the edges of the accepted years, huge offsets.
        "9223372036854775807", "-9223372036854775808", "10000000000000", "9999-12-31T23:59:59Z",
        "0000-01-01T00:00:00Z", "2100-12-31T23:59:59Z", "now+999999h", "now-1000000h", "316224000", "1000000000",
    ]

    static func mutate(_ seed: String, _ rng: inout SplitMix64) -> Data {
        var bytes = Array(seed.utf8)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            switch Int.random(in: 0..<6, using: &rng) {
            case 0 where !bytes.isEmpty:
                bytes.remove(at: Int.random(in: 0..<bytes.count, using: &rng))
            case 1:
                bytes.insert(UInt8.random(in: 0...255, using: &rng), at: Int.random(in: 0...bytes.count, using: &rng))
            case 2:
                let piece = Array(pieces.randomElement(using: &rng)!.utf8)
                bytes.insert(contentsOf: piece, at: Int.random(in: 0...bytes.count, using: &rng))
            case 3 where !bytes.isEmpty:
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
            case 4 where bytes.count > 2:
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                let j = Int.random(in: 0..<bytes.count, using: &rng)
                bytes.swapAt(i, j)
            default:
                bytes += bytes.prefix(Int.random(in: 0...min(64, bytes.count), using: &rng))
            }
        }
        return Data(bytes)
    }
}

@Suite("Fuzzing the parsers (issue 8)")
struct FuzzTests {
    static let caseLine = """
        {"type":"case","id":501,"title":"收到的手机屏幕碎裂","category":"damaged","request_type":"return_and_refund",\
        "buyer":{"account":"b1","name":"王磊"},"merchant":{"account":"m1","name":"极客"},"order_id":"O1",\
        "order_fen":429900,"claim_fen":429900,"stage":"merchant_response","filed_at":"2026-11-27T07:00:00Z",\
        "rule_pack":"marketplace@1"}
        """
    static let eventLine = """
        {"type":"event","case":501,"party":"merchant","event":"appeal","at":"2026-11-27T09:00:00Z","note":"不服",\
        "evidence":{"kind":"photo","description":"照片","content":"x"}}
        """
    static let csv = "id,title,narrative,category\r\n1,\"a,b\",\"say \"\"hi\"\"\",damaged\r\n"

    @Test func importLinesNeverCrashAndEveryRejectionNamesALine() throws {
        var rng = SplitMix64(seed: 0xCA5E_DE5C)
        for index in 0..<Fuzz.iterations {
            let seed = [Self.caseLine, Self.eventLine, Self.csv, ExportTests.handWritten].randomElement(using: &rng)!
            let data = Fuzz.mutate(seed, &rng)
            let format: ImportFormat = index % 3 == 2 ? .csv : .jsonl
            let (_, errors) = ImportParser.parse(data, format: format)
            for error in errors { #expect(error.line >= 1 && !error.reason.isEmpty) }
        }
    }

    @Test func fuzzedImportsLeaveTheDatabaseIntact() throws {
        let database = try CaseDatabase.withStaff()
        var rng = SplitMix64(seed: 0x1A2B_3C4D)
        let admin = StaffMember(name: "admin", role: .admin)
        for _ in 0..<max(20, Fuzz.iterations / 20) {
            var lines: [Data] = []
            for _ in 0..<4 {
                lines.append(
                    Fuzz.mutate(
                        [Self.caseLine, Self.eventLine, ExportTests.handWritten].randomElement(using: &rng)!, &rng))
            }
            let file = Data(lines.joined(separator: Data("\n".utf8)))
            _ = try database.importFile(file, by: admin, skipInvalid: Bool.random(using: &rng), rules: testRules)
        }
        #expect(try database.verify().isIntact)
    }

    /// Issue 14, problem 4: a case imported at every bound (the largest amounts, version and paused
    /// clock) is then worked without a trap: taken, resumed, ruled with fraud damages, swept.
    @Test(arguments: StoreKind.allCases)
    func aCaseAtEveryBoundIsWorkedWithoutATrap(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let line = ExportTests.handWritten
            .replacingOccurrences(of: "\"order_fen\": 19900", with: "\"order_fen\": \(Money.maximum.fen)")
            .replacingOccurrences(
                of: "\"claim_fen\": 19900", with: "\"claim_fen\": \(Money.maximum.fen), \"version\": 1000000000"
            )
            .replacingOccurrences(
                of: "\"stage\": \"execution\"",
                with:
                    "\"stage\": \"suspended\", \"suspended_from\": \"decision\", \"paused_remaining_seconds\": 316224000"
            )
            .replacingOccurrences(of: "\"assignee\": \"lin.mei\"", with: "\"assignee\": null")
            .replacingOccurrences(of: #", "ruling": {"#, with: #", "unused": {"#)
        let trimmed = String(line[..<line.range(of: #", "unused""#)!.lowerBound]) + "}"
        let report = try database.importFile(
            Data(trimmed.utf8), by: mediator, skipInvalid: false, rules: testRules, now: pinnedNow)
        #expect(report.errors.isEmpty, "\(report.errors)")
        try database.take(caseID: 1, by: mediator, at: pinnedNow)
        let resumed = try database.apply(
            .resume, toCase: 1, by: mediator, expectedVersion: nil, at: pinnedNow, rules: testRules)
        #expect(resumed.stage == .decision && resumed.version > 1_000_000_000)
        let terms = RulingDraft(
            remedies: [OrderedRemedy(remedy: "fraud_damages", amount: nil)], findings: [], reasons: "欺诈",
            citations: ["CRPL-55"], declaresNoConflict: true)
        let outcome = Result {
            try database.submitRuling(caseID: 1, draft: terms, by: mediator, at: pinnedNow, rules: testRules)
        }
        if case .success(let result) = outcome {
            #expect(result.ruling.draft.total == Money.maximum.times(3))
        }
        _ = try database.sweep(now: pinnedNow.addingTimeInterval(86_400 * 365), rules: testRules)
        #expect(try database.verify().isIntact)
    }

    /// Rule packs mutated with extreme values and noise: a clear error or a pack, never a trap.
    @Test func mutatedPacksNeverCrash() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/RulePacks/Packs/marketplace.yaml")
        let pack = try String(contentsOf: url, encoding: .utf8)
        var rng = SplitMix64(seed: 0x9ACC)
        for _ in 0..<max(50, Fuzz.iterations / 10) {
            let text = String(decoding: Fuzz.mutate(pack, &rng), as: UTF8.self)
            _ = try? RulePackLoader.parse(text, file: "fuzz.yaml")
        }
    }

    @Test func filterExpressionsNeverCrash() {
        var rng = SplitMix64(seed: 0xF117_E5)
        let seeds = [
            "stage:evidence,decision overdue amount:>=1000", "assignee:lin.mei open category:counterfeit",
            "flag:platform_interest amount:<5000 sort:amount", "unassigned sort:priority",
        ]
        for _ in 0..<Fuzz.iterations {
            let data = Fuzz.mutate(seeds.randomElement(using: &rng)!, &rng)
            let text = String(decoding: data, as: UTF8.self)
            do {
                _ = try QueueQuery.parse(text, now: pinnedNow)
            } catch {
                #expect(!error.reason.isEmpty)
            }
        }
    }

    /// Inputs that once broke a parser stay here.
    @Test(arguments: [
        "{\"type\":\"case\",\"id\":99999999999999999999}", "{\"type\":\"event\",\"case\":1e309}", "\u{FEFF}", "\"",
        "id,title\r\n\"unterminated", "{\"type\":\"event\",\"case\":-1,\"party\":\"buyer\"}",
    ])
    func regressions(input: String) {
        let (items, errors) = ImportParser.parse(Data(input.utf8), format: input.hasPrefix("id,") ? .csv : .jsonl)
        #expect(items.isEmpty || errors.isEmpty)
    }
}
