import CaseModel
import Foundation
import Testing

@Suite("Burden of proof (docs/domain.md §6)")
struct BurdenTests {
    static let cases: [(IssueKind, Bool, Bool, PartyRole)] = [
        (.visibleDefect, false, false, .buyer),
        (.visibleDefect, false, true, .merchant),
        (.hiddenDefect, false, false, .merchant),
        (.hiddenDefect, false, true, .merchant),
        (.counterfeit, false, false, .merchant),
        (.deliveryMismatch, false, false, .merchant),
        (.deliveryMismatch, true, false, .buyer),
        (.faultUndeterminable, false, false, .merchant),
    ]

    @Test(arguments: cases)
    func theBurdenFollowsTheKindOfDispute(kind: IssueKind, confirmed: Bool, durable: Bool, party: PartyRole) {
        let burden = BurdenRules.burden(for: kind, buyerConfirmedReceipt: confirmed, durableWithinSixMonths: durable)
        #expect(burden.party == party)
        #expect(!burden.reason.en.isEmpty && !burden.reason.zh.isEmpty)
    }

    @Test func counterfeitAsksForSupplyPapers() {
        #expect(BurdenRules.burden(for: .counterfeit).expectedEvidence.contains(.supplierInvoice))
        #expect(BurdenRules.burden(for: .deliveryMismatch).expectedEvidence == [.logistics])
    }

    @Test func evidenceIsOnTimeInsideItsPartysWindowOnly() {
        let opened = Date(timeIntervalSince1970: 1_000_000)
        let request = EvidenceRequest(
            id: 1, caseID: 1, party: .merchant, what: "进货凭证", openedAt: opened, dueAt: opened.addingTimeInterval(3600))
        func item(_ source: EvidenceSource, _ offset: TimeInterval) -> Evidence {
            Evidence(
                id: 1, caseID: 1, kind: .supplierInvoice, source: source, description: "d", sha256: "",
                submittedAt: opened.addingTimeInterval(offset))
        }
        #expect(item(.merchant, 60).timeliness(requests: [request]) == .onTime)
        #expect(item(.merchant, 3600).timeliness(requests: [request]) == .onTime)
        #expect(item(.merchant, 3601).timeliness(requests: [request]) == .late)
        #expect(item(.merchant, -60).timeliness(requests: [request]) == .unrequested)
        #expect(item(.buyer, 60).timeliness(requests: [request]) == .unrequested)
        #expect(item(.platform, 60).timeliness(requests: [request]) == .unrequested)
    }
}
