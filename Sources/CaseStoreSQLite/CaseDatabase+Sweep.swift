import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

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
        // Only a stage whose clock does something on expiry in some pack is read (an overdue case
        // in any other stage is only shown overdue), seeking the (stage, deadline) index; a case
        // under a pack this CaseDesk does not know stays a candidate, so the sweep reports it.
        let packs = rules.packs.values
        let expiring = Set(
            packs.flatMap { pack in
                pack.stages.values.filter { $0.onExpiry != nil }.map { "\(pack.reference) \($0.stage.rawValue)" }
            })
        let stages = Array(Set(packs.flatMap { $0.stages.values.filter { $0.onExpiry != nil }.map(\.stage.rawValue) }))
        let known = Set(packs.map(\.reference))
        let marks = Array(repeating: "?", count: max(1, stages.count)).joined(separator: ", ")
        let sql = """
            SELECT id, rule_pack, stage FROM cases INDEXED BY cases_expiring
            WHERE stage IN (\(marks)) AND stage_deadline IS NOT NULL AND stage_deadline <= ?
            ORDER BY stage_deadline, id
            """
        var values: [(any DatabaseValueConvertible)?] = stages.isEmpty ? [""] : stages
        values.append(Timestamp.seconds(now))
        let arguments = StatementArguments(values)
        for _ in 0..<32 {
            let candidates = try writer.read { db in
                try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row -> Int64? in
                    let pack: String = row[1]
                    let stage: String = row[2]
                    return expiring.contains("\(pack) \(stage)") || !known.contains(pack) ? row[0] : nil
                }
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
                        let caseID = try Int64.fetchOne(
                            db, sql: "SELECT case_id FROM obligations WHERE id = ? AND status = 'open' AND due_at <= ?",
                            arguments: [id, Timestamp.seconds(now)])
                    else { return false }
                    caseOf = caseID
                    let commit = try Self.perform(
                        db, .defaultObligation(id), on: caseID, by: .system(actor), expectedVersion: nil, at: now,
                        rules: rules)
                    return !commit.events.isEmpty
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
            guard try Self.fetchCase(db, id: id) != nil else { return nil }
            let commit = try Self.perform(
                db, .expire, on: id, by: .system(actor), expectedVersion: nil, at: now, rules: rules)
            guard case .deadlineExpired(let event, let rule, let deadline, _, let move) = commit.events.first else {
                return nil
            }
            return SweepAction(
                caseID: id, event: event, from: move.from, to: move.to, expiredAt: deadline, rule: rule)
        }
    }
}
