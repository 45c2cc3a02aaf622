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
        if try writer.read({ db in try Int.fetchOne(db, sql: "SELECT count(*) > 0 FROM cases") == 1 }) { return 0 }
        return try writer.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") == 0 else { return 0 }
            // The example cases' mediators and a supervisor and trainer, to try roles with --as.
            for member in file.staff where try Self.staffMember(db, member.name) == nil {
                try Self.insertStaff(db, member, by: actor, at: now)
            }
            for example in examples { try Self.file(example, now: now, actor: actor, db) }
            return examples.count
        }
    }
}

extension CaseDatabase {
    /// Files a case document as it stands `now`: the case (with its own number if it gives one),
    /// its evidence, and what was decided on it, as the events that made them, in the order they
    /// happened, so the chain and a replay read as the case's own story. Examples, scenarios and
    /// imported lines all come through here; `rules`, when given, must know the document's pack.
    @discardableResult
    static func file(
        _ document: CaseDocument, now: Date, actor: String, rules: RulePackCatalog? = nil, _ db: Database
    ) throws -> Int64 {
        let filing = try document.validated(now: now)
        if let rules, filing.namesRulePack, rules.pack(filing.item.rulePack) == nil {
            throw ImportError.Reason("rule pack '\(filing.item.rulePack)' is not one this CaseDesk has")
        }
        if let signoff = document.signoff, try Self.staffMember(db, signoff.observer)?.role != .observer {
            throw ImportError.Reason(
                "signoff.observer '\(signoff.observer)' is not registered as an observer "
                    + "(casedesk staff add NAME --role observer)")
        }
        if filing.item.id != 0, try fetchCase(db, id: filing.item.id) != nil {
            throw ImportError.Reason("case #\(filing.item.id) already exists")
        }
        // The pack's rules may make it a case of platform interest from the start, saying why.
        var item = filing.item
        if item.rulePack.isEmpty { item.rulePack = try currentRulePack(db) }
        let interest = rules?.pack(item.rulePack).flatMap {
            $0.platformInterest.reason(merchant: item.merchant.account, pack: item.rulePack)
        }
        if interest != nil { item.flags.insert(.platformInterest) }
        let stored = try Self.insertCase(db, item, actor: actor)
        // A case just filed has nothing yet: only the next free numbers are read.
        var file = CaseFile(item: stored)
        file.next = try Self.nextIDs(db)
        var contents: [String: Data] = [:]
        var timeline: [Happening] = []
        if let interest {
            timeline.append(Happening(at: stored.createdAt, actor: "system", event: .noted(text: interest.en)))
        }
        for (index, item) in filing.evidence.enumerated() {
            let hash = Hashing.sha256Hex(item.content)
            contents[hash] = item.content
            timeline.append(
                Happening(
                    at: item.at, actor: actor,
                    event: .evidenceAdded(
                        evidenceID: file.next.evidence + Int64(index), kind: item.kind, source: item.source,
                        description: item.description, sha256: hash)))
        }
        timeline += decisions(filing, next: file.next, caseID: stored.id)
        for happening in timeline.enumerated().sorted(by: { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }) {
            try Self.record(
                happening.element.event, on: &file, db, by: happening.element.actor, at: happening.element.at,
                contents: contents)
        }
        return stored.id
    }

    /// One thing that happened to a filed case, when and by whom.
    struct Happening {
        var at: Date
        var actor: String
        var event: CaseEvent
    }

    /// A document's points in dispute, sign-off, ruling, obligations and appeal as the events that
    /// made them, numbered from `next`. The case row was filed as the document stands now, so it is
    /// not rewritten from the events.
    static func decisions(_ filing: CaseDocument.Filing, next: NextIDs, caseID: Int64) -> [Happening] {
        let document = filing.document
        func time(_ written: FileTime) -> Date { written.resolved(now: filing.now) }
        var timeline: [Happening] = []
        let mediator = document.ruling?.mediator ?? document.assignee ?? "system"
        var findings: [IssueFinding] = []
        for (index, issue) in (document.issues ?? []).enumerated() {
            let id = next.issue + Int64(index)
            let confirmed = issue.buyerConfirmedReceipt ?? false
            let burden = BurdenRules.burden(
                for: issue.kind, buyerConfirmedReceipt: confirmed, durableWithinSixMonths: false)
            timeline.append(
                Happening(
                    at: time(issue.at), actor: mediator,
                    event: .issueAdded(
                        issueID: id, kind: issue.kind, description: issue.description, burden: burden.party,
                        burdenReason: burden.reason, buyerConfirmedReceipt: confirmed, durableWithinSixMonths: false)))
            guard let finding = issue.finding else { continue }
            findings.append(IssueFinding(issueID: id, finding: finding, note: issue.findingNote ?? ""))
        }
        if let signoff = document.signoff {
            timeline.append(
                Happening(
                    at: time(signoff.at), actor: mediator,
                    event: .observerSignedOff(observer: signoff.observer, statement: signoff.statement)))
        }
        guard let written = document.ruling else { return timeline }
        let draft = RulingDraft(
            remedies: written.remedies.map {
                OrderedRemedy(remedy: $0.remedy, amount: $0.amountFen.map(Money.init(fen:)), formula: $0.formula)
            }, findings: findings, reasons: written.reasons, citations: written.citations, declaresNoConflict: true)
        let rulingID = next.ruling
        let ruled = time(written.at)
        timeline.append(
            Happening(
                at: ruled, actor: written.mediator,
                event: .ruled(
                    RulingEntry(
                        rulingID: rulingID, revision: 1, mediator: written.mediator, terms: draft,
                        favours: written.favours, sha256: "", reviewReason: written.reviewReason))))
        if let reviewer = written.reviewer, let reviewed = written.reviewedAt {
            timeline.append(
                Happening(
                    at: time(reviewed), actor: reviewer,
                    event: .rulingReviewed(
                        rulingID: rulingID, revision: 1, mediator: written.mediator, approved: true, comment: nil)))
        }
        for (index, obligation) in written.obligations.enumerated() {
            let stored = Obligation(
                id: next.obligation + Int64(index), caseID: caseID, rulingID: rulingID, obligor: obligation.obligor,
                task: obligation.task, amount: obligation.amountFen.map(Money.init(fen:)),
                dueAt: time(obligation.dueAt).wholeSeconds)
            timeline.append(
                Happening(at: ruled, actor: written.mediator, event: .obligationCreated(ObligationEntry(stored))))
            guard obligation.status == .fulfilled else { continue }
            timeline.append(
                Happening(
                    at: max(ruled, min(filing.now, stored.dueAt)), actor: written.mediator,
                    event: .obligationFulfilled(
                        obligationID: stored.id, label: stored.label(.empty), late: false, note: obligation.note)))
        }
        if let appeal = document.appeal {
            timeline.append(
                Happening(
                    at: time(appeal.at), actor: "system for the \(appeal.party.rawValue)",
                    event: .appealFiled(
                        appealID: next.appeal, rulingID: rulingID, party: appeal.party, grounds: appeal.grounds,
                        evidenceID: nil,
                        move: StageMove(
                            from: .appealWindow, to: .appealReview,
                            deadline: filing.item.stageDeadline?.wholeSeconds))))
        }
        return timeline
    }
}
