import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import GRDB
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("Importing party events through the lifecycle rules")
struct ImportTests {
    func database() throws -> (CaseDatabase, Case) {
        let database = try CaseDatabase.withStaff()
        let filed = try database.insertCase(
            sampleCase(stage: .merchantResponse, deadline: pinnedNow.addingTimeInterval(86_400)), actor: "seed")
        return (database, filed)
    }

    func snapshot(_ database: CaseDatabase) throws -> [String] {
        try database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT hash FROM audit ORDER BY id")
                + String.fetchAll(db, sql: "SELECT stage || version FROM cases ORDER BY id")
        }
    }

    let good = """
        {"type": "event", "case": 1, "party": "merchant", "event": "reject", "at": "2026-11-27T09:00:00Z", "note": "已发货"}
        {"type": "event", "case": 1, "party": "buyer", "event": "escalate", "at": "2026-11-27T10:00:00Z"}
        {"type": "event", "case": 1, "party": "buyer", "event": "submit_evidence", "at": "2026-11-27T10:05:00Z", "evidence": {"kind": "video", "description": "开箱视频", "content": "v"}}
        """

    @Test func eventsMoveTheCaseInFileOrder() throws {
        let (database, filed) = try database()
        let report = try database.importFile(Data(good.utf8), by: mediator, skipInvalid: false, rules: testRules)
        #expect(report.applied == 3 && report.errors.isEmpty && report.committed)
        #expect(try database.fetchCase(id: filed.id)?.stage == .intervention)
        #expect(try database.evidence(caseID: filed.id).map(\.source) == [.buyer])
        let trail = try database.auditTrail(caseID: filed.id)
        #expect(
            trail.map(\.actor).suffix(3) == [
                "lin.mei for the merchant", "lin.mei for the buyer", "lin.mei for the buyer",
            ])
        #expect(trail[1].detail.hasSuffix("merchant says: 已发货"))
    }

    @Test func aBadLineThreeIsNamedAndNothingChanges() throws {
        let (database, _) = try database()
        let before = try snapshot(database)
        let text = good.replacingOccurrences(of: "\"event\": \"submit_evidence\"", with: "\"event\": \"agree\"")
        let report = try database.importFile(Data(text.utf8), by: mediator, skipInvalid: false, rules: testRules)
        #expect(report.errors.map(\.line) == [3])
        #expect(report.errors.first?.description.hasPrefix("line 3: a buyer cannot 'agree'") == true)
        #expect(!report.committed && report.applied == 0)
        #expect(try snapshot(database) == before)
    }

    @Test func everyProblemIsListedNotJustTheFirst() throws {
        let (database, _) = try database()
        let text = """
            not json
            {"type": "event", "case": 99, "party": "buyer", "event": "escalate", "at": "2026-11-27T10:00:00Z"}
            {"type": "event", "case": 1, "party": "merchant", "event": "agree", "at": "yesterday"}
            {"type": "event", "case": 1, "party": "buyer", "event": "escalate", "at": "2026-11-27T10:00:00Z"}
            {"type": "event", "case": 1, "party": "buyer", "event": "escalate", "at": "2026-11-27T10:00:00Z", "extra": 1}
            """
        let report = try database.importFile(Data(text.utf8), by: mediator, skipInvalid: false, rules: testRules)
        #expect(report.errors.map(\.line) == [1, 2, 3, 4, 5])
        #expect(report.errors[1].reason == "no case #99")
        #expect(report.errors[3].reason == "'escalate' is not possible while the case is in stage merchant_response")
        #expect(report.errors[4].reason.hasPrefix("unknown key 'extra'"))
    }

    @Test func invalidUTF8IsReportedByLine() throws {
        let (database, _) = try database()
        var data = Data(good.utf8)
        data.append(contentsOf: [0x0A, 0xFF, 0xFE, 0x7B, 0x0A])
        let report = try database.importFile(data, by: mediator, skipInvalid: false, rules: testRules)
        #expect(report.errors == [ImportError(line: 4, reason: "not valid UTF-8")])
    }

    @Test func skipInvalidKeepsTheValidLines() throws {
        let (database, filed) = try database()
        let text = good.replacingOccurrences(of: "\"event\": \"escalate\"", with: "\"event\": \"appeal\"")
        let report = try database.importFile(Data(text.utf8), by: mediator, skipInvalid: true, rules: testRules)
        #expect(report.committed && report.applied == 2)
        #expect(report.errors.map(\.line) == [2])
        #expect(try database.fetchCase(id: filed.id)?.stage == .negotiation)
    }

    @Test func aPartyEventAfterTheDeadlineIsRefusedByLine() throws {
        let (database, _) = try database()
        let late = """
            {"type": "event", "case": 1, "party": "merchant", "event": "agree", "at": "2026-11-29T09:00:00Z"}
            """
        let report = try database.importFile(Data(late.utf8), by: mediator, skipInvalid: false, rules: testRules)
        #expect(
            report.errors.map(\.description) == [
                "line 1: too late for 'merchant_agrees': the merchant_response deadline passed at 2026-11-28T08:00:00Z; "
                    + "the stage's default outcome applies"
            ])
    }

    @Test func aTrainerMayNotImport() throws {
        let (database, _) = try database()
        let trainer = StaffMember(name: "chen.jing", role: .trainer)
        #expect(
            throws: CaseError.permission(.denied(name: "chen.jing", role: .trainer, permission: .recordPartyEvent))
        ) {
            _ = try database.importFile(Data(good.utf8), by: trainer, skipInvalid: false, rules: testRules)
        }
    }
}
