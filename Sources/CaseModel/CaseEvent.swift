import Foundation

/// One thing that happened to a case (or, for staff, settings and seeding, to the database).
///
/// The audit log holds each event as its kind and canonical JSON payload; the sentence a person
/// reads is derived from it (`summary`), never parsed back. Replay, verify and training read the
/// events themselves. A new kind of happening is a new case here, never a new string format.
public enum CaseEvent: Hashable, Codable, Sendable {
    /// The case was filed (or imported, or loaded as an example) in `stage` under `rulePack`, with
    /// the clock, assignee, priority and flags it started with.
    case filed(
        stage: Stage, rulePack: String, title: String, deadline: Date?, assignee: String?, priority: Int,
        flags: [CaseFlag], suspendedFrom: Stage? = nil, pausedRemaining: Int64? = nil)
    /// A mediator took the case; `from` is whoever held it before (nobody, today).
    case taken(from: String?, to: String)
    /// The case went back to the queue.
    case released(from: String)
    /// A lifecycle step by staff, a party or the system.
    case stepped(event: LifecycleEvent, move: StageMove, note: StepNote?)
    /// A stage clock ran out and the pack's default outcome was applied.
    case deadlineExpired(event: LifecycleEvent, rule: String, deadline: Date, outcome: LocalizedText?, move: StageMove)
    /// A party was asked for evidence, with a window from the rule pack.
    case evidenceRequested(
        requestID: Int64, party: PartyRole, what: String, due: Date, rulePack: String, move: StageMove)
    /// An item of evidence was added, its content fixed by SHA-256.
    case evidenceAdded(
        evidenceID: Int64, kind: EvidenceKind, source: EvidenceSource, description: String, sha256: String)
    /// A point in dispute was recorded, with the burden of proof its kind carries.
    case issueAdded(
        issueID: Int64, kind: IssueKind, description: String, burden: PartyRole, burdenReason: LocalizedText,
        buyerConfirmedReceipt: Bool, durableWithinSixMonths: Bool)
    /// An item of evidence was linked to a point in dispute.
    case evidenceLinked(evidenceID: Int64, issueID: Int64)
    /// The mediator recorded a finding on a point in dispute.
    case findingRecorded(issueID: Int64, finding: Finding, note: String)
    /// A slow party was urged.
    case urged(party: PartyRole, message: String)
    /// A note went on the record.
    case noted(text: String)
    /// A party's action that does not move the case (a response, a return shipped, receipt confirmed).
    case partyActed(party: PartyRole, action: PartyAction, tracking: String?, note: String?)
    /// A ruling revision was written: submitted by a mediator, or made by an appeal decision.
    case ruled(RulingEntry)
    /// A supervisor approved or returned the ruling waiting for review.
    case rulingReviewed(rulingID: Int64, revision: Int, mediator: String, approved: Bool, comment: String?)
    /// An independent observer signed off on a platform-interest case.
    case observerSignedOff(observer: String, statement: String)
    /// A ruling in force created an obligation.
    case obligationCreated(ObligationEntry)
    /// An obligation was carried out (`late` when after its default).
    case obligationFulfilled(obligationID: Int64, label: LocalizedText, late: Bool, note: String?)
    /// An obligation's deadline passed unmet; the pack's consequence applies.
    case obligationDefaulted(
        obligationID: Int64, obligor: PartyRole, label: LocalizedText, due: Date, rulePack: String,
        consequence: LocalizedText?)
    /// A party appealed against the ruling in force.
    case appealFiled(
        appealID: Int64, rulingID: Int64, party: PartyRole, grounds: String, evidenceID: Int64?, move: StageMove)
    /// A supervisor decided an appeal.
    case appealDecided(
        appealID: Int64, party: PartyRole, rulingID: Int64, outcome: AppealOutcome, reasons: String,
        newRulingID: Int64?)
    /// The case's priority level changed.
    case priorityChanged(from: Int, to: Int)
    /// A manual flag was raised or lowered.
    case flagChanged(flag: CaseFlag, raised: Bool)
    /// A batch of synthetic cases was seeded, with a digest of its evidence hashes.
    case seeded(cases: ClosedRange<Int64>, evidence: ClosedRange<Int64>?, seed: UInt64, digest: String)
    /// A person was registered in a role.
    case staffAdded(name: String, role: StaffRole)
    /// A registered person's role changed.
    case staffRoleChanged(name: String, from: StaffRole, to: StaffRole)
    /// The rule pack for newly filed cases changed.
    case rulePackChosen(from: String, to: String)

    /// The event's kind, as stored beside its payload: the case's name ("taken", "ruled").
    public var kind: String {
        switch self {
        case .filed: "filed"
        case .taken: "taken"
        case .released: "released"
        case .stepped: "stepped"
        case .deadlineExpired: "deadline_expired"
        case .evidenceRequested: "evidence_requested"
        case .evidenceAdded: "evidence_added"
        case .issueAdded: "issue_added"
        case .evidenceLinked: "evidence_linked"
        case .findingRecorded: "finding_recorded"
        case .urged: "urged"
        case .noted: "noted"
        case .partyActed: "party_acted"
        case .ruled: "ruled"
        case .rulingReviewed: "ruling_reviewed"
        case .observerSignedOff: "observer_signed_off"
        case .obligationCreated: "obligation_created"
        case .obligationFulfilled: "obligation_fulfilled"
        case .obligationDefaulted: "obligation_defaulted"
        case .appealFiled: "appeal_filed"
        case .appealDecided: "appeal_decided"
        case .priorityChanged: "priority_changed"
        case .flagChanged: "flag_changed"
        case .seeded: "seeded"
        case .staffAdded: "staff_added"
        case .staffRoleChanged: "staff_role_changed"
        case .rulePackChosen: "rule_pack_chosen"
        }
    }

    /// The command name the audit log shows for it ("take", "merchant_agrees", "ruling").
    public var action: String {
        switch self {
        case .filed: "file"
        case .taken: "take"
        case .released: "release"
        case .stepped(let event, _, _), .deadlineExpired(let event, _, _, _, _): event.rawValue
        case .evidenceRequested: "request_evidence"
        case .evidenceAdded: "add_evidence"
        case .issueAdded: "add_issue"
        case .evidenceLinked: "link_evidence"
        case .findingRecorded: "finding"
        case .urged: "urge"
        case .noted: "note"
        case .partyActed(_, let action, _, _): action.rawValue
        case .ruled: "ruling"
        case .rulingReviewed(_, _, _, let approved, _): approved ? "review_approve" : "review_return"
        case .observerSignedOff: "observer_signoff"
        case .obligationCreated: "obligation"
        case .obligationFulfilled: "fulfil"
        case .obligationDefaulted: "obligation_default"
        case .appealFiled: LifecycleEvent.appealFiled.rawValue
        case .appealDecided: "appeal_decision"
        case .priorityChanged: "priority"
        case .flagChanged: "flag"
        case .seeded: "seed"
        case .staffAdded: "staff_add"
        case .staffRoleChanged: "staff_role"
        case .rulePackChosen: "set_rule_pack"
        }
    }

    /// The stage move the event made, if it moved the case.
    public var move: StageMove? {
        switch self {
        case .stepped(_, let move, _), .deadlineExpired(_, _, _, _, let move),
            .evidenceRequested(_, _, _, _, _, let move),
            .appealFiled(_, _, _, _, _, let move):
            move
        default: nil
        }
    }
}

/// The stages a step moved a case between, and the clock it left running (or paused).
public struct StageMove: Hashable, Codable, Sendable {
    /// The stage left.
    public var from: Stage
    /// The stage reached.
    public var to: Stage
    /// The new stage's deadline, if a clock runs.
    public var deadline: Date?
    /// Seconds left on a paused clock (a suspension).
    public var pausedRemaining: Int64?

    /// Creates a move.
    public init(from: Stage, to: Stage, deadline: Date? = nil, pausedRemaining: Int64? = nil) {
        self.from = from
        self.to = to
        self.deadline = deadline
        self.pausedRemaining = pausedRemaining
    }

    /// The move between a case before and after a step.
    public init(from current: Case, to updated: Case) {
        self.init(
            from: current.stage, to: updated.stage, deadline: updated.stageDeadline?.wholeSeconds,
            pausedRemaining: updated.pausedRemaining)
    }
}

/// What a lifecycle step's record says beside the move.
public enum StepNote: Hashable, Codable, Sendable {
    /// A party's own words, entered or imported on their behalf.
    case partySays(party: PartyRole, text: String)
    /// The step that put a ruling in force.
    case rulingInForce(rulingID: Int64)
}

/// A ruling revision as its audit record fixes it: the whole terms and their SHA-256.
public struct RulingEntry: Hashable, Codable, Sendable {
    /// The ruling's number.
    public var rulingID: Int64
    /// Its revision on the case (1, 2…).
    public var revision: Int
    /// Who wrote it.
    public var mediator: String
    /// The terms.
    public var terms: RulingDraft
    /// The side it favours.
    public var favours: Favours
    /// SHA-256 of the terms' canonical JSON.
    public var sha256: String
    /// Why it waits for a supervisor, in words, if it does.
    public var reviewReason: String?
    /// Which review rule sent it there (nil for an example case's own words).
    public var review: ReviewReason?
    /// The appeal it decides, for a ruling made by an appeal decision.
    public var appealID: Int64?

    /// Creates an entry.
    public init(
        rulingID: Int64, revision: Int, mediator: String, terms: RulingDraft, favours: Favours, sha256: String,
        reviewReason: String? = nil, review: ReviewReason? = nil, appealID: Int64? = nil
    ) {
        self.review = review
        self.rulingID = rulingID
        self.revision = revision
        self.mediator = mediator
        self.terms = terms
        self.favours = favours
        self.sha256 = sha256
        self.reviewReason = reviewReason
        self.appealID = appealID
    }
}

/// An obligation as its audit record fixes it.
public struct ObligationEntry: Hashable, Codable, Sendable {
    /// The obligation's number.
    public var obligationID: Int64
    /// The ruling that created it.
    public var rulingID: Int64
    /// Who owes it.
    public var obligor: PartyRole
    /// What is owed: a remedy id, or returning the goods.
    public var task: String
    /// The money owed, if any.
    public var amount: Money?
    /// When it falls due.
    public var due: Date

    /// The entry for a stored obligation.
    public init(_ obligation: Obligation) {
        self.obligationID = obligation.id
        self.rulingID = obligation.rulingID
        self.obligor = obligation.obligor
        self.task = obligation.task
        self.amount = obligation.amount
        self.due = obligation.dueAt.wholeSeconds
    }
}
