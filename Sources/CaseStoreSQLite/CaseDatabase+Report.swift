import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    /// The supervisors' dashboard at `now`, in one read transaction.
    ///
    /// Counting the backlog reads the stage index; the age buckets and per-mediator counts scan
    /// the open cases once; rulings, appeals and obligations are read whole (a few per decided case).
    public func dashboard(now: Date) throws -> Dashboard {
        try writer.read { db in
            var report = Dashboard(at: now)
            let terminal = Stage.allCases.filter(\.isTerminal).map { "'\($0.rawValue)'" }.joined(separator: ", ")
            for row in try Row.fetchAll(
                db, sql: "SELECT stage, count(*) FROM cases WHERE stage NOT IN (\(terminal)) GROUP BY stage")
            {
                let name: String = row[0]
                if let stage = Stage(rawValue: name) { report.backlogByStage[stage] = row[1] }
            }
            let seconds = Timestamp.seconds(now)
            let bounds = [24, 72, 168, 720].map { seconds - Int64($0) * 3600 }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT CASE WHEN created_at > ? THEN 0 WHEN created_at > ? THEN 1 WHEN created_at > ? THEN 2
                        WHEN created_at > ? THEN 3 ELSE 4 END AS bucket, count(*)
                    FROM cases WHERE stage NOT IN (\(terminal)) GROUP BY bucket
                    """, arguments: StatementArguments(bounds))
            {
                report.backlogByAge[row[0]] = row[1]
            }
            report.overdueNow =
                try Int.fetchOne(
                    db,
                    sql: "SELECT count(*) FROM cases WHERE stage_deadline <= ? AND stage NOT IN (\(terminal))",
                    arguments: [seconds]) ?? 0
            var lines: [String: Dashboard.MediatorLine] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT assignee, count(*) FROM cases
                    WHERE assignee IS NOT NULL AND stage NOT IN (\(terminal)) GROUP BY assignee
                    """)
            {
                let name: String = row[0]
                lines[name, default: Dashboard.MediatorLine(name: name)].open = row[1]
            }
            // Breaches: every default outcome and obligation default the sweeper applied in the last 7 days.
            for row in try Row.fetchAll(
                db, sql: "SELECT at FROM audit WHERE at > ? AND actor = 'sweeper'",
                arguments: [seconds - 7 * 86_400])
            {
                if let day = Dashboard.dayIndex(of: Timestamp.date(row[0]), now: now, days: 7) {
                    report.breachesByDay[day] += 1
                }
            }
            // Rulings: the first per case times the decision; the one in force gives the outcome.
            var firstRuling: [Int64: (at: Int64, filed: Int64)] = [:]
            var overturnedRulings: Set<Int64> = []
            var appealedRulings: Set<Int64> = []
            for row in try Row.fetchAll(db, sql: "SELECT ruling_id, outcome FROM appeals") {
                appealedRulings.insert(row[0])
                if (row[1] as String?) == AppealOutcome.overturn.rawValue { overturnedRulings.insert(row[0]) }
            }
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, r.case_id, r.mediator, r.favours, r.status, r.created_at, c.created_at, r.appeal_id
                    FROM rulings r JOIN cases c ON c.id = r.case_id ORDER BY r.id
                    """)
            {
                let id: Int64 = row[0]
                let caseID: Int64 = row[1]
                let mediator: String = row[2]
                let status: String = row[4]
                let created: Int64 = row[5]
                let filed: Int64 = row[6]
                let fromAppeal = (row[7] as Int64?) != nil
                if status == RulingStatus.pendingReview.rawValue { report.pendingReview += 1 }
                // A ruling took effect if it is in force, or was in force until an appeal replaced it.
                let tookEffect = status == RulingStatus.final.rawValue || appealedRulings.contains(id)
                if tookEffect && firstRuling[caseID] == nil && !fromAppeal {
                    firstRuling[caseID] = (created, filed)
                }
                if tookEffect, !fromAppeal,
                    let day = Dashboard.dayIndex(of: Timestamp.date(created), now: now, days: 14)
                {
                    report.decisionsByDay[day] += 1
                }
                if tookEffect && !fromAppeal {
                    var line = lines[mediator, default: Dashboard.MediatorLine(name: mediator)]
                    line.decided += 1
                    if overturnedRulings.contains(id) { line.overturned += 1 }
                    lines[mediator] = line
                }
                guard status == RulingStatus.final.rawValue,
                    let favours = Favours(rawValue: row[3])
                else { continue }
                report.outcomes[favours, default: 0] += 1
                report.decidedCases += 1
                if !fromAppeal {
                    switch favours {
                    case .buyer: lines[mediator]?.buyer += 1
                    case .merchant: lines[mediator]?.merchant += 1
                    case .split: lines[mediator]?.split += 1
                    }
                }
            }
            report.medianHoursToDecision = Dashboard.median(
                firstRuling.values.map { Double($0.at - $0.filed) / 3600 })
            report.appeals = try Int.fetchOne(db, sql: "SELECT count(*) FROM appeals") ?? 0
            for row in try Row.fetchAll(
                db, sql: "SELECT outcome, count(*) FROM appeals WHERE outcome IS NOT NULL GROUP BY outcome")
            {
                if let outcome = AppealOutcome(rawValue: row[0]) { report.appealOutcomes[outcome] = row[1] }
            }
            report.obligationsDefaulted =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM obligations WHERE status = 'defaulted'") ?? 0
            report.mediators = lines.values.sorted { $0.name < $1.name }
            return report
        }
    }
}
