import Foundation

/// What someone asks to do to a case; `CaseDecider.decide` turns it into events or a refusal.
public enum CaseIntent: Hashable, Sendable {
    /// Claim the case.
    case take
    /// Give it back to the queue.
    case release
    /// Take a lifecycle step (not one of the steps only rulings and appeal decisions take); a
    /// party's step when staff enter it on the party's behalf.
    case step(LifecycleEvent, for: PartyRole? = nil)
    /// Ask a party for evidence.
    case requestEvidence(from: PartyRole, what: String)
    /// Add an item of evidence whose content the store has hashed.
    case addEvidence(kind: EvidenceKind, source: EvidenceSource, description: String, sha256: String)
    /// Record a point in dispute.
    case addIssue(kind: IssueKind, description: String, buyerConfirmedReceipt: Bool, durableWithinSixMonths: Bool)
    /// Link an item of evidence to a point in dispute.
    case linkEvidence(issueID: Int64, evidenceID: Int64)
    /// Record the finding on a point in dispute.
    case recordFinding(issueID: Int64, finding: Finding, note: String)
    /// Urge a slow party.
    case urge(PartyRole, message: String)
    /// Put a note on the record.
    case note(String)
    /// Set the priority level.
    case setPriority(Int)
    /// Raise or lower a manual flag.
    case setFlag(CaseFlag, on: Bool, reason: String? = nil)
    /// Submit a ruling.
    case submitRuling(RulingDraft)
    /// Approve or return the ruling waiting for review.
    case reviewRuling(approve: Bool, comment: String)
    /// Record an independent observer's sign-off: the observer signing in person, or a case worker
    /// recording a registered observer's signed statement. `observer` is that person's staff record
    /// (nil when the name is not registered, which is refused).
    case observe(observer: StaffMember?, named: String, statement: String)
    /// Record an obligation as carried out.
    case fulfil(obligationID: Int64, note: String)
    /// Decide the open appeal.
    case decideAppeal(AppealOutcome, terms: RulingDraft?, reasons: String)
    /// A buyer's or merchant's action, from the feed or entered by staff on their behalf.
    case party(PartyEntry)
    /// Apply the default outcome of the stage clock that ran out (the sweeper).
    case expire
    /// Find an obligation past its deadline in default (the sweeper).
    case defaultObligation(Int64)

    /// The name the intent's audit records show: "lin.mei", or "lin.mei for the buyer" when staff
    /// enter a party's action.
    public func recordedActor(_ actor: CaseActor) -> String {
        switch self {
        case .step(_, let party?): "\(actor.name) for the \(party.rawValue)"
        case .party(let entry): "\(actor.name) for the \(entry.party.rawValue)"
        default: actor.name
        }
    }

    /// The parts of the case file `decide` reads for this intent, beyond the case itself. An intent
    /// that adds numbered records must read at least one part: only then does the store load the
    /// next free numbers (the decide table test holds every intent to this).
    public var reads: Set<CaseFile.Part> {
        switch self {
        case .take, .release, .urge, .note, .setPriority, .expire: []
        case .step, .fulfil, .defaultObligation, .setFlag: [.decisions]
        case .requestEvidence: [.requests]
        case .addEvidence: [.evidence]
        case .addIssue: [.issues]
        case .linkEvidence: [.issues, .evidence]
        case .recordFinding: [.issues]
        case .submitRuling, .reviewRuling, .observe, .decideAppeal: [.issues, .decisions]
        case .party: [.evidence, .decisions]
        }
    }
}

/// A party's action as it reaches the case.
public struct PartyEntry: Hashable, Sendable {
    /// Who acted.
    public var party: PartyRole
    /// What they did.
    public var action: PartyAction
    /// Their words, if any.
    public var note: String?
    /// A return's tracking number.
    public var tracking: String?
    /// Evidence they submitted with it (its content hashed by the store).
    public var evidence: PartyEvidence?
    /// Entered by staff at the console or CLI (stricter than the feed: a return needs its tracking number).
    public var enteredByStaff: Bool

    /// Creates an entry.
    public init(
        party: PartyRole, action: PartyAction, note: String? = nil, tracking: String? = nil,
        evidence: PartyEvidence? = nil, enteredByStaff: Bool = false
    ) {
        self.party = party
        self.action = action
        self.note = note.flatMap { $0.isEmpty ? nil : $0 }
        self.tracking = tracking.flatMap { $0.isEmpty ? nil : $0 }
        self.evidence = evidence
        self.enteredByStaff = enteredByStaff
    }
}

/// Evidence a party submits, described and hashed.
public struct PartyEvidence: Hashable, Sendable {
    /// What kind.
    public var kind: EvidenceKind
    /// The party's description.
    public var description: String
    /// SHA-256 of its content.
    public var sha256: String

    /// Creates the description of an item.
    public init(kind: EvidenceKind, description: String, sha256: String) {
        self.kind = kind
        self.description = description
        self.sha256 = sha256
    }
}

/// Who asks: a registered person (their role as the store read it), or the system itself.
public enum CaseActor: Hashable, Sendable {
    /// A registered staff member.
    case staff(StaffMember)
    /// The sweeper or another automatic process, by name.
    case system(String)

    /// The name the audit record shows.
    public var name: String {
        switch self {
        case .staff(let member): member.name
        case .system(let name): name
        }
    }

    /// The staff member's role; nil for the system.
    public var staffRole: StaffRole? {
        if case .staff(let member) = self { return member.role }
        return nil
    }
}
