import CaseModel
import Foundation

/// A ruling revision as `case show --json` prints it.
public struct RulingJSON: Encodable, Sendable {
    var id: Int64, revision: Int, mediator: String, status: String, favours: String
    var remedies: [RemedyJSON], findings: [FindingJSON], reasons: String, citations: [String]
    var declaresNoConflict: Bool, totalFen: Int64
    @Null var reviewReason: String?
    @Null var reviewer: String?
    @Null var reviewComment: String?
    @Null var reviewedAt: Date?
    @Null var appealID: Int64?
    var createdAt: Date

    /// One ordered remedy; absent details are left out.
    struct RemedyJSON: Encodable, Sendable {
        var remedy: String, amountFen: Int64?, formula: String?, overrideReason: String?
        enum CodingKeys: String, CodingKey {
            case remedy
            case amountFen = "amount_fen"
            case formula
            case overrideReason = "override_reason"
        }
    }

    /// The finding on one point in dispute.
    struct FindingJSON: Encodable, Sendable {
        var issue: Int64, finding: String, note: String
    }

    /// The shape of a ruling.
    public init(_ r: Ruling) {
        id = r.id
        revision = r.revision
        mediator = r.mediator
        status = r.status.rawValue
        favours = r.favours.rawValue
        remedies = r.draft.remedies.map {
            RemedyJSON(
                remedy: $0.remedy, amountFen: $0.amount?.fen, formula: $0.formula, overrideReason: $0.overrideReason)
        }
        findings = r.draft.findings.map { FindingJSON(issue: $0.issueID, finding: $0.finding.rawValue, note: $0.note) }
        reasons = r.draft.reasons
        citations = r.draft.citations
        declaresNoConflict = r.draft.declaresNoConflict
        totalFen = r.draft.total.fen
        reviewReason = r.reviewReason
        reviewer = r.reviewer
        reviewComment = r.reviewComment
        reviewedAt = r.reviewedAt
        appealID = r.appealID
        createdAt = r.createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, revision, mediator, status, favours, remedies, findings, reasons, citations
        case declaresNoConflict = "declares_no_conflict"
        case totalFen = "total_fen"
        case reviewReason = "review_reason"
        case reviewer
        case reviewComment = "review_comment"
        case reviewedAt = "reviewed_at"
        case appealID = "appeal_id"
        case createdAt = "created_at"
    }
}

/// An obligation as `case show --json` prints it.
public struct ObligationJSON: Encodable, Sendable {
    var id: Int64, ruling: Int64, obligor: String, task: String
    @Null var amountFen: Int64?
    var dueAt: Date, status: String, overdue: Bool
    @Null var settledAt: Date?
    @Null var note: String?

    /// The shape of an obligation, overdue or not at `now`.
    public init(_ o: Obligation, now: Date) {
        id = o.id
        ruling = o.rulingID
        obligor = o.obligor.rawValue
        task = o.task
        amountFen = o.amount?.fen
        dueAt = o.dueAt
        status = o.status.rawValue
        overdue = o.isOverdue(at: now)
        settledAt = o.settledAt
        note = o.note
    }

    enum CodingKeys: String, CodingKey {
        case id, ruling, obligor, task
        case amountFen = "amount_fen"
        case dueAt = "due_at"
        case status, overdue
        case settledAt = "settled_at"
        case note
    }
}

/// An appeal as `case show --json` prints it.
public struct AppealJSON: Encodable, Sendable {
    var id: Int64, ruling: Int64, party: String, grounds: String, filedAt: Date
    @Null var evidence: Int64?
    @Null var outcome: String?
    @Null var decidedBy: String?
    @Null var reasons: String?
    @Null var decidedAt: Date?
    @Null var newRuling: Int64?

    /// The shape of an appeal.
    public init(_ a: Appeal) {
        id = a.id
        ruling = a.rulingID
        party = a.party.rawValue
        grounds = a.grounds
        filedAt = a.filedAt
        evidence = a.evidenceID
        outcome = a.outcome?.rawValue
        decidedBy = a.decidedBy
        reasons = a.reasons
        decidedAt = a.decidedAt
        newRuling = a.newRulingID
    }

    enum CodingKeys: String, CodingKey {
        case id, ruling, party, grounds
        case filedAt = "filed_at"
        case evidence, outcome
        case decidedBy = "decided_by"
        case reasons
        case decidedAt = "decided_at"
        case newRuling = "new_ruling"
    }
}

/// An observer's sign-off as `case show --json` prints it.
public struct SignoffJSON: Encodable, Sendable {
    var observer: String, statement: String, recordedBy: String, at: Date

    /// The shape of a sign-off.
    public init(_ s: ObserverSignoff) {
        observer = s.observer
        statement = s.statement
        recordedBy = s.recordedBy
        at = s.at
    }

    enum CodingKeys: String, CodingKey {
        case observer, statement
        case recordedBy = "recorded_by"
        case at
    }
}
