import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation

/// A ruling revision as `case show --json` prints it.
struct RulingJSON: Encodable {
    let id: Int64, revision: Int, mediator: String, status: String, favours: String
    let remedies: [RemedyJSON], findings: [FindingJSON], reasons: String, citations: [String]
    let declaresNoConflict: Bool, totalFen: Int64
    let reviewReason: String?, reviewer: String?, reviewComment: String?, reviewedAt: String?
    let appealID: Int64?, createdAt: String

    struct RemedyJSON: Encodable {
        let remedy: String, amountFen: Int64?, formula: String?, overrideReason: String?
        enum CodingKeys: String, CodingKey {
            case remedy
            case amountFen = "amount_fen"
            case formula
            case overrideReason = "override_reason"
        }
    }

    struct FindingJSON: Encodable {
        let issue: Int64, finding: String, note: String
    }

    init(_ r: Ruling) {
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
        reviewedAt = r.reviewedAt.map(ISO8601Time.string)
        appealID = r.appealID
        createdAt = ISO8601Time.string(r.createdAt)
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

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(revision, forKey: .revision)
        try c.encode(mediator, forKey: .mediator)
        try c.encode(status, forKey: .status)
        try c.encode(favours, forKey: .favours)
        try c.encode(remedies, forKey: .remedies)
        try c.encode(findings, forKey: .findings)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(citations, forKey: .citations)
        try c.encode(declaresNoConflict, forKey: .declaresNoConflict)
        try c.encode(totalFen, forKey: .totalFen)
        try c.encode(reviewReason, forKey: .reviewReason)
        try c.encode(reviewer, forKey: .reviewer)
        try c.encode(reviewComment, forKey: .reviewComment)
        try c.encode(reviewedAt, forKey: .reviewedAt)
        try c.encode(appealID, forKey: .appealID)
        try c.encode(createdAt, forKey: .createdAt)
    }
}

/// An obligation as `case show --json` prints it.
struct ObligationJSON: Encodable {
    let id: Int64, ruling: Int64, obligor: String, task: String, amountFen: Int64?, dueAt: String
    let status: String, overdue: Bool, settledAt: String?, note: String?

    init(_ o: Obligation, now: Date) {
        id = o.id
        ruling = o.rulingID
        obligor = o.obligor.rawValue
        task = o.task
        amountFen = o.amount?.fen
        dueAt = ISO8601Time.string(o.dueAt)
        status = o.status.rawValue
        overdue = o.isOverdue(at: now)
        settledAt = o.settledAt.map(ISO8601Time.string)
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

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(ruling, forKey: .ruling)
        try c.encode(obligor, forKey: .obligor)
        try c.encode(task, forKey: .task)
        try c.encode(amountFen, forKey: .amountFen)
        try c.encode(dueAt, forKey: .dueAt)
        try c.encode(status, forKey: .status)
        try c.encode(overdue, forKey: .overdue)
        try c.encode(settledAt, forKey: .settledAt)
        try c.encode(note, forKey: .note)
    }
}

/// An appeal as `case show --json` prints it.
struct AppealJSON: Encodable {
    let id: Int64, ruling: Int64, party: String, grounds: String, filedAt: String, evidence: Int64?
    let outcome: String?, decidedBy: String?, reasons: String?, decidedAt: String?, newRuling: Int64?

    init(_ a: Appeal) {
        id = a.id
        ruling = a.rulingID
        party = a.party.rawValue
        grounds = a.grounds
        filedAt = ISO8601Time.string(a.filedAt)
        evidence = a.evidenceID
        outcome = a.outcome?.rawValue
        decidedBy = a.decidedBy
        reasons = a.reasons
        decidedAt = a.decidedAt.map(ISO8601Time.string)
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

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(ruling, forKey: .ruling)
        try c.encode(party, forKey: .party)
        try c.encode(grounds, forKey: .grounds)
        try c.encode(filedAt, forKey: .filedAt)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(decidedBy, forKey: .decidedBy)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(decidedAt, forKey: .decidedAt)
        try c.encode(newRuling, forKey: .newRuling)
    }
}

/// An observer's sign-off as `case show --json` prints it.
struct SignoffJSON: Encodable {
    let observer: String, statement: String, recordedBy: String, at: String

    init(_ s: ObserverSignoff) {
        observer = s.observer
        statement = s.statement
        recordedBy = s.recordedBy
        at = ISO8601Time.string(s.at)
    }

    enum CodingKeys: String, CodingKey {
        case observer, statement
        case recordedBy = "recorded_by"
        case at
    }
}

/// The rulings, obligations and appeals of a case as `case show` prints them.
enum DecisionText {
    static func lines(_ d: CaseDecisions, now: Date) -> [String] {
        var lines: [String] = []
        if !d.signoffs.isEmpty {
            lines.append("")
            lines.append("Observer sign-offs (\(d.signoffs.count))")
            for s in d.signoffs {
                lines.append(
                    "  \(ISO8601Time.string(s.at)) \(s.observer) (recorded by \(s.recordedBy)): \(s.statement)")
            }
        }
        if !d.rulings.isEmpty {
            lines.append("")
            lines.append("Rulings (\(d.rulings.count))")
            for r in d.rulings {
                let remedies = r.draft.remedies.map { o in
                    o.remedy + (o.amount.map { " \($0.formatted)" } ?? "") + (o.formula.map { " (\($0))" } ?? "")
                }.joined(separator: " + ")
                lines.append(
                    "  #\(r.id) r\(r.revision) by \(r.mediator) · \(r.status.rawValue) · \(r.favours.rawValue) · \(remedies)"
                )
                lines.append("     reasons: \(r.draft.reasons)")
                lines.append("     cites: \(r.draft.citations.joined(separator: ", "))")
                if let reason = r.reviewReason { lines.append("     review: \(reason)") }
                if let reviewer = r.reviewer {
                    lines.append("     reviewed by \(reviewer)" + (r.reviewComment.map { ": \($0)" } ?? ""))
                }
            }
        }
        if !d.obligations.isEmpty {
            lines.append("")
            lines.append("Obligations (\(d.obligations.count))")
            for o in d.obligations {
                let overdue = o.isOverdue(at: now) ? " OVERDUE" : ""
                lines.append(
                    "  #\(o.id) \(o.obligor.rawValue) \(o.task)\(o.amount.map { " \($0.formatted)" } ?? "") · due \(ISO8601Time.string(o.dueAt)) · \(o.status.rawValue)\(overdue)"
                )
            }
        }
        if !d.appeals.isEmpty {
            lines.append("")
            lines.append("Appeals (\(d.appeals.count))")
            for a in d.appeals {
                let decision = a.outcome.map { "\($0.rawValue) by \(a.decidedBy ?? "?"): \(a.reasons ?? "")" } ?? "open"
                lines.append(
                    "  #\(a.id) by the \(a.party.rawValue) \(ISO8601Time.string(a.filedAt)): \(a.grounds) · \(decision)"
                )
            }
        }
        return lines
    }
}
