import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation

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
