import Foundation

/// A case with everything recorded on it: what `decide` reads and what the events fold into.
public struct CaseFile: Hashable, Sendable {
    /// The case itself.
    public var item: Case
    /// Its evidence (descriptions and hashes; contents stay in the store).
    public var evidence: [Evidence]
    /// Its points in dispute.
    public var issues: [DisputeIssue]
    /// Its evidence requests.
    public var requests: [EvidenceRequest]
    /// Its rulings, sign-offs, obligations and appeals.
    public var decisions: CaseDecisions
    /// The numbers the next new records of each kind get.
    public var next: NextIDs

    /// Creates a file.
    public init(
        item: Case, evidence: [Evidence] = [], issues: [DisputeIssue] = [], requests: [EvidenceRequest] = [],
        decisions: CaseDecisions = CaseDecisions(), next: NextIDs = NextIDs()
    ) {
        self.item = item
        self.evidence = evidence
        self.issues = issues
        self.requests = requests
        self.decisions = decisions
        self.next = next
    }

    /// The parts of a file beyond the case row, for loading only what an intent reads.
    public enum Part: Hashable, Sendable, CaseIterable {
        case evidence, issues, requests, decisions
    }
}

/// The number each kind of new record gets next; numbers are unique across cases.
public struct NextIDs: Hashable, Sendable {
    /// The next evidence item.
    public var evidence: Int64
    /// The next point in dispute.
    public var issue: Int64
    /// The next evidence request.
    public var request: Int64
    /// The next ruling revision.
    public var ruling: Int64
    /// The next obligation.
    public var obligation: Int64
    /// The next appeal.
    public var appeal: Int64

    /// Creates the numbers (all 1 in an empty database).
    public init(
        evidence: Int64 = 1, issue: Int64 = 1, request: Int64 = 1, ruling: Int64 = 1, obligation: Int64 = 1,
        appeal: Int64 = 1
    ) {
        self.evidence = evidence
        self.issue = issue
        self.request = request
        self.ruling = ruling
        self.obligation = obligation
        self.appeal = appeal
    }
}

extension Date {
    /// The moment to the whole second, as every store keeps it.
    public var wholeSeconds: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
