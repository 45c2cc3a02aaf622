import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation

/// What the store tests share: fixtures, a code-built rule pack, and the stores the contract
/// suite runs on. A library of the test targets (the contract suite and the SQLite store's own).

/// A temporary directory removed when the value is released.
package final class TemporaryDirectory: @unchecked Sendable {
    package let url: URL

    package init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("casedesk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    package func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

package let pinnedNow = Date(timeIntervalSince1970: 1_795_766_400)  // 2026-11-27T08:00:00Z

package func sampleCase(
    title: String = "收到的手机屏幕碎裂", stage: Stage = .merchantResponse, deadline: Date? = pinnedNow,
    claimFen: Int64 = 429_900
) -> Case {
    Case(
        id: 0, title: title, narrative: "外箱完好，屏幕碎裂。", category: .damaged, requestType: .returnAndRefund,
        buyer: Party(account: "buyer_wanglei", name: "王磊"), merchant: Party(account: "shop_1", name: "极客手机专营店"),
        orderID: "4102938475610877", orderAmount: Money(fen: claimFen), claimAmount: Money(fen: claimFen),
        stage: stage, stageDeadline: deadline, createdAt: pinnedNow.addingTimeInterval(-3600))
}

/// A marketplace-like pack built in code, so store tests do not depend on the shipped YAML.
package let testPack: RulePack = {
    func rule(_ stage: Stage, _ deadline: DeadlineSpec?, _ event: LifecycleEvent?, _ en: String?) -> StageRule {
        StageRule(stage: stage, deadline: deadline, onExpiry: event, outcome: en.map { LocalizedText(en: $0, zh: $0) })
    }
    let stages: [StageRule] = [
        rule(.merchantResponse, .hours(24), .merchantSilent, "refund granted"),
        rule(.negotiation, .days(5), .buyerSilent, "closed"),
        rule(.intervention, .hours(48), .decideOnRecord, "decided on the record"),
        rule(.evidence, .workingHours(4), .evidenceClosed, "decided on the record"),
        rule(.decision, .hours(48), nil, nil),
        rule(.execution, .days(3), .executed, "platform enforces"),
        rule(.appealWindow, .days(15), .appealLapsed, "closed (no appeal)"),
        rule(.suspended, .days(30), .resume, "resumed"),
    ]
    return RulePack(
        id: "marketplace", version: 1, name: LocalizedText(en: "Test", zh: "测试"),
        calendar: WorkingCalendar(timeZone: TimeZone(identifier: "UTC")!),
        stages: Dictionary(uniqueKeysWithValues: stages.map { ($0.stage, $0) }),
        review: ReviewPolicy(amountOver: .yuan(2000), platformInterest: true, samplePercent: 0))
}()

/// The statutes and remedies store tests rule with, built in code.
package let testCatalogue = Catalogue(
    statutes: ["CRPL-55", "CC-582", "CC-577", "ECL-38"].map {
        Statute(id: $0, title: LocalizedText(en: $0, zh: $0), rule: LocalizedText(en: $0, zh: $0))
    },
    remedies: [
        Remedy(id: "refund", label: LocalizedText(en: "full refund", zh: "全额退款"), basis: ["CC-582"], amount: .required),
        Remedy(
            id: "return_and_refund", label: LocalizedText(en: "return and refund", zh: "退货退款"), basis: ["CC-582"],
            amount: .required, buyerReturnsGoods: true),
        Remedy(
            id: "partial_refund", label: LocalizedText(en: "partial refund", zh: "部分退款"), basis: ["CC-582"],
            amount: .required, side: .split),
        Remedy(
            id: "fraud_damages", label: LocalizedText(en: "fraud damages", zh: "欺诈赔偿"), basis: ["CRPL-55"],
            amount: .required, calculator: .crpl55),
        Remedy(
            id: "claim_rejected", label: LocalizedText(en: "claim rejected", zh: "驳回请求"), basis: [], obligor: nil,
            side: .merchant),
    ])

package let testRules = RulePackCatalog([testPack], catalogue: testCatalogue)

package let mediator = StaffMember(name: "lin.mei", role: .mediator)
package let otherMediator = StaffMember(name: "zhang.wei", role: .mediator)

extension CaseDatabase {
    /// An in-memory database with an admin, two mediators, a supervisor and a trainer registered.
    package static func withStaff() throws -> CaseDatabase {
        let database = try CaseDatabase.inMemory()
        try registerStaff(database)
        return database
    }
}

/// Registers an admin, two mediators, a supervisor and a trainer on a new store.
package func registerStaff(_ store: any CaseStore) throws {
    let (admin, _) = try store.authenticate("admin", at: pinnedNow)
    for member in [
        mediator, otherMediator, StaffMember(name: "wang.fang", role: .supervisor),
        StaffMember(name: "chen.jing", role: .trainer),
    ] {
        try store.addStaff(member, by: admin, at: pinnedNow)
    }
}

/// A case in merchant response with one evidence item, taken by the mediator; returns its number.
package func fileTakenCase(on store: any CaseStore) throws -> Int64 {
    let stored = try store.insertCase(sampleCase(), actor: "system")
    try store.addEvidence(
        caseID: stored.id, kind: .photo, source: .buyer, description: "屏幕碎裂照片", content: Data("jpeg".utf8),
        at: pinnedNow, by: mediator)
    try store.take(caseID: stored.id, by: mediator, at: pinnedNow)
    return stored.id
}

/// Every store the contract suite holds to the same behaviour: a test taking a `StoreKind`
/// argument runs once per conformer of `CaseStore`.
package enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    /// SQLite in memory (one connection).
    case sqliteMemory = "sqlite-memory"
    /// SQLite in a WAL file (a pool of connections).
    case sqliteFile = "sqlite-file"

    package var description: String { rawValue }

    /// A new, empty store of this kind.
    package func empty() throws -> any CaseStore {
        switch self {
        case .sqliteMemory: return try CaseDatabase.inMemory()
        case .sqliteFile: return try CaseDatabase(path: StoreKind.scratch.path("\(UUID().uuidString).sqlite"))
        }
    }

    /// A new store with an admin, two mediators, a supervisor and a trainer registered.
    package func withStaff() throws -> any CaseStore {
        let store = try empty()
        try registerStaff(store)
        return store
    }

    /// Where file stores live for the run; removed when the test process ends.
    package static let scratch = TemporaryDirectory.forProcess()
}

extension TemporaryDirectory {
    /// One directory for the whole test process, removed at exit.
    package static func forProcess() -> TemporaryDirectory {
        do {
            let directory = try TemporaryDirectory()
            atexit { try? FileManager.default.removeItem(at: StoreKind.scratch.url) }
            return directory
        } catch {
            fatalError("the tests cannot create a temporary directory: \(error)")
        }
    }
}

/// A small deterministic generator, so test data is the same on every run.
package struct SplitMix {
    package var state: UInt64
    package init(seed: UInt64) { state = seed }
    package mutating func next() -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
    }
}
