import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("Audit log: every write, same transaction, hash-chained")
struct AuditTests {
    @Test(arguments: StoreKind.allCases)
    func everyWriteAppendsOneRecordToTheCaseTrail(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(sampleCase(), actor: "lin.mei")
        try database.addEvidence(
            caseID: filed.id, kind: .photo, source: .buyer, description: "照片", content: Data("img".utf8),
            at: pinnedNow, by: mediator)
        try database.apply(
            .merchantRejects, toCase: filed.id, by: mediator, onBehalfOf: .merchant, expectedVersion: 1,
            at: pinnedNow, rules: testRules)
        let trail = try database.auditTrail(caseID: filed.id)
        #expect(trail.map(\.action) == ["file", "add_evidence", "merchant_rejects"])
        #expect(trail.last?.detail == "stage merchant_response → negotiation, deadline 2026-12-02T08:00:00Z")
        #expect(trail.last?.actor == "lin.mei for the merchant")
        #expect(try database.verify().isIntact)
    }

    @Test(arguments: StoreKind.allCases)
    func aRefusedStepChangesNothingAndRecordsNothing(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(sampleCase(stage: .negotiation), actor: "lin.mei")
        #expect(throws: CaseError.lifecycle(.notAllowed(event: .executed, stage: .negotiation))) {
            try database.apply(
                .executed, toCase: filed.id, by: mediator, expectedVersion: 1, at: pinnedNow,
                rules: testRules)
        }
        #expect(try database.fetchCase(id: filed.id) == filed)
        #expect(try database.auditTrail(caseID: filed.id).count == 1)
    }

    @Test(arguments: StoreKind.allCases)
    func aStaleVersionIsAConflictNamingWhoChangedTheCase(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(sampleCase(stage: .intervention), actor: "lin.mei")
        try database.apply(
            .suspend, toCase: filed.id, by: otherMediator, expectedVersion: 1, at: pinnedNow,
            rules: testRules)
        #expect(
            throws: StoreError.conflict(caseID: filed.id, expectedVersion: 1, actualVersion: 2, changedBy: "zhang.wei")
        ) {
            try database.apply(
                .requestEvidence, toCase: filed.id, by: mediator, expectedVersion: 1,
                at: pinnedNow, rules: testRules)
        }
        #expect(try database.fetchCase(id: filed.id)?.stage == .suspended)
    }
}

/// Signed anchors of the audit chain (issue 14): they hold on an untouched store, and name a
/// cut-off tail, a changed anchored record, a forged signature and a foreign key.
@Suite("Anchors")
struct AnchorTests {
    @Test(arguments: StoreKind.allCases)
    func anAnchorHoldsAndNamesWhatItCannotVouchFor(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let id = try fileTakenCase(on: database)
        let key = Curve25519SigningKey()
        let anchor = try database.anchor(now: pinnedNow, key: key)
        let head = try database.auditHead()
        #expect(anchor.isSignatureValid && anchor.records == head?.records)
        #expect(try Anchor.parse("# published\n" + anchor.line + "\n") == [anchor])
        #expect(try database.problems(with: [anchor], publicKey: anchor.publicKey).isEmpty)
        try database.addNote(caseID: id, text: "之后", by: mediator, at: pinnedNow)
        #expect(try database.problems(with: [anchor], publicKey: nil).isEmpty)
        var beyond = try Anchor.sign(records: anchor.records + 5, hash: anchor.hash, at: pinnedNow, key: key)
        #expect(try database.problems(with: [beyond], publicKey: nil).first?.contains("deleted from its end") == true)
        beyond = try Anchor.sign(
            records: anchor.records, hash: String(repeating: "0", count: 64), at: pinnedNow, key: key)
        #expect(try database.problems(with: [beyond], publicKey: nil).first?.contains("was rewritten") == true)
        var forged = anchor
        forged.records -= 1
        #expect(try database.problems(with: [forged], publicKey: nil).first?.contains("does not verify") == true)
        let foreign = try database.anchor(now: pinnedNow, key: Curve25519SigningKey())
        #expect(
            try database.problems(with: [foreign], publicKey: anchor.publicKey).first?.contains("another key") == true)
    }
}
