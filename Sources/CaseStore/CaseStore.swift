import CaseInterchange
import CaseModel
import Foundation

/// Where cases live: the one interface the console, the CLI, training and handouts use.
///
/// Reads return model values; every change to a case is an intent, decided by `CaseDecider` and
/// committed with its events in one transaction (`perform`). The conveniences in
/// `CaseStore+Writes.swift` (take, rule, decide an appeal…) are intents over `perform`, so a new
/// backend implements only this list. The contract suite (`Tests/CaseStoreTests`, every test
/// taking a `StoreKind`) holds every conformer to the same behaviour.
public protocol CaseStore: AnyObject, Sendable {
    /// Where the store lives, for messages (a file path, "in memory", a server).
    var path: String { get }
    /// Whether it was opened read-only: every write is then refused with that reason.
    var isReadOnly: Bool { get }

    // MARK: Changing cases

    /// Decides `intent` on a case and commits its events in one transaction: the acting person's
    /// role re-read, the version the caller read checked, the events applied and appended to the
    /// audit chain, or nothing at all.
    ///
    /// - Parameter contents: the content of evidence the intent adds, which events do not carry.
    func perform(
        _ intent: CaseIntent, on caseID: Int64, as actor: CaseActor, expectedVersion: Int?, at now: Date,
        rules: RulePackCatalog, contents: [Data]
    ) throws -> Commit
    /// Files a new case (`id` 0 numbers it), recording its `filed` event.
    @discardableResult
    func insertCase(_ newCase: Case, actor: String) throws -> Case
    /// Files a case document with its history (an example, a scenario's case); returns its number.
    /// With `rules`, the document's pack must be known and its platform-interest rules apply.
    func file(_ document: CaseDocument, now: Date, actor: String, rules: RulePackCatalog?) throws -> Int64
    /// The last audit record's number and hash (nil for an empty log): what an anchor signs.
    func auditHead() throws -> (records: Int64, hash: String)?
    /// The hash of audit record `id`, if there is one.
    func auditHash(id: Int64) throws -> String?
    /// Whether the store's clock is simulated (rehearsal, training and test databases).
    func isSimulated() throws -> Bool
    /// Declares a new, empty store simulated; a store already in use stays live.
    func declareSimulated() throws
    /// Loads the example cases when the store holds no case yet; returns how many.
    func loadExamplesIfEmpty(now: Date, actor: String) throws -> Int
    /// Applies every expired deadline's and obligation's default outcome exactly once.
    func sweep(now: Date, rules: RulePackCatalog, actor: String) throws -> SweepReport
    /// Imports cases and party events through the same rules as the console; a case document's
    /// relative times (`now-3h`) count from `now`. JSONL from a file is streamed line by line.
    func importFile(
        _ source: ImportSource, format: ImportFormat, by staff: StaffMember, skipInvalid: Bool, rules: RulePackCatalog,
        now: Date
    )
        throws -> ImportReport
    /// Adds deterministic synthetic cases, in batches.
    func seed(cases count: Int, seed: UInt64, now: Date, by staff: StaffMember, progress: (Int) -> Void) throws

    // MARK: Reading cases

    /// The case with this number, or nil.
    func fetchCase(id: Int64) throws -> Case?
    /// The case with everything recorded on it.
    func caseFile(id: Int64) throws -> CaseFile
    /// How many cases the store holds.
    func caseCount() throws -> Int
    /// The points in dispute of a case, with their linked evidence.
    func issues(caseID: Int64) throws -> [DisputeIssue]
    /// The evidence of a case, oldest first.
    func evidence(caseID: Int64) throws -> [Evidence]
    /// The bytes of one evidence item (nil when the case has no such item).
    func evidenceContent(caseID: Int64, evidenceID: Int64) throws -> Data?
    /// The evidence requests of a case, oldest first.
    func evidenceRequests(caseID: Int64) throws -> [EvidenceRequest]
    /// Everything decided on a case.
    func decisions(caseID: Int64) throws -> CaseDecisions
    /// The audit trail of one case, oldest first: its events with their records.
    func auditTrail(caseID: Int64) throws -> [AuditEntry]
    /// At most `limit` of a case's newest audit records numbered below `before` (all, when nil),
    /// oldest first: a page of a timeline that may hold a million records.
    func auditTrail(caseID: Int64, newest limit: Int, before: Int64?) throws -> [AuditEntry]

    // MARK: The queue

    /// A page of the queue from its start (or after `cursor`), in the query's order.
    func queuePage(_ query: QueueQuery, after cursor: QueueCursor?, limit: Int) throws -> [QueueRow]
    /// A page starting at `cursor` itself.
    func queuePage(_ query: QueueQuery, from cursor: QueueCursor, limit: Int) throws -> [QueueRow]
    /// The page before `cursor` (the last page when nil).
    func queuePage(_ query: QueueQuery, before cursor: QueueCursor?, limit: Int) throws -> [QueueRow]
    /// How many rows come before `cursor`.
    func queuePosition(_ query: QueueQuery, of cursor: QueueCursor) throws -> Int
    /// How many cases match.
    func queueCount(_ query: QueueQuery) throws -> Int
    /// Cases per stage.
    func countByStage() throws -> [Stage: Int]
    /// A number that changes whenever anything is written, for live refresh.
    func changeToken() throws -> Int64
    /// Cases whose text contains every term, newest first.
    func search(_ text: String, limit: Int) throws -> [QueueRow]
    /// The supervisors' dashboard at `now`.
    func dashboard(now: Date) throws -> Dashboard

    // MARK: People, settings, integrity, interchange

    /// The registered person with this name; the first user of an empty store becomes its admin.
    func authenticate(_ name: String, at now: Date) throws -> (member: StaffMember, bootstrapped: Bool)
    /// Registers a person in a role (or changes their role); only an admin may.
    func addStaff(_ member: StaffMember, by actor: StaffMember, at now: Date) throws
    /// Everyone registered, by name.
    func staff() throws -> [StaffMember]
    /// The rule pack new cases get.
    func rulePackReference() throws -> String
    /// Chooses the rule pack for cases filed from now on.
    func setRulePack(_ pack: RulePack, by staff: StaffMember, at now: Date) throws
    /// Checks the store's integrity, the audit chain and every evidence and ruling hash.
    func verify() throws -> VerifyReport
    /// Writes every case in number order, streaming.
    func export(_ format: ExportFormat, write: (String) throws -> Void) throws
    /// A store's own failure in words a person can act on (a lock, a full disk), if it is one.
    func explain(_ error: any Error) -> StoreError?
}
