import CaseInterchange
import CaseModel
import Foundation

/// The usual arguments, so callers through `any CaseStore` need not spell them.
extension CaseStore {
    /// The sweep as the sweeper runs it.
    @discardableResult
    public func sweep(now: Date, rules: RulePackCatalog) throws -> SweepReport {
        try sweep(now: now, rules: rules, actor: "sweeper")
    }

    /// The first page of the whole queue, or after `cursor`.
    public func queuePage(_ query: QueueQuery = .all, after cursor: QueueCursor? = nil, limit: Int) throws -> [QueueRow]
    {
        try queuePage(query, after: cursor, limit: limit)
    }

    /// How many cases the whole queue holds.
    public func queueCount() throws -> Int { try queueCount(.all) }

    /// Search with the usual limit of 50.
    public func search(_ text: String) throws -> [QueueRow] { try search(text, limit: 50) }

    /// Loads the example cases as "system".
    @discardableResult
    public func loadExamplesIfEmpty(now: Date) throws -> Int { try loadExamplesIfEmpty(now: now, actor: "system") }

    /// Seeds without reporting progress.
    public func seed(cases count: Int, seed: UInt64, now: Date, by staff: StaffMember) throws {
        try self.seed(cases: count, seed: seed, now: now, by: staff, progress: { _ in })
    }

    /// Imports JSONL; times written relative (`now-3h`) count from `now`.
    public func importFile(
        _ data: Data, by staff: StaffMember, skipInvalid: Bool, rules: RulePackCatalog, now: Date = Date()
    ) throws -> ImportReport {
        try importFile(.data(data), format: .jsonl, by: staff, skipInvalid: skipInvalid, rules: rules, now: now)
    }

    /// Imports bytes in memory.
    public func importFile(
        _ data: Data, format: ImportFormat, by staff: StaffMember, skipInvalid: Bool, rules: RulePackCatalog,
        now: Date
    ) throws -> ImportReport {
        try importFile(.data(data), format: format, by: staff, skipInvalid: skipInvalid, rules: rules, now: now)
    }
}

extension ScoreKeeping {
    /// Every attempt, oldest first.
    public func records() throws -> [ScoreRecord] { try records(trainee: nil) }
}
