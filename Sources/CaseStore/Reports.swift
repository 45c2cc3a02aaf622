import CaseInterchange
import CaseModel
import Foundation

/// The formats `casedesk export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    case jsonl, csv
}

/// What an import did.
public struct ImportReport: Sendable {
    /// Lines applied.
    public var applied: Int = 0
    /// Lines rejected, with reasons, in line order.
    public var errors: [ImportError] = []
    /// Whether anything was written (false when one bad line rejected the whole file).
    public var committed = false
    /// With `skipInvalid`, each rejected JSONL line's bytes by line number, for the rejects file
    /// (a streamed file cannot be read again; CSV records are cut from the file by the caller).
    public var rejectedLines: [Int: Data] = [:]

    /// An empty report.
    public init() {}
}

/// What submitting a ruling did.
public struct RulingSubmission: Sendable {
    /// The stored ruling.
    public var ruling: Ruling
    /// Why it waits for a supervisor, or nil when it took effect at once.
    public var reviewReason: ReviewReason?
    /// The obligations it created, when it took effect.
    public var obligations: [Obligation]

    /// Creates the record of a submission.
    public init(ruling: Ruling, reviewReason: ReviewReason?, obligations: [Obligation]) {
        self.ruling = ruling
        self.reviewReason = reviewReason
        self.obligations = obligations
    }
}

/// One default outcome the sweeper applied.
public struct SweepAction: Hashable, Sendable {
    /// The case.
    public var caseID: Int64
    /// The step taken.
    public var event: LifecycleEvent
    /// The stage whose clock ran out.
    public var from: Stage
    /// The stage reached.
    public var to: Stage
    /// When the clock ran out.
    public var expiredAt: Date
    /// The rule applied: "marketplace@1 merchant_response.on_expiry".
    public var rule: String

    /// Creates the record of one default outcome.
    public init(caseID: Int64, event: LifecycleEvent, from: Stage, to: Stage, expiredAt: Date, rule: String) {
        self.caseID = caseID
        self.event = event
        self.from = from
        self.to = to
        self.expiredAt = expiredAt
        self.rule = rule
    }
}

/// What one sweep did, and what it could not do.
public struct SweepReport: Sendable {
    /// Default outcomes applied, in order.
    public var applied: [SweepAction] = []
    /// Obligations found in default, by number.
    public var defaulted: [Int64] = []
    /// Cases skipped, with the reason (an unknown rule pack, a concurrent change).
    public var problems: [(caseID: Int64, message: String)] = []

    /// An empty report.
    public init() {}
}

/// What `verify` found.
public struct VerifyReport: Sendable {
    /// Audit records checked.
    public var auditRecords = 0
    /// Evidence items checked.
    public var evidenceItems = 0
    /// Ruling revisions checked.
    public var rulings = 0
    /// Problems, the first broken thing first; empty when all is intact.
    public var problems: [String] = []

    /// Whether everything checked out.
    public var isIntact: Bool { problems.isEmpty }

    /// An empty report.
    public init() {}
}
