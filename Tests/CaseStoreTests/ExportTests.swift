import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("Export and import round trip")
struct ExportTests {
    func exported(_ database: CaseDatabase, _ format: ExportFormat) throws -> String {
        var text = ""
        try database.export(format) { text += $0 }
        return text
    }

    func source() throws -> CaseDatabase {
        let database = try CaseDatabase.withStaff()
        try database.loadExamplesIfEmpty(now: pinnedNow)
        // Hostile text survives the trip too: commas, quotes, line breaks, escapes.
        try database.insertCase(
            sampleCase(title: "逗号, \"引号\" and\nnewline \u{1B}[31m", stage: .intervention, deadline: nil), actor: "seed")
        try database.setFlag(.platformInterest, on: true, caseID: 3, by: mediator, at: pinnedNow)
        try database.setFlag(.courtRisk, on: true, caseID: 3, by: mediator, at: pinnedNow)
        try database.setPriority(caseID: 3, level: 1, by: mediator, at: pinnedNow)
        return database
    }

    @Test(arguments: ExportFormat.allCases)
    func exportImportExportGivesTheSameBytes(format: ExportFormat) throws {
        let first = try exported(try source(), format)
        let target = try CaseDatabase.withStaff()
        let report = try target.importFile(
            Data(first.utf8), format: format == .csv ? .csv : .jsonl, by: mediator, skipInvalid: false,
            rules: RulePackCatalog([testPack]), now: pinnedNow)
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.applied == 18)
        #expect(try exported(target, format) == first)
        #expect(try target.verify().isIntact)
    }

    @Test func csvIsRFC4180WithAHeaderAndABOM() throws {
        let text = try exported(try source(), .csv)
        #expect(text.hasPrefix("\u{FEFF}id,title,narrative,category,"))
        #expect(text.contains("\"逗号, \"\"引号\"\" and\nnewline \u{1B}[31m\""))
        #expect(text.hasSuffix("\r\n"))
    }

    @Test func jsonlCarriesEvidenceWithContent() throws {
        let text = try exported(try source(), .jsonl)
        let first = try #require(text.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        let evidence = try #require(object["evidence"] as? [[String: Any]])
        #expect(!evidence.isEmpty)
        #expect(evidence[0]["content_base64"] is String && evidence[0]["sha256"] is String)
    }

    @Test func importingOverExistingCasesIsRefusedByLine() throws {
        let database = try source()
        let text = try exported(database, .jsonl)
        let report = try database.importFile(
            Data(text.utf8), by: mediator, skipInvalid: false, rules: RulePackCatalog([testPack]))
        #expect(report.errors.first?.description == "line 1: case #1 already exists")
        #expect(report.errors.count == 18 && !report.committed)
    }

    /// A case document as a person writes one: no number, relative times, text evidence, and its
    /// history (a point in dispute found proven, a final ruling with an obligation), exactly as
    /// the example cases and the scenarios are written.
    static let handWritten = """
        {"type": "case", "title": "耳机左耳无声", "narrative": "收到即坏", "category": "quality", \
        "request_type": "refund_only", "buyer": {"account": "b_hand", "name": "买家"}, \
        "merchant": {"account": "s_hand", "name": "店铺"}, "order_id": "H1", "order_fen": 19900, \
        "claim_fen": 19900, "stage": "execution", "created_at": "now-50h", "deadline": "now+24h", \
        "assignee": "lin.mei", "evidence": [{"kind": "video", "source": "buyer", \
        "description": "开箱视频", "content": "video 00:40", "submitted_at": "2026-11-25T09:00:00+08:00"}], \
        "issues": [{"kind": "visible_defect", "description": "到货即坏？", "finding": "proven", \
        "finding_note": "视频可见", "at": "now-30h"}], \
        "ruling": {"mediator": "lin.mei", "at": "now-2h", "remedies": [{"remedy": "refund", "amount_fen": 19900}], \
        "favours": "buyer", "reasons": "视频证明到货即坏", "citations": ["CC-577"], "status": "final", \
        "obligations": [{"obligor": "merchant", "task": "退款 ¥199.00", "amount_fen": 19900, \
        "due_at": "now+22h", "status": "open"}]}}
        """

    @Test(arguments: StoreKind.allCases)
    func aHandWrittenDocumentImportsWithItsHistoryAsTheExamplesDo(_ store: StoreKind) throws {
        let target = try store.withStaff()
        let report = try target.importFile(
            Data(Self.handWritten.utf8), by: mediator, skipInvalid: false, rules: testRules, now: pinnedNow)
        #expect(report.errors.isEmpty, "\(report.errors)")
        let item = try #require(try target.fetchCase(id: 1))
        #expect(item.createdAt == pinnedNow.addingTimeInterval(-50 * 3600))
        #expect(item.stageDeadline == pinnedNow.addingTimeInterval(24 * 3600))
        #expect(!item.rulePack.isEmpty && item.version >= 1)
        let evidence = try target.evidence(caseID: 1)
        #expect(evidence.map(\.submittedAt) == [ISO8601Time.date("2026-11-25T01:00:00Z")])
        #expect(evidence.first?.sha256 == Hashing.sha256Hex(Data("video 00:40".utf8)))
        let decisions = try target.decisions(caseID: 1)
        #expect(decisions.inForce?.draft.remedies.map(\.remedy) == ["refund"])
        #expect(decisions.obligations.map(\.dueAt) == [pinnedNow.addingTimeInterval(22 * 3600)])
        #expect(try target.issues(caseID: 1).map(\.finding) == [.proven])
        let kinds = try target.auditTrail(caseID: 1).compactMap(\.kind)
        #expect(kinds == ["filed", "evidence_added", "issue_added", "ruled", "obligation_created"])
    }

    /// Issue 14, problem 9: JSONL is streamed from a file a line at a time (lines crossing the
    /// read chunks, a last line without a newline), with the same result as the bytes in memory,
    /// and the rejected lines kept byte for byte for the rejects file.
    @Test func aStreamedFileImportsAsTheSameBytesInMemoryDo() throws {
        let database = try source()
        let lines = try exported(database, .jsonl).split(separator: "\n").map(String.init)
        let body = lines.joined(separator: "\n") + "\n# comment\nnot json\n" + lines[0]
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        var padded = body
        // Evidence-sized noise in a comment pushes lines across the chunk boundary.
        padded = "# " + String(repeating: "填", count: (1 << 20) / 3 + 17) + "\n" + padded
        try Data(padded.utf8).write(to: url)
        let streamed = try CaseDatabase.withStaff()
        let handle = try FileHandle(forReadingFrom: url)
        let fromFile = try streamed.importFile(
            .file(handle), format: .jsonl, by: mediator, skipInvalid: true, rules: testRules, now: pinnedNow)
        let inMemory = try CaseDatabase.withStaff().importFile(
            Data(padded.utf8), format: .jsonl, by: mediator, skipInvalid: true, rules: testRules, now: pinnedNow)
        #expect(fromFile.applied == lines.count && fromFile.applied == inMemory.applied)
        #expect(fromFile.errors.map(\.description) == inMemory.errors.map(\.description))
        // "not json" and the repeated first case (its number is taken) are rejected, bytes intact.
        #expect(
            fromFile.rejectedLines.values.map { String(decoding: $0, as: UTF8.self) }.sorted()
                == ["not json", lines[0]].sorted())
        #expect(try exported(streamed, .jsonl) == (try exported(database, .jsonl)))
    }

    /// Issue 14: the pack's own-store rule flags a case platform-interest when it is filed, on the record.
    @Test(arguments: StoreKind.allCases)
    func aCaseAgainstThePlatformsOwnStoreIsPlatformInterestFromFiling(_ store: StoreKind) throws {
        let target = try store.withStaff()
        var pack = testPack
        pack.platformInterest = PlatformInterestRules(selfOperated: ["self_run_*"])
        let own = Self.handWritten.replacingOccurrences(of: "\"s_hand\"", with: "\"self_run_audio\"")
        let report = try target.importFile(
            Data((own + "\n" + Self.handWritten).utf8), by: mediator, skipInvalid: false,
            rules: RulePackCatalog([pack], catalogue: testCatalogue), now: pinnedNow)
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(try target.fetchCase(id: 1)?.flags.contains(.platformInterest) == true)
        #expect(try target.fetchCase(id: 2)?.flags.contains(.platformInterest) == false)
        let trail = try target.auditTrail(caseID: 1)
        #expect(trail.contains { $0.detail.contains("self_run_audio is a self-operated store") })
        #expect(try target.verify().isIntact)
    }

    /// Issue 14, problem 4: the values that used to trap later (a huge paused clock, a version at
    /// Int64.max, an order of ¥9×10^16, a year 9999) are refused on the way in, by line.
    @Test(arguments: StoreKind.allCases)
    func outOfRangeNumbersAndDatesAreRefusedByLine(_ store: StoreKind) throws {
        let target = try store.withStaff()
        let suspended = Self.handWritten.replacingOccurrences(
            of: "\"stage\": \"execution\"",
            with:
                "\"stage\": \"suspended\", \"suspended_from\": \"execution\", \"paused_remaining_seconds\": 9223372036854775807"
        )
        let lines = [
            suspended,
            Self.handWritten.replacingOccurrences(
                of: "\"claim_fen\": 19900", with: "\"claim_fen\": 19900, \"version\": 9223372036854775807"),
            Self.handWritten.replacingOccurrences(
                of: "\"order_fen\": 19900", with: "\"order_fen\": 9223372036854775807"),
            Self.handWritten.replacingOccurrences(of: "\"now-50h\"", with: "\"9999-01-01T00:00:00Z\""),
            Self.handWritten.replacingOccurrences(of: "\"due_at\": \"now+22h\"", with: "\"due_at\": \"now+999999h\""),
        ]
        let report = try target.importFile(
            Data(lines.joined(separator: "\n").utf8), by: mediator, skipInvalid: false, rules: testRules, now: pinnedNow
        )
        #expect(
            report.errors.map(\.description) == [
                "line 1: 'paused_remaining_seconds' must be from 0 to 316224000 (ten years)",
                "line 2: 'version' must be from 1 to 1000000000",
                "line 3: 'order_fen' must be at most 10000000000000 fen",
                "line 4: 'created_at': must be \(FileTime.notation)",
                "line 5: 'ruling.obligations.due_at' must fall in the years 2000 to 2100",
            ])
        #expect(try target.caseCount() == 0)
    }

    /// SQLite keeps text only up to a NUL: such a line is refused whole instead of stored cut short.
    @Test(arguments: StoreKind.allCases)
    func textWithANULIsRefusedNotCutShort(_ store: StoreKind) throws {
        let target = try store.withStaff()
        let line = Self.handWritten.replacingOccurrences(of: "收到即坏", with: "收到\\u0000即坏")
        let event =
            #"{"type": "event", "case": 1, "party": "buyer", "event": "confirm_receipt", "at": "now-1h", "note": "a\u0000b"}"#
        let report = try target.importFile(
            Data((line + "\n" + event).utf8), by: mediator, skipInvalid: false, rules: testRules, now: pinnedNow)
        #expect(
            report.errors.map(\.description) == [
                "line 1: 'narrative' contains a NUL character", "line 2: 'note' contains a NUL character",
            ])
    }

    /// Issue 14, problem 5: JSON carries no raw C1 or bidi control; a CSV cell a spreadsheet would
    /// run as a formula is guarded, and the guard comes off on import.
    @Test func jsonEscapesControlsAndCSVGuardsFormulas() throws {
        let json = try JSONOutput.text(["t": "a\u{9B}31m\u{202E}b\u{7F}\u{2028}"])
        #expect(json.contains(#"a\u009b31m\u202eb\u007f\u2028"#))
        #expect(
            try JSONDecoder().decode([String: String].self, from: Data(json.utf8))["t"]
                == "a\u{9B}31m\u{202E}b\u{7F}\u{2028}")
        for cell in [
            "=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=x", "'", "''=y", "plain", "'plain", "",
        ] {
            let guarded = CSV.neutralised(cell)
            #expect(CSV.unguarded(guarded) == cell, "\(cell)")
            #expect(!"=+-@\t\r".contains(guarded.first ?? "x"), "\(cell)")
        }
        #expect(CSV.neutralised("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0" && CSV.neutralised("plain") == "plain")
    }

    /// A history is filed as the events that made it, so a document that contradicts itself is refused.
    @Test(arguments: StoreKind.allCases)
    func aSelfContradictoryHistoryIsRefused(_ store: StoreKind) throws {
        let target = try store.withStaff()
        let lines = [
            Self.handWritten.replacingOccurrences(of: "\"status\": \"final\"", with: "\"status\": \"returned\""),
            Self.handWritten.replacingOccurrences(of: "\"status\": \"open\"", with: "\"status\": \"defaulted\""),
            Self.handWritten.replacingOccurrences(
                of: "\"obligations\": [", with: "\"reviewer\": \"wang.fang\", \"obligations\": ["),
            String(Self.handWritten.dropLast(1))
                + #", "appeal": {"party": "merchant", "grounds": "不服", "at": "now-1h"}}"#,
        ]
        let report = try target.importFile(
            Data(lines.joined(separator: "\n").utf8), by: mediator, skipInvalid: false, rules: testRules, now: pinnedNow
        )
        #expect(
            report.errors.map(\.description) == [
                "line 1: 'ruling.status' must be final or pending_review (a history is filed as it stands)",
                "line 2: 'ruling.obligations.status' must be open or fulfilled, not defaulted",
                "line 3: 'ruling.reviewer' and 'ruling.reviewed_at' go together",
                "line 4: a case with an open 'appeal' is in stage appeal_review",
            ])
    }

    @Test func fileTimesAreInstantsOrOffsetsFromNow() throws {
        #expect(FileTime("now-70h") == .fromNow(hours: -70))
        #expect(FileTime("now+20.5h") == .fromNow(hours: 20.5))
        #expect(FileTime("2026-11-27T17:00:00+08:00") == .at(pinnedNow.addingTimeInterval(3600)))
        for bad in ["now", "now-h", "now70h", "now+1e3h", "now-3", "now+9999999h", "tomorrow", "now-+3h", ""] {
            #expect(FileTime(bad) == nil, "\(bad)")
        }
        #expect(FileTime.fromNow(hours: -70).text == "now-70h" && FileTime.fromNow(hours: 20.5).text == "now+20.5h")
        #expect(FileTime.fromNow(hours: -2).resolved(now: pinnedNow) == pinnedNow.addingTimeInterval(-7200))
    }

    @Test(arguments: StoreKind.allCases)
    func aBadTimeOrBothContentsAreNamedByLine(_ store: StoreKind) throws {
        let target = try store.withStaff()
        let late = Self.handWritten.replacingOccurrences(of: "\"now-50h\"", with: "\"yesterday\"")
        let both = Self.handWritten.replacingOccurrences(
            of: "\"content\": \"video 00:40\"", with: "\"content\": \"x\", \"content_base64\": \"eA==\"")
        let report = try target.importFile(
            Data((late + "\n" + both).utf8), by: mediator, skipInvalid: false, rules: testRules, now: pinnedNow)
        #expect(
            report.errors.map(\.description) == [
                "line 1: 'created_at': must be \(FileTime.notation)",
                "line 2: evidence 1: give exactly one of 'content' and 'content_base64'",
            ])
        #expect(try target.caseCount() == 0)
    }

    @Test(arguments: StoreKind.allCases)
    func aForgedEvidenceHashIsRefused(_ store: StoreKind) throws {
        var text = try exported(try source(), .jsonl)
        text = text.replacingOccurrences(of: "\"sha256\":\"", with: "\"sha256\":\"0")
        let target = try store.withStaff()
        let report = try target.importFile(
            Data(text.utf8), by: mediator, skipInvalid: false, rules: RulePackCatalog([testPack]))
        #expect(report.errors.first?.reason == "evidence 1: its content does not match its sha256")
    }

    @Test(arguments: StoreKind.allCases)
    func aCSVWithTheWrongHeaderOrABrokenRowIsNamed(_ store: StoreKind) throws {
        let target = try store.withStaff()
        let wrong = try target.importFile(
            Data("id,title\n1,x\n".utf8), format: .csv, by: mediator, skipInvalid: false, rules: testRules,
            now: pinnedNow)
        #expect(
            wrong.errors.first?.line == 1 && wrong.errors.first?.reason.contains("missing narrative, category") == true)
        var text = try exported(try source(), .csv)
        text = text.replacingOccurrences(of: ",damaged,", with: ",smashed,")
        let broken = try target.importFile(
            Data(text.utf8), format: .csv, by: mediator, skipInvalid: false, rules: testRules,
            now: pinnedNow)
        #expect(broken.errors.map(\.reason).contains("'category' has an unknown value 'smashed'"))
        #expect(try target.caseCount() == 0)
    }
}
