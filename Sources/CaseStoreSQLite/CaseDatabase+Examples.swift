import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    /// Loads the example cases if the database holds no case yet; returns how many were loaded.
    ///
    /// One transaction: either every example, its staff and its audit records arrive, or none do.
    @discardableResult
    public func loadExamplesIfEmpty(now: Date, actor: String = "system") throws -> Int {
        let file: Examples.File
        do {
            file = try Examples.load()
        } catch let error as ExampleFileError {
            throw StoreError.examplesUnreadable(reason: error.reason)
        }
        let examples = file.cases
        return try writer.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") == 0 else { return 0 }
            // The example cases' mediators and a supervisor and trainer, to try roles with --as.
            for member in file.staff where try Self.staffMember(db, member.name) == nil {
                try Self.insertStaff(db, member, by: actor, at: now)
            }
            for example in examples { try Self.insertExample(example, now: now, actor: actor, db) }
            return examples.count
        }
    }
}

extension CaseDatabase {
    /// Files one example case as it stands `now`: the case, its evidence and what was decided on it.
    @discardableResult
    static func insertExample(_ example: Examples.ExampleCase, now: Date, actor: String, _ db: Database) throws -> Int64
    {
        func ago(_ hours: Double) -> Date { now.addingTimeInterval(-hours * 3600) }
        let filed = ago(example.filedHoursAgo)
        let stored = try Self.insertCase(
            db,
            Case(
                id: 0, title: example.title, narrative: example.narrative, category: example.category,
                requestType: example.requestType, buyer: example.buyer, merchant: example.merchant,
                orderID: example.orderId, orderAmount: Money(fen: example.orderFen),
                claimAmount: Money(fen: example.claimFen), stage: example.stage,
                stageDeadline: example.deadlineInHours.map { now.addingTimeInterval($0 * 3600) },
                suspendedFrom: example.suspendedFrom, assignee: example.assignee, createdAt: filed,
                updatedAt: filed,
                flags: Set(example.flags ?? [])
                    .union(example.ruling?.status == .pendingReview ? [.reviewPending] : [])),
            actor: actor)
        var file = try Self.loadFile(db, stored, reading: Set(CaseFile.Part.allCases))
        var contents: [String: Data] = [:]
        var timeline: [Happening] = []
        for (index, item) in example.evidence.enumerated() {
            let content = Data(item.content.utf8)
            let hash = Hashing.sha256Hex(content)
            contents[hash] = content
            timeline.append(
                Happening(
                    at: ago(item.hoursAgo), actor: actor,
                    event: .evidenceAdded(
                        evidenceID: file.next.evidence + Int64(index), kind: item.kind, source: item.source,
                        description: item.description, sha256: hash)))
        }
        timeline += decisions(example, next: file.next, caseID: stored.id, now: now)
        // In the order they happened, so the chain and a replay read as the case's own story.
        for happening in timeline.enumerated().sorted(by: { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }) {
            try Self.record(
                happening.element.event, on: &file, db, by: happening.element.actor, at: happening.element.at,
                contents: contents)
        }
        return stored.id
    }

    /// One thing that happened to an example case, when and by whom.
    struct Happening {
        var at: Date
        var actor: String
        var event: CaseEvent
    }

    /// An example's points in dispute, sign-off, ruling, obligations and appeal as the events that
    /// made them, numbered from `next`. The case row was filed as the example stands now, so it is
    /// not rewritten from the events.
    static func decisions(_ example: Examples.ExampleCase, next: NextIDs, caseID: Int64, now: Date) -> [Happening] {
        func ago(_ hours: Double) -> Date { now.addingTimeInterval(-hours * 3600) }
        var timeline: [Happening] = []
        let mediator = example.ruling?.mediator ?? example.assignee ?? "system"
        var findings: [IssueFinding] = []
        for (index, issue) in (example.issues ?? []).enumerated() {
            let id = next.issue + Int64(index)
            let confirmed = issue.buyerConfirmedReceipt ?? false
            let burden = BurdenRules.burden(
                for: issue.kind, buyerConfirmedReceipt: confirmed, durableWithinSixMonths: false)
            timeline.append(
                Happening(
                    at: ago(issue.hoursAgo), actor: mediator,
                    event: .issueAdded(
                        issueID: id, kind: issue.kind, description: issue.description, burden: burden.party,
                        burdenReason: burden.reason, buyerConfirmedReceipt: confirmed, durableWithinSixMonths: false)))
            guard let finding = issue.finding else { continue }
            findings.append(IssueFinding(issueID: id, finding: finding, note: issue.findingNote ?? ""))
        }
        if let signoff = example.signoff {
            timeline.append(
                Happening(
                    at: ago(signoff.hoursAgo), actor: mediator,
                    event: .observerSignedOff(observer: signoff.observer, statement: signoff.statement)))
        }
        guard let written = example.ruling else { return timeline }
        let draft = RulingDraft(
            remedies: written.remedies.map {
                OrderedRemedy(remedy: $0.remedy, amount: $0.amountFen.map(Money.init(fen:)), formula: $0.formula)
            }, findings: findings, reasons: written.reasons, citations: written.citations, declaresNoConflict: true)
        let rulingID = next.ruling
        let ruled = ago(written.hoursAgo)
        timeline.append(
            Happening(
                at: ruled, actor: written.mediator,
                event: .ruled(
                    RulingEntry(
                        rulingID: rulingID, revision: 1, mediator: written.mediator, terms: draft,
                        favours: written.favours, sha256: "", reviewReason: written.reviewReason))))
        if let reviewer = written.reviewer, let hours = written.reviewedHoursAgo {
            timeline.append(
                Happening(
                    at: ago(hours), actor: reviewer,
                    event: .rulingReviewed(
                        rulingID: rulingID, revision: 1, mediator: written.mediator, approved: true, comment: nil)))
        }
        for (index, obligation) in written.obligations.enumerated() {
            let stored = Obligation(
                id: next.obligation + Int64(index), caseID: caseID, rulingID: rulingID, obligor: obligation.obligor,
                task: obligation.task, amount: obligation.amountFen.map(Money.init(fen:)),
                dueAt: now.addingTimeInterval(obligation.dueInHours * 3600).wholeSeconds)
            timeline.append(
                Happening(at: ruled, actor: written.mediator, event: .obligationCreated(ObligationEntry(stored))))
            guard obligation.status == .fulfilled else { continue }
            timeline.append(
                Happening(
                    at: max(ruled, min(now, stored.dueAt)), actor: written.mediator,
                    event: .obligationFulfilled(
                        obligationID: stored.id, label: stored.label(.empty), late: false, note: obligation.note)))
        }
        if let appeal = example.appeal {
            timeline.append(
                Happening(
                    at: ago(appeal.hoursAgo), actor: "system for the \(appeal.party.rawValue)",
                    event: .appealFiled(
                        appealID: next.appeal, rulingID: rulingID, party: appeal.party, grounds: appeal.grounds,
                        evidenceID: nil,
                        move: StageMove(
                            from: .appealWindow, to: .appealReview,
                            deadline: example.deadlineInHours.map { now.addingTimeInterval($0 * 3600).wholeSeconds }))))
        }
        return timeline
    }
}
