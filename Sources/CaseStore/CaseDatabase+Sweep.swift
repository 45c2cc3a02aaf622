import CaseModel
import Foundation
import GRDB

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
}

/// What one sweep did, and what it could not do.
public struct SweepReport: Sendable {
    /// Default outcomes applied, in order.
    public var applied: [SweepAction] = []
    /// Obligations found in default, by number.
    public var defaulted: [Int64] = []
    /// Cases skipped, with the reason (an unknown rule pack, a concurrent change).
    public var problems: [(caseID: Int64, message: String)] = []
}

extension CaseDatabase {
    /// Applies every expired deadline's default outcome exactly once, each in its own transaction.
    ///
    /// A case whose new stage has also expired by `now` moves on in the same sweep
    /// (the new clock starts when the old one ran out). Running the sweep again at the
    /// same `now` changes nothing. Stages whose pack gives no default outcome stay overdue.
    public func sweep(now: Date, rules: RulePackCatalog, actor: String = "sweeper") throws -> SweepReport {
        var report = SweepReport()
        var failed: Set<Int64> = []
        try sweepObligations(now: now, rules: rules, actor: actor, into: &report)
        for _ in 0..<32 {
            let candidates = try writer.read { db in
                try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT id FROM cases WHERE stage_deadline IS NOT NULL AND stage_deadline <= ?
                        ORDER BY stage_deadline, id
                        """,
                    arguments: [Timestamp.seconds(now)])
            }
            var progressed = false
            for id in candidates where !failed.contains(id) {
                do {
                    if let action = try sweepOne(id, now: now, rules: rules, actor: actor) {
                        report.applied.append(action)
                        progressed = true
                    }
                } catch let error as any ExplainedError {
                    failed.insert(id)
                    report.problems.append((id, error.message.en))
                }
            }
            if !progressed { break }
        }
        return report
    }

    /// Marks every obligation past its deadline as defaulted, once, flagging its case and recording
    /// the pack's consequence. Runs before the stage clocks, so execution never ends with one still open.
    private func sweepObligations(now: Date, rules: RulePackCatalog, actor: String, into report: inout SweepReport)
        throws
    {
        let due = try writer.read { db in
            try Int64.fetchAll(
                db, sql: "SELECT id FROM obligations WHERE status = 'open' AND due_at <= ? ORDER BY due_at, id",
                arguments: [Timestamp.seconds(now)])
        }
        for id in due {
            var caseOf: Int64 = 0
            do {
                let done = try writer.write { db -> Bool in
                    guard
                        let row = try Row.fetchOne(
                            db, sql: "SELECT case_id FROM obligations WHERE id = ? AND status = 'open' AND due_at <= ?",
                            arguments: [id, Timestamp.seconds(now)])
                    else { return false }
                    let caseID: Int64 = row[0]
                    caseOf = caseID
                    guard let obligation = try Self.obligations(db, caseID: caseID).first(where: { $0.id == id }) else {
                        return false
                    }
                    let item = try Self.current(db, caseID, nil)
                    let pack = try Self.pack(for: item, rules)
                    try db.execute(
                        sql: "UPDATE obligations SET status = 'defaulted', settled_at = ? WHERE id = ?",
                        arguments: [Timestamp.seconds(obligation.dueAt), id])
                    try Self.changeFlags(db, caseID: caseID, add: [.obligationOverdue], at: now)
                    try Self.appendEvent(
                        db,
                        .obligationDefaulted(
                            obligationID: id, obligor: obligation.obligor, label: obligation.label(rules.catalogue),
                            due: obligation.dueAt, rulePack: pack.reference,
                            consequence: pack.obligations.onDefault[obligation.obligor]),
                        at: now, actor: actor, caseID: caseID)
                    return true
                }
                if done { report.defaulted.append(id) }
            } catch let error as any ExplainedError {
                report.problems.append((caseOf, "obligation #\(id): \(error.message.en)"))
            }
        }
    }

    /// Expires one case if it is still expired when its transaction starts.
    private func sweepOne(_ id: Int64, now: Date, rules: RulePackCatalog, actor: String) throws -> SweepAction? {
        try writer.write { db -> SweepAction? in
            guard let current = try Self.fetchCase(db, id: id), let deadline = current.stageDeadline,
                deadline <= now, current.stage.isOpen
            else { return nil }
            guard let pack = rules.pack(current.rulePack) else {
                throw CaseError.unknownRulePack(caseID: id, reference: current.rulePack)
            }
            guard let rule = current.expiryRule(in: pack), let event = rule.onExpiry else { return nil }
            let updated: Case
            switch current.applying(event, by: .sweeper, at: now, pack: pack, clockStart: deadline) {
            case .success(let next): updated = next
            case .failure(let error): throw CaseError.lifecycle(error)
            }
            try Self.update(db, from: current, to: updated)
            let ruleName = "\(pack.reference) \(current.stage.rawValue).on_expiry"
            try Self.appendEvent(
                db,
                .deadlineExpired(
                    event: event, rule: ruleName, deadline: deadline, outcome: rule.outcome,
                    move: StageMove(from: current, to: updated)),
                at: now, actor: actor, caseID: id)
            return SweepAction(
                caseID: id, event: event, from: current.stage, to: updated.stage, expiredAt: deadline, rule: ruleName)
        }
    }
}
