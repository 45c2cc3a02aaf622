import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation
import Testing

@testable import CaseTUI

@Suite("Forms: working a case from the keyboard")
struct FormTests {
    /// Example case 1 is fifth in the queue, in intervention.
    let toCaseOne = "jjjj"

    @Test func aChineseNoteIsSavedAndAuditedAndAnEmptyOneIsRefusedInline() throws {
        var driver = try exampleDriver(keys: toCaseOne + "C<Enter>", as: "lin.mei")
        #expect(driver.state.form?.error == "Note is required")
        for key in try KeyNotation.parse("买家称当天出差") { driver.press(key) }
        assertSnapshot(driver.render().text, named: "form-note-100x30")
        driver.press(.enter)
        #expect(driver.state.form == nil)
        #expect(driver.state.message == "#1: note added")
    }

    @Test func requestEvidenceThenAddItThenTheCaseShowsBoth() throws {
        var driver = try exampleDriver(keys: toCaseOne + "W<Tab>签收底单<Enter>", as: "lin.mei")
        #expect(driver.state.form == nil, "\(driver.state.form?.error ?? "")")
        #expect(driver.state.openCase?.stage == .evidence)
        #expect(driver.state.message?.hasPrefix("#1: evidence requested from the merchant, due") == true)
        // Add evidence: kind ‹logistics›, source ‹merchant›, a description and pasted text.
        for key in try KeyNotation.parse("E<Right><Right><Tab><Right><Tab>签收底单照片<Tab><Tab>底单") {
            driver.press(key)
        }
        #expect(driver.state.form?.value("Kind") == "logistics")
        #expect(driver.state.form?.value("Source") == "merchant")
        driver.press(.enter)
        #expect(driver.state.form == nil, "\(driver.state.form?.error ?? "")")
        #expect(driver.state.evidence.last?.description == "签收底单照片")
        driver.press(.tab)
        driver.press(.tab)
        driver.press(.char("G"))
        #expect(driver.render().text.contains("merchant · on time"))
    }

    @Test func aRefusedSubmitKeepsEverythingTyped() throws {
        // Case 6 is in negotiation: the platform has not intervened, so evidence cannot be requested yet.
        var driver = try exampleDriver(as: "lin.mei")
        while driver.state.openCase?.id != 6 { driver.press(.char("j")) }
        for key in try KeyNotation.parse("W<Tab>拆封照片<Enter>") { driver.press(key) }
        #expect(driver.state.form?.value("What") == "拆封照片")
        #expect(driver.state.form?.error?.contains("not possible while the case is in stage negotiation") == true)
        // Issue 15, problem 5: one Esc never throws typed text away; it asks, and a second discards.
        driver.press(.escape)
        #expect(driver.state.form?.value("What") == "拆封照片")
        #expect(driver.state.form?.error?.contains("Esc again discards what you typed") == true)
        driver.press(.escape)
        #expect(driver.state.form == nil && driver.state.openCase?.stage == .negotiation)
    }

    @Test func addEvidenceNeedsExactlyOneOfFileOrText() throws {
        var driver = try exampleDriver(keys: toCaseOne + "E<Tab><Tab>照片<Enter>", as: "lin.mei")
        #expect(driver.state.form?.error == "give a file path or paste the text, one of the two")
        for key in try KeyNotation.parse("<Tab>/no/such/file<Enter>") { driver.press(key) }
        #expect(driver.state.form?.error == "cannot read the evidence file /no/such/file")
    }

    @Test func aTrainerCannotOpenCaseWorkFormsButCanNote() throws {
        var driver = try exampleDriver(keys: toCaseOne + "W", as: "chen.jing")
        #expect(driver.state.form == nil && driver.state.messageIsError)
        driver.press(.char("C"))
        #expect(driver.state.form?.kind == .note)
    }
}

@Suite("Timeline and the evidence viewer")
struct TimelineTests {
    @Test func theTimelineShowsTheAuditTrailIncludingANewNote() throws {
        var driver = try exampleDriver(keys: "jjjjC开箱<Enter><Tab>t", as: "lin.mei")
        let text = driver.render().text
        #expect(text.contains("Case · timeline (t)"))
        #expect(text.contains("system · file"))
        #expect(text.contains("lin.mei · note"))
        driver.press(.char("t"))
        #expect(!driver.render().text.contains("timeline (t)"))
    }

    /// Issue 15, problem 3: Enter on an evidence item shows its content, not only its description.
    @Test func enterOnAnEvidenceItemShowsItInFullWithItsHashAndContent() throws {
        var driver = try exampleDriver(keys: "jj<Tab><Tab><Enter>")
        guard case .evidence(let item, _)? = driver.state.document else {
            Issue.record("no evidence document open")
            return
        }
        let text = driver.render().text
        #expect(text.contains("Evidence #\(item.id) · case #2"))
        #expect(text.contains(item.sha256))
        #expect(text.contains("✓ matches the stored content"))
        #expect(text.contains("Content ("))
        assertSnapshot(text, named: "evidence-viewer-100x30")
        driver.press(.escape)
        #expect(driver.state.document == nil && driver.state.focus == .evidence)
    }

    @Test func evidenceTextSaysEverythingInChineseAndDescribesBinaryContent() {
        let bytes = Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])
        let item = Evidence(
            id: 7, caseID: 3, kind: .photo, source: .merchant, description: "发货照片", sha256: Hashing.sha256Hex(bytes),
            submittedAt: pinnedNow)
        let zh = EvidenceText.text(item, content: bytes, requests: [], language: .zh)
        #expect(zh.contains("提交方      商家") || zh.contains("提交方"))
        #expect(zh.contains("内容（6 字节，非文本）") && zh.contains("89 50 4e 47 00 01"))
        #expect(zh.contains("✓ 与保存的内容一致"))
        #expect(!zh.contains("Content") && !zh.contains("Item"))
        // A long Chinese text cut at the limit is still text: the cut steps back to a character.
        let long = Data(String(repeating: "证", count: 100_000).utf8)
        var big = item
        big.sha256 = Hashing.sha256Hex(long)
        let shown = EvidenceText.text(big, content: long, requests: [], language: .en)
        #expect(shown.contains("Content (300000 bytes, text)") && shown.contains("more bytes"))
        let tampered = EvidenceText.text(item, content: Data("x".utf8), requests: [], language: .en)
        #expect(tampered.contains("✗ DOES NOT match the stored content"))
    }
}

@Suite("The whole flow from the keyboard")
struct WholeFlowTests {
    /// Search, open, take, add a point in dispute, request evidence, add it, link it, advance.
    @Test func searchOpenTakeRequestAddLinkAdvance() throws {
        var driver = try exampleDriver(as: "zhang.wei")
        func type(_ keys: String) throws { for key in try KeyNotation.parse(keys) { driver.press(key) } }
        try type("/快递柜<Enter>")
        #expect(driver.state.queue.rows.map(\.id) == [1])
        try type("<Enter>")
        #expect(driver.state.focus == .detail && driver.state.openCase?.id == 1)
        try type("T")
        #expect(driver.state.message == "case #1 is taken by lin.mei", "someone else holds it")
        // Take an unassigned case instead: clear the search, find case 8 (满299…), take it.
        try type("<Esc><Esc>/满299<Enter>T")
        #expect(driver.state.openCase?.assignee == "zhang.wei")
        // It is only filed: walk it to intervention through party events, then work it.
        try type("A<Enter>")  // route → merchant_response
        // A buyer cannot answer for the merchant: refused, and the form stays with the reason.
        try type("P<Left><Enter>")
        #expect(driver.state.form?.error == "a buyer cannot 'respond'")
        try type("<Esc><Esc>")
        try type("P<Tab><Right><Right><Enter>")  // merchant reject
        #expect(driver.state.openCase?.stage == .negotiation, "\(driver.state.message ?? "")")
        try type("P<Left><Tab><Right><Right><Right><Right><Right><Enter>")  // buyer escalate
        #expect(driver.state.openCase?.stage == .intervention, "\(driver.state.message ?? "")")
        try type("I<Right><Right><Right><Tab>赠品是否随单发出<Enter>")
        #expect(driver.state.issues.first?.kind == .deliveryMismatch)
        try type("W<Tab>发货清单<Enter>")
        #expect(driver.state.openCase?.stage == .evidence)
        try type("E<Right><Right><Tab><Right><Tab>发货清单照片<Tab><Tab>清单：保温袋×1<Enter>")
        #expect(driver.state.evidence.last?.source == .merchant)
        let added = try #require(driver.state.evidence.last)
        try type("<Tab><Tab>GL<Enter>")
        #expect(
            driver.state.issues.first?.evidenceIDs == [added.id],
            "\(driver.state.form?.error ?? driver.state.message ?? "")")
        try type("A<Enter>")  // evidence_closed → decision
        #expect(driver.state.openCase?.stage == .decision)
    }
}

@Suite("Undo")
struct UndoTests {
    @Test func undoTakesBackATakeAndASuspension() throws {
        // A supervisor: case #1 is lin.mei's, and only she or a supervisor may suspend it.
        var driver = try exampleDriver(as: "wang.fang")
        while driver.state.openCase?.id != 8 { driver.press(.char("j")) }
        driver.press(.char("T"))
        #expect(driver.state.openCase?.assignee == "wang.fang")
        driver.press(.char("u"))
        #expect(driver.state.openCase?.assignee == nil)
        #expect(driver.state.message == "#8: released")
        driver.press(.char("g"))
        while driver.state.openCase?.id != 1 { driver.press(.char("j")) }
        for key in try KeyNotation.parse("Aj<Enter>") { driver.press(key) }
        #expect(driver.state.openCase?.stage == .suspended)
        driver.press(.char("u"))
        #expect(driver.state.openCase?.stage == .intervention)
    }

    /// Issue 14, problem 7: holding a case protects it; a colleague's step on it is refused.
    @Test func aColleagueCannotStepOnACaseSomeoneHolds() throws {
        var driver = try exampleDriver(as: "zhang.wei")
        while driver.state.openCase?.id != 1 { driver.press(.char("j")) }
        #expect(driver.state.openCase?.assignee == "lin.mei")
        for key in try KeyNotation.parse("Aj<Enter>") { driver.press(key) }
        #expect(driver.state.openCase?.stage == .intervention)
        #expect(
            driver.state.message?.contains("case #1 is taken by lin.mei: only they, a supervisor or an admin") == true,
            "\(driver.state.message ?? "")")
    }

    @Test func aFinalStepCannotBeUndone() throws {
        var driver = try exampleDriver(keys: "u")
        #expect(driver.state.message == "Nothing to undo")
        driver.press(.char("j"))
        #expect(driver.state.undoable == nil)
    }
}

@Suite("Every form and the palette at 80x24")
struct FormSnapshotTests {
    @Test(arguments: [
        ("U", "urge"), ("W", "request-evidence"), ("E", "add-evidence"), ("P", "party-action"),
        ("I", "issue"), ("L", "link"), (":re", "palette"),
    ])
    func snapshot(keys: String, name: String) throws {
        let driver = try exampleDriver(width: 80, height: 24, keys: "jjjj" + keys, as: "lin.mei")
        assertSnapshot(driver.render().text, named: "form-\(name)-80x24")
    }

    @Test(arguments: [("C", "note"), ("W", "request-evidence"), ("E", "add-evidence"), (":", "palette")])
    func inChinese(keys: String, name: String) throws {
        var state = try exampleDriver(width: 80, height: 24, as: "lin.mei").state
        state.language = .zh
        var driver = AppDriverFixture.with(state)
        for key in try KeyNotation.parse("jjjj" + keys) { driver.press(key) }
        assertSnapshot(driver.render().text, named: "form-zh-\(name)-80x24")
    }

    @Test func tooSmallInChinese() throws {
        var state = try exampleDriver(width: 50, height: 12).state
        state.language = .zh
        assertSnapshot(Renderer.render(state).text, named: "too-small-zh-50x12")
    }
}

/// A driver over the examples starting from a given state (language, size, staff).
enum AppDriverFixture {
    static func with(_ state: AppState) -> AppDriver {
        let database = try! CaseDatabase.inMemory()
        _ = try! database.authenticate("admin", at: pinnedNow)
        try! database.loadExamplesIfEmpty(now: pinnedNow)
        var fresh = state
        fresh.queue = QueueWindow()
        return AppDriver(state: fresh, database: database)
    }
}

@Suite("Messages in Chinese")
struct ChineseMessageTests {
    @Test func savesAndRefusalsSpeakChinese() throws {
        var state = try exampleDriver(as: "chen.jing").state
        state.language = .zh
        var driver = AppDriverFixture.with(state)
        for key in try KeyNotation.parse("jjjjA") { driver.press(key) }
        #expect(driver.state.message?.hasPrefix("chen.jing（trainer）无权执行") == true)
        for key in try KeyNotation.parse("C买家称当天出差<Enter>") { driver.press(key) }
        #expect(driver.state.message == "#1：已添加备注")
        driver.press(.char("s"))
        #expect(driver.state.message == "按金额排序")
    }
}

/// The status bar says what kind of database this is and how fresh its last anchor is (issue 14).
@Suite("Status bar marks")
struct StatusBarMarkTests {
    func topLine(_ language: Language, anchoredAgo: TimeInterval) throws -> String {
        let database = try CaseDatabase.inMemory()
        _ = try database.authenticate("admin", at: pinnedNow)
        try database.loadExamplesIfEmpty(now: pinnedNow)
        var state = AppState(width: 120, height: 30, now: pinnedNow, databaseLabel: "cases.sqlite")
        state.rules = try RulePackCatalog.shipped()
        state.language = language
        state.simulated = true
        state.lastAnchor = pinnedNow.addingTimeInterval(-anchoredAgo)
        return AppDriver(state: state, database: database).render().lines[0]
    }

    @Test func aSimulatedDatabaseAndTheAnchorAgeAreShownInBothLanguages() throws {
        let english = try topLine(.en, anchoredAgo: 3 * 3600 + 60)
        #expect(english.contains("│ SIMULATED │ anchored 3h ago"), "\(english)")
        let chinese = try topLine(.zh, anchoredAgo: 3 * 86_400)
        #expect(chinese.contains("│ 模拟 │ 锚定于 3天前"), "\(chinese)")
    }
}
