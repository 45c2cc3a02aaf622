import CaseModel
import Foundation
import Testing

@Suite("Case events: payloads and sentences")
struct CaseEventTests {
    static let at = Date(timeIntervalSince1970: 1_795_766_400)  // 2026-11-27T08:00:00Z
    static let move = StageMove(from: .merchantResponse, to: .intervention, deadline: at, pausedRemaining: nil)
    static let terms = RulingDraft(
        remedies: [OrderedRemedy(remedy: "refund", amount: .yuan(120))],
        findings: [IssueFinding(issueID: 1, finding: .proven, note: "屏幕碎裂")], reasons: "理由",
        citations: ["CC-582"], declaresNoConflict: true)

    /// One event of every kind, with Chinese text and hostile text where people write.
    static let samples: [CaseEvent] = [
        .filed(
            stage: .filed, rulePack: "marketplace@1", title: "收到的手机屏幕碎裂", deadline: at, assignee: nil, priority: 2,
            flags: [.courtRisk, .platformInterest]),
        .taken(from: nil, to: "lin.mei"),
        .released(from: "lin.mei"),
        .stepped(event: .escalate, move: move, note: .partySays(party: .buyer, text: "stage execution → closed")),
        .deadlineExpired(
            event: .merchantSilent, rule: "marketplace@1 merchant_response.on_expiry", deadline: at,
            outcome: LocalizedText(en: "refund granted", zh: "退款"), move: move),
        .evidenceRequested(
            requestID: 3, party: .merchant, what: "发货视频", due: at, rulePack: "marketplace@1", move: move),
        .evidenceAdded(evidenceID: 2, kind: .photo, source: .buyer, description: "照片", sha256: "ab"),
        .issueAdded(
            issueID: 1, kind: .counterfeit, description: "是否假货", burden: .merchant,
            burdenReason: LocalizedText(en: "r", zh: "理"), buyerConfirmedReceipt: true, durableWithinSixMonths: false),
        .evidenceLinked(evidenceID: 2, issueID: 1),
        .findingRecorded(issueID: 1, finding: .proven, note: "issue #1 proven"),
        .urged(party: .merchant, message: "请回复"),
        .noted(text: "evidence #1 photo from buyer sha256 00"),
        .partyActed(party: .buyer, action: .shipReturn, tracking: "SF1", note: nil),
        .ruled(RulingEntry(rulingID: 4, revision: 1, mediator: "lin.mei", terms: terms, favours: .buyer, sha256: "cd")),
        .rulingReviewed(rulingID: 4, revision: 1, mediator: "lin.mei", approved: false, comment: "再核实"),
        .observerSignedOff(observer: "李观察", statement: "同意"),
        .obligationCreated(
            ObligationEntry(
                Obligation(caseID: 1, rulingID: 4, obligor: .merchant, task: "refund", amount: .yuan(120), dueAt: at))),
        .obligationFulfilled(
            obligationID: 5, label: LocalizedText(en: "Merchant: refund", zh: "商家：退款"), late: true, note: nil),
        .obligationDefaulted(
            obligationID: 5, obligor: .merchant, label: LocalizedText(en: "l", zh: "l"), due: at,
            rulePack: "marketplace@1", consequence: nil),
        .appealFiled(appealID: 1, rulingID: 4, party: .buyer, grounds: "不服", evidenceID: 7, move: move),
        .appealDecided(appealID: 1, party: .buyer, rulingID: 4, outcome: .overturn, reasons: "新证据", newRulingID: 6),
        .priorityChanged(from: 3, to: 1),
        .flagChanged(flag: .courtRisk, raised: true),
        .seeded(cases: 1...5000, evidence: 1...9000, seed: 42, digest: "ef"),
        .staffAdded(name: "wang.fang", role: .supervisor),
        .staffRoleChanged(name: "wang.fang", from: .supervisor, to: .admin),
        .rulePackChosen(from: "marketplace@1", to: "retailer@1"),
    ]

    @Test func theSamplesCoverEveryKind() {
        #expect(Set(Self.samples.map(\.kind)).count == Self.samples.count)
        #expect(Self.samples.count == 27)
    }

    @Test(arguments: samples)
    func aPayloadReadsBackAsTheSameEvent(event: CaseEvent) throws {
        let payload = try event.payload()
        #expect(try CaseEvent(payload: payload) == event)
        #expect(try CaseEvent(payload: payload).payload() == payload, "the same event gives the same bytes")
        #expect(payload.hasPrefix("{\"event\":{\"\(Self.caseName(event))\":"), "\(payload)")
        #expect(payload.hasSuffix(",\"v\":1}"))
    }

    /// The stored form is a contract with every database already written: a renamed case or field
    /// would leave old payloads unreadable. `RECORD_PAYLOADS=1 swift test` rewrites the fixture
    /// after a deliberate, versioned change.
    @Test func payloadsKeepTheirStoredForm() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../fixtures/event-payloads.txt").standardized
        let current = try Self.samples.map { "\($0.kind)\t\(try $0.payload())" }.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["RECORD_PAYLOADS"] == "1" {
            try current.write(to: fixture, atomically: true, encoding: .utf8)
        }
        let stored = try String(contentsOf: fixture, encoding: .utf8)
        #expect(stored == current)
    }

    @Test(arguments: samples)
    func everyEventHasASentenceInBothLanguages(event: CaseEvent) {
        #expect(!event.summary(.en).isEmpty)
        #expect(!event.summary(.zh).isEmpty)
        #expect(!event.action.isEmpty)
    }

    @Test func timesAreWholeSecondsInThePayload() throws {
        let event = CaseEvent.stepped(
            event: .route,
            move: StageMove(from: .filed, to: .merchantResponse, deadline: Self.at.addingTimeInterval(0.7)),
            note: nil)
        #expect(try event.payload().contains("\"deadline\":1795766400"))
    }

    @Test func aNewerPayloadVersionIsRefused() throws {
        let newer = try CaseEvent.noted(text: "x").payload().replacingOccurrences(of: "\"v\":1", with: "\"v\":2")
        #expect(throws: DecodingError.self) { try CaseEvent(payload: newer) }
    }

    @Test func sentencesKeepTheLogsWording() {
        #expect(CaseEvent.taken(from: nil, to: "lin.mei").summary(.en) == "assignee none → lin.mei")
        #expect(
            CaseEvent.stepped(event: .escalate, move: Self.move, note: .rulingInForce(rulingID: 4)).summary(.en)
                == "stage merchant_response → intervention, deadline 2026-11-27T08:00:00Z; ruling #4 in force")
        #expect(CaseEvent.priorityChanged(from: 3, to: 1).summary(.zh) == "优先级 3 → 1")
    }

    /// The key Swift's synthesised coding gives the case: its name.
    static func caseName(_ event: CaseEvent) -> String {
        String(String(describing: event).prefix { $0 != "(" })
    }
}
