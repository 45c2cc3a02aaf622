import CaseInterchange
import CaseModel
import Foundation

/// The everyday changes, each one intent over `perform`, the same on every store.
extension CaseStore {
    /// `perform` as a registered person.
    @discardableResult
    public func perform(
        _ intent: CaseIntent, on caseID: Int64, by staff: StaffMember, expectedVersion: Int? = nil, at now: Date,
        rules: RulePackCatalog, contents: [Data] = []
    ) throws -> Commit {
        try perform(
            intent, on: caseID, as: .staff(staff), expectedVersion: expectedVersion, at: now, rules: rules,
            contents: contents)
    }

    /// Claims a case for the acting mediator. Taking a case someone else holds is refused, naming them.
    @discardableResult
    public func take(caseID: Int64, by staff: StaffMember, expectedVersion: Int? = nil, at now: Date) throws -> Case {
        try perform(.take, on: caseID, by: staff, expectedVersion: expectedVersion, at: now, rules: .none).item
    }

    /// Gives a case back to the queue. Only its assignee, a supervisor or an admin may.
    @discardableResult
    public func release(caseID: Int64, by staff: StaffMember, expectedVersion: Int? = nil, at now: Date) throws -> Case
    {
        try perform(.release, on: caseID, by: staff, expectedVersion: expectedVersion, at: now, rules: .none).item
    }

    /// Urges a slow party (docs/domain.md §1: a slow merchant can be urged); the message goes on the record.
    public func urge(caseID: Int64, party: PartyRole, message: String, by staff: StaffMember, at now: Date) throws {
        try perform(.urge(party, message: message), on: caseID, by: staff, at: now, rules: .none)
    }

    /// Adds a note to the case record.
    public func addNote(caseID: Int64, text: String, by staff: StaffMember, at now: Date) throws {
        try perform(.note(text), on: caseID, by: staff, at: now, rules: .none)
    }

    /// Sets a case's priority level (1 most urgent … 4).
    @discardableResult
    public func setPriority(caseID: Int64, level: Int, by staff: StaffMember, at now: Date) throws -> Case {
        try perform(.setPriority(level), on: caseID, by: staff, at: now, rules: .none).item
    }

    /// Raises or lowers a flag on a case.
    @discardableResult
    public func setFlag(
        _ flag: CaseFlag, on: Bool, reason: String? = nil, caseID: Int64, by staff: StaffMember, at now: Date
    ) throws -> Case {
        try perform(.setFlag(flag, on: on, reason: reason), on: caseID, by: staff, at: now, rules: .none).item
    }

    /// Takes a lifecycle step on a case under its own rule pack, refusing it if the case
    /// changed since `expectedVersion`. The new stage's clock comes from the pack.
    ///
    /// - Parameter party: set when staff enter a buyer's or merchant's step on the party's behalf.
    @discardableResult
    public func apply(
        _ event: LifecycleEvent, toCase id: Int64, by staff: StaffMember, onBehalfOf party: PartyRole? = nil,
        expectedVersion: Int?, at now: Date, rules: RulePackCatalog
    ) throws -> Case {
        try perform(
            .step(event, for: party), on: id, by: staff, expectedVersion: expectedVersion, at: now, rules: rules
        )
        .item
    }

    /// Adds an item of evidence to a case, fixing its content by SHA-256.
    @discardableResult
    public func addEvidence(
        caseID: Int64, kind: EvidenceKind, source: EvidenceSource, description: String, content: Data, at: Date,
        by staff: StaffMember
    ) throws -> Evidence {
        let commit = try perform(
            .addEvidence(kind: kind, source: source, description: description, sha256: Hashing.sha256Hex(content)),
            on: caseID, by: staff, at: at, rules: .none, contents: [content])
        guard let added = commit.file.evidence.last else { throw StoreError.caseNotFound(caseID) }
        return added
    }

    /// Records a point in dispute; the burden of proof follows from its kind (docs/domain.md §6).
    @discardableResult
    public func addIssue(
        caseID: Int64, kind: IssueKind, description: String, buyerConfirmedReceipt: Bool = false,
        durableWithinSixMonths: Bool = false, by staff: StaffMember, at now: Date
    ) throws -> DisputeIssue {
        let intent = CaseIntent.addIssue(
            kind: kind, description: description, buyerConfirmedReceipt: buyerConfirmedReceipt,
            durableWithinSixMonths: durableWithinSixMonths)
        guard let issue = try perform(intent, on: caseID, by: staff, at: now, rules: .none).file.issues.last else {
            throw StoreError.caseNotFound(caseID)
        }
        return issue
    }

    /// Links an item of evidence to a point in dispute on the same case.
    public func linkEvidence(caseID: Int64, issueID: Int64, evidenceID: Int64, by staff: StaffMember, at now: Date)
        throws
    {
        try perform(
            .linkEvidence(issueID: issueID, evidenceID: evidenceID), on: caseID, by: staff, at: now, rules: .none)
    }

    /// Records the mediator's finding on a point in dispute, with the reasoning.
    public func recordFinding(
        caseID: Int64, issueID: Int64, finding: Finding, note: String, by staff: StaffMember, at now: Date
    ) throws {
        try perform(
            .recordFinding(issueID: issueID, finding: finding, note: note), on: caseID, by: staff, at: now,
            rules: .none)
    }

    /// Asks a party for evidence, opening a window with the rule pack's evidence deadline.
    ///
    /// A case in intervention moves to the evidence stage; a case already there gets one
    /// more window, and its stage deadline stretches to the latest window.
    @discardableResult
    public func requestEvidence(
        caseID: Int64, from party: PartyRole, what: String, by staff: StaffMember, at now: Date,
        rules: RulePackCatalog
    ) throws -> (request: EvidenceRequest, case: Case) {
        let commit = try perform(
            .requestEvidence(from: party, what: what), on: caseID, by: staff, at: now, rules: rules)
        guard let request = commit.file.requests.last else { throw StoreError.caseNotFound(caseID) }
        return (request, commit.item)
    }

    /// Records one buyer's or merchant's action, entered by staff on their behalf, through the
    /// same rules as an imported event line.
    public func recordPartyAction(
        caseID: Int64, party: PartyRole, action: PartyAction, note: String?, tracking: String?, at now: Date,
        by staff: StaffMember, rules: RulePackCatalog
    ) throws {
        let entry = PartyEntry(party: party, action: action, note: note, tracking: tracking, enteredByStaff: true)
        try perform(.party(entry), on: caseID, by: staff, at: now, rules: rules)
    }
}

extension RulePackCatalog {
    /// No packs: for intents that no rule pack governs (taking a case, a note).
    public static let none = RulePackCatalog([])
}
