import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTUI
import CaseTraining
import Foundation
import RulePacks
import Testing

let pinnedNow = Date(timeIntervalSince1970: 1_795_766_400)  // 2026-11-27T08:00:00Z

/// A driver over an in-memory database holding the example cases, at a pinned time.
func exampleDriver(
    width: Int = 100, height: Int = 30, keys: String = "", as name: String = "admin"
) throws -> AppDriver {
    let database = try CaseDatabase.inMemory()
    let (admin, _) = try database.authenticate("admin", at: pinnedNow)
    try database.loadExamplesIfEmpty(now: pinnedNow)
    let staff = try database.staff().first { $0.name == name } ?? admin
    var state = AppState(width: width, height: height, now: pinnedNow, databaseLabel: "cases.sqlite")
    state.rules = try RulePackCatalog.shipped()
    state.staff = staff
    var driver = AppDriver(state: state, database: database)
    for key in try KeyNotation.parse(keys) { driver.press(key) }
    return driver
}

/// A driver over an in-memory queue of `cases` cases titled "`title` N", one minute apart in deadline.
func manyCasesDriver(cases: Int, title: String = "争议") throws -> AppDriver {
    let database = try CaseDatabase.inMemory()
    for index in 0..<cases {
        try database.insertCase(
            Case(
                id: 0, title: "\(title) \(index)", category: .quality, requestType: .refundOnly,
                buyer: Party(account: "b", name: "买家"), merchant: Party(account: "m", name: "商家"),
                orderID: "\(index)", orderAmount: .yuan(1), claimAmount: .yuan(1), stage: .intervention,
                stageDeadline: pinnedNow.addingTimeInterval(Double(index) * 60), createdAt: pinnedNow),
            actor: "seed")
    }
    return AppDriver(state: AppState(width: 100, height: 30, now: pinnedNow, databaseLabel: "big"), database: database)
}

/// Compares text with `__Snapshots__/NAME.txt` beside this file.
///
/// A missing snapshot is written and the test fails, so a new snapshot is always
/// looked at once; `SNAPSHOT_RECORD=1 swift test` rewrites them all after a deliberate change.
func assertSnapshot(
    _ text: String, named name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__/\(name).txt")
    let record = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    guard !record, let stored = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? (text + "\n").write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(name); check it and run the tests again", sourceLocation: sourceLocation)
        return
    }
    if stored != text + "\n" {
        Issue.record(
            "snapshot \(name) differs.\n--- expected\n\(stored)--- actual\n\(text)\n", sourceLocation: sourceLocation)
    }
}
