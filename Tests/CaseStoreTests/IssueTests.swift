import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("Points in dispute, evidence links and evidence windows")
struct IssueTests {
    @Test(arguments: StoreKind.allCases)
    func anIssueGetsItsBurdenLinksEvidenceAndAFinding(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(sampleCase(stage: .intervention), actor: "seed")
        let issue = try database.addIssue(
            caseID: filed.id, kind: .counterfeit, description: "鞋子是否为正品", by: mediator, at: pinnedNow)
        #expect(issue.burden == .merchant)
        let item = try database.addEvidence(
            caseID: filed.id, kind: .brandAuthentication, source: .appraiser, description: "鉴定结论：非正品",
            content: Data("AUTH-88213".utf8), at: pinnedNow, by: mediator)
        try database.linkEvidence(caseID: filed.id, issueID: issue.id, evidenceID: item.id, by: mediator, at: pinnedNow)
        try database.linkEvidence(caseID: filed.id, issueID: issue.id, evidenceID: item.id, by: mediator, at: pinnedNow)
        try database.recordFinding(
            caseID: filed.id, issueID: issue.id, finding: .proven, note: "品牌鉴定报告与商家无进货凭证", by: mediator,
            at: pinnedNow)
        let stored = try #require(try database.issues(caseID: filed.id).first)
        #expect(stored.evidenceIDs == [item.id])
        #expect(stored.finding == .proven)
        let actions = try database.auditTrail(caseID: filed.id).map(\.action)
        #expect(
            actions == ["file", "add_issue", "add_evidence", "link_evidence", "finding"],
            "a repeated link is not re-audited")
    }

    @Test(arguments: StoreKind.allCases)
    func evidenceFromAnotherCaseCannotBeLinked(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let first = try database.insertCase(sampleCase(), actor: "seed")
        let second = try database.insertCase(sampleCase(), actor: "seed")
        let issue = try database.addIssue(
            caseID: first.id, kind: .visibleDefect, description: "划痕", by: mediator, at: pinnedNow)
        let foreign = try database.addEvidence(
            caseID: second.id, kind: .photo, source: .buyer, description: "照片", content: Data(), at: pinnedNow,
            by: mediator)
        #expect(throws: CaseError.evidenceNotFound(caseID: first.id, evidenceID: foreign.id)) {
            try database.linkEvidence(
                caseID: first.id, issueID: issue.id, evidenceID: foreign.id, by: mediator, at: pinnedNow)
        }
        #expect(throws: CaseError.issueNotFound(caseID: second.id, issueID: issue.id)) {
            try database.recordFinding(
                caseID: second.id, issueID: issue.id, finding: .proven, note: "x", by: mediator, at: pinnedNow)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func requestingEvidenceOpensAWindowAndMovesTheCaseToEvidence(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(sampleCase(stage: .intervention), actor: "seed")
        let (request, moved) = try database.requestEvidence(
            caseID: filed.id, from: .merchant, what: "进货凭证", by: mediator, at: pinnedNow, rules: testRules)
        #expect(moved.stage == .evidence)
        // The test pack gives 4 working hours, 09:00–18:00 UTC: from 08:00 Friday that is 13:00.
        #expect(request.dueAt == pinnedNow.addingTimeInterval(5 * 3600))
        #expect(moved.stageDeadline == request.dueAt)
        // A second request, later, stretches the stage deadline to the later window.
        let later = pinnedNow.addingTimeInterval(2 * 3600)
        let (second, stretched) = try database.requestEvidence(
            caseID: filed.id, from: .buyer, what: "开箱视频", by: mediator, at: later, rules: testRules)
        #expect(stretched.stageDeadline == second.dueAt)
        #expect(try database.evidenceRequests(caseID: filed.id).map(\.party) == [.merchant, .buyer])
    }

    @Test(arguments: StoreKind.allCases)
    func evidenceCannotBeRequestedBeforeThePlatformIntervenes(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(sampleCase(stage: .negotiation), actor: "seed")
        #expect(throws: CaseError.lifecycle(.notAllowed(event: .requestEvidence, stage: .negotiation))) {
            try database.requestEvidence(
                caseID: filed.id, from: .buyer, what: "照片", by: mediator, at: pinnedNow, rules: testRules)
        }
        #expect(try database.evidenceRequests(caseID: filed.id).isEmpty)
    }

    @Test(arguments: StoreKind.allCases)
    func emptyTextsAreRefused(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(sampleCase(stage: .intervention), actor: "seed")
        #expect(throws: CaseError.emptyText(field: "the issue's description")) {
            try database.addIssue(caseID: filed.id, kind: .counterfeit, description: "  ", by: mediator, at: pinnedNow)
        }
    }
}
