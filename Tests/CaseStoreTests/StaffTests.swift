import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("Staff and permissions, checked in the store")
struct StaffTests {
    @Test func theFirstUserOfANewDatabaseBecomesItsAdminOnce() throws {
        let database = try CaseDatabase.inMemory()
        let (first, bootstrapped) = try database.authenticate("ops", at: pinnedNow)
        #expect(first == StaffMember(name: "ops", role: .admin) && bootstrapped)
        #expect(try database.authenticate("ops", at: pinnedNow).bootstrapped == false)
        #expect(throws: CaseError.permission(.unknownStaff("intruder"))) {
            _ = try database.authenticate("intruder", at: pinnedNow)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func onlyAnAdminRegistersStaff(_ store: StoreKind) throws {
        let database = try store.withStaff()
        #expect(throws: CaseError.permission(.denied(name: "lin.mei", role: .mediator, permission: .administer))) {
            try database.addStaff(StaffMember(name: "x", role: .admin), by: mediator, at: pinnedNow)
        }
        #expect(try database.staff().map(\.name) == ["admin", "chen.jing", "lin.mei", "wang.fang", "zhang.wei"])
    }

    @Test(arguments: StoreKind.allCases, ["", "has space", "中文名", "a;drop", String(repeating: "x", count: 65)])
    func unusableNamesAreRefused(_ store: StoreKind, name: String) throws {
        let database = try store.withStaff()
        let admin = StaffMember(name: "admin", role: .admin)
        #expect(throws: CaseError.invalidStaffName(name)) {
            try database.addStaff(StaffMember(name: name, role: .mediator), by: admin, at: pinnedNow)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func aTrainerCannotStepACaseAndNothingIsWritten(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(sampleCase(stage: .intervention), actor: "seed")
        let trainer = StaffMember(name: "chen.jing", role: .trainer)
        #expect(throws: CaseError.permission(.denied(name: "chen.jing", role: .trainer, permission: .step))) {
            try database.apply(
                .requestEvidence, toCase: filed.id, by: trainer, expectedVersion: 1, at: pinnedNow, rules: testRules)
        }
        #expect(try database.fetchCase(id: filed.id) == filed)
        #expect(try database.auditTrail(caseID: filed.id).count == 1)
    }

    @Test(arguments: StoreKind.allCases)
    func aClaimedRoleIsNotTrustedTheDatabaseDecides(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(sampleCase(stage: .intervention), actor: "seed")
        // A trainer presenting themselves as a supervisor is still a trainer.
        let forged = StaffMember(name: "chen.jing", role: .supervisor)
        #expect(throws: CaseError.permission(.denied(name: "chen.jing", role: .trainer, permission: .step))) {
            try database.apply(
                .requestEvidence, toCase: filed.id, by: forged, expectedVersion: 1, at: pinnedNow, rules: testRules)
        }
    }

    @Test(arguments: StoreKind.allCases)
    func onlyASupervisorDecidesAnAppeal(_ store: StoreKind) throws {
        let database = try store.withStaff()
        let filed = try database.insertCase(sampleCase(stage: .appealReview), actor: "seed")
        #expect(throws: CaseError.permission(.denied(name: "lin.mei", role: .mediator, permission: .decideAppeal))) {
            try database.decideAppeal(
                caseID: filed.id, outcome: .uphold, terms: nil, reasons: "维持", by: mediator, at: pinnedNow,
                rules: testRules)
        }
        // The bare step is refused for everyone: an appeal decision records its outcome and reasons.
        let supervisor = StaffMember(name: "wang.fang", role: .supervisor)
        #expect(throws: CaseError.useCommand(event: .appealClosed, command: "casedesk case decide-appeal")) {
            try database.apply(
                .appealClosed, toCase: filed.id, by: supervisor, expectedVersion: 1, at: pinnedNow, rules: testRules)
        }
    }
}

/// Issue 14, problem 9: an evidence file over the limit is refused by its size, before it is read.
@Suite("Evidence files")
struct EvidenceFileTests {
    @Test func aFileOverTheLimitIsRefusedByItsSizeAndASmallOneIsRead() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("big.bin")
        // A sparse file: 1 GiB on paper, nothing on disk, so the test costs nothing.
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()
        #expect(throws: EvidenceFileError(path: path, problem: .tooLarge(size: 1 << 30, limit: 64 << 20))) {
            try EvidenceFile.read(path, maximumBytes: 64 << 20)
        }
        #expect(
            EvidenceFileError(path: path, problem: .tooLarge(size: 1 << 30, limit: 64 << 20)).message.en
                == "\(path) is 1024.0 MiB; an evidence file may be at most 64.0 MiB (nothing was added)")
        let small = directory.path("small.txt")
        try "聊天记录".write(toFile: small, atomically: true, encoding: .utf8)
        #expect(try EvidenceFile.read(small) == Data("聊天记录".utf8))
        #expect(throws: EvidenceFileError(path: directory.path("none"), problem: .unreadable)) {
            try EvidenceFile.read(directory.path("none"))
        }
    }
}
