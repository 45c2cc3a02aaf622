import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation

/// A temporary directory removed when the value is released.
final class TemporaryDirectory: @unchecked Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("casedesk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

let pinnedNow = Date(timeIntervalSince1970: 1_795_766_400)  // 2026-11-27T08:00:00Z

func sampleCase(
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
let testPack: RulePack = {
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
let testCatalogue = Catalogue(
    statutes: ["CRPL-55", "CC-582", "CC-577"].map {
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

let testRules = RulePackCatalog([testPack], catalogue: testCatalogue)

let mediator = StaffMember(name: "lin.mei", role: .mediator)
let otherMediator = StaffMember(name: "zhang.wei", role: .mediator)

extension CaseDatabase {
    /// An in-memory database with an admin, two mediators, a supervisor and a trainer registered.
    static func withStaff() throws -> CaseDatabase {
        let database = try CaseDatabase.inMemory()
        let (admin, _) = try database.authenticate("admin", at: pinnedNow)
        for member in [
            mediator, otherMediator, StaffMember(name: "wang.fang", role: .supervisor),
            StaffMember(name: "chen.jing", role: .trainer),
        ] {
            try database.addStaff(member, by: admin, at: pinnedNow)
        }
        return database
    }
}

/// Every store the contract suite holds to the same behaviour: a test taking a `StoreKind`
/// argument runs once per conformer of `CaseStore`.
enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    /// SQLite in memory (one connection).
    case sqliteMemory = "sqlite-memory"
    /// SQLite in a WAL file (a pool of connections).
    case sqliteFile = "sqlite-file"

    var description: String { rawValue }

    /// A new, empty store of this kind.
    func empty() throws -> any CaseStore {
        switch self {
        case .sqliteMemory: return try CaseDatabase.inMemory()
        case .sqliteFile: return try CaseDatabase(path: StoreKind.scratch.path("\(UUID().uuidString).sqlite"))
        }
    }

    /// A new store with an admin, two mediators, a supervisor and a trainer registered.
    func withStaff() throws -> any CaseStore {
        let store = try empty()
        let (admin, _) = try store.authenticate("admin", at: pinnedNow)
        for member in [
            mediator, otherMediator, StaffMember(name: "wang.fang", role: .supervisor),
            StaffMember(name: "chen.jing", role: .trainer),
        ] {
            try store.addStaff(member, by: admin, at: pinnedNow)
        }
        return store
    }

    /// Where file stores live for the run; removed when the test process ends.
    nonisolated(unsafe) static let scratch = TemporaryDirectory.forProcess()
}

extension TemporaryDirectory {
    /// One directory for the whole test process, removed at exit.
    static func forProcess() -> TemporaryDirectory {
        do {
            let directory = try TemporaryDirectory()
            atexit { try? FileManager.default.removeItem(at: StoreKind.scratch.url) }
            return directory
        } catch {
            fatalError("the tests cannot create a temporary directory: \(error)")
        }
    }
}
