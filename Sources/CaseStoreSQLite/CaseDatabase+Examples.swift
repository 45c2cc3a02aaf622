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
        for item in example.evidence {
            let content = Data(item.content.utf8)
            let hash = Hashing.sha256Hex(content)
            try Self.record(
                .evidenceAdded(
                    evidenceID: file.next.evidence, kind: item.kind, source: item.source, description: item.description,
                    sha256: hash),
                on: &file, db, by: actor, at: ago(item.hoursAgo), contents: [hash: content])
        }
        try Self.loadDecisions(example, into: &file, now: now, db)
        return stored.id
    }
}

extension CaseDatabase {
    /// Records an example's points in dispute, sign-off, ruling, obligations and appeal as the
    /// events that made them, each at its own moment. The case row was filed as the example
    /// stands now, so it is not rewritten from the events.
    static func loadDecisions(_ example: Examples.ExampleCase, into file: inout CaseFile, now: Date, _ db: Database)
        throws
    {
        func ago(_ hours: Double) -> Date { now.addingTimeInterval(-hours * 3600) }
        func record(_ event: CaseEvent, by actor: String, at: Date) throws {
            try Self.record(event, on: &file, db, by: actor, at: at, contents: [:])
        }
        let mediator = example.ruling?.mediator ?? example.assignee ?? "system"
        var findings: [IssueFinding] = []
        for issue in example.issues ?? [] {
            let id = file.next.issue
            let confirmed = issue.buyerConfirmedReceipt ?? false
            let burden = BurdenRules.burden(
                for: issue.kind, buyerConfirmedReceipt: confirmed, durableWithinSixMonths: false)
            try record(
                .issueAdded(
                    issueID: id, kind: issue.kind, description: issue.description, burden: burden.party,
                    burdenReason: burden.reason, buyerConfirmedReceipt: confirmed, durableWithinSixMonths: false),
                by: mediator, at: ago(issue.hoursAgo))
            guard let finding = issue.finding else { continue }
            findings.append(IssueFinding(issueID: id, finding: finding, note: issue.findingNote ?? ""))
        }
        if let signoff = example.signoff {
            try record(
                .observerSignedOff(observer: signoff.observer, statement: signoff.statement), by: mediator,
                at: ago(signoff.hoursAgo))
        }
        guard let written = example.ruling else { return }
        let draft = RulingDraft(
            remedies: written.remedies.map {
                OrderedRemedy(remedy: $0.remedy, amount: $0.amountFen.map(Money.init(fen:)), formula: $0.formula)
            }, findings: findings, reasons: written.reasons, citations: written.citations, declaresNoConflict: true)
        let rulingID = file.next.ruling
        try record(
            .ruled(
                RulingEntry(
                    rulingID: rulingID, revision: 1, mediator: written.mediator, terms: draft, favours: written.favours,
                    sha256: "", reviewReason: written.reviewReason)),
            by: written.mediator, at: ago(written.hoursAgo))
        if let reviewer = written.reviewer, let hours = written.reviewedHoursAgo {
            try record(
                .rulingReviewed(
                    rulingID: rulingID, revision: 1, mediator: written.mediator, approved: true, comment: nil),
                by: reviewer, at: ago(hours))
        }
        for obligation in written.obligations {
            let entry = ObligationEntry(
                Obligation(
                    id: file.next.obligation, caseID: file.item.id, rulingID: rulingID, obligor: obligation.obligor,
                    task: obligation.task, amount: obligation.amountFen.map(Money.init(fen:)),
                    dueAt: now.addingTimeInterval(obligation.dueInHours * 3600)))
            try record(.obligationCreated(entry), by: written.mediator, at: ago(written.hoursAgo))
            guard obligation.status == .fulfilled,
                let stored = file.decisions.obligations.first(where: { $0.id == entry.obligationID })
            else { continue }
            try record(
                .obligationFulfilled(
                    obligationID: stored.id, label: stored.label(.empty), late: false, note: obligation.note),
                by: written.mediator, at: min(now, stored.dueAt))
        }
        if let appeal = example.appeal {
            try record(
                .appealFiled(
                    appealID: file.next.appeal, rulingID: rulingID, party: appeal.party, grounds: appeal.grounds,
                    evidenceID: nil, move: StageMove(from: .appealWindow, to: .appealReview)),
                by: "system for the \(appeal.party.rawValue)", at: ago(appeal.hoursAgo))
        }
    }
}
