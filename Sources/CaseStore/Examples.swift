import CaseModel
import Foundation
import GRDB

/// The hand-written example cases shipped with CaseDesk, loaded into a new database.
///
/// Times in the file are offsets from the moment of loading, so the examples always
/// show live countdowns, and a pinned `now` gives a reproducible database.
public enum Examples {
    struct File: Decodable {
        var staff: [StaffMember]
        var cases: [ExampleCase]
    }

    struct ExampleCase: Decodable {
        var title: String
        var narrative: String
        var category: CaseModel.Category
        var requestType: RequestType
        var buyer: Party
        var merchant: Party
        var orderId: String
        var orderFen: Int64
        var claimFen: Int64
        var stage: Stage
        var suspendedFrom: Stage?
        var filedHoursAgo: Double
        var deadlineInHours: Double?
        var assignee: String?
        var evidence: [ExampleEvidence]
        var flags: [CaseFlag]?
        var issues: [ExampleIssue]?
        var signoff: ExampleSignoff?
        var ruling: ExampleRuling?
        var appeal: ExampleAppeal?
    }

    struct ExampleIssue: Decodable {
        var kind: IssueKind
        var description: String
        var buyerConfirmedReceipt: Bool?
        var finding: Finding?
        var findingNote: String?
        var hoursAgo: Double
    }

    struct ExampleSignoff: Decodable {
        var observer: String
        var statement: String
        var hoursAgo: Double
    }

    /// A decided example: the ruling as written, with its obligations spelled out.
    struct ExampleRuling: Decodable {
        var mediator: String
        var hoursAgo: Double
        var remedies: [ExampleRemedy]
        var favours: Favours
        var reasons: String
        var citations: [String]
        var status: RulingStatus
        var reviewReason: String?
        var reviewer: String?
        var reviewedHoursAgo: Double?
        var obligations: [ExampleObligation]
    }

    struct ExampleRemedy: Decodable {
        var remedy: String
        var amountFen: Int64?
        var formula: String?
    }

    struct ExampleObligation: Decodable {
        var obligor: PartyRole
        var task: String
        var amountFen: Int64?
        var dueInHours: Double
        var status: ObligationStatus
        var note: String?
    }

    struct ExampleAppeal: Decodable {
        var party: PartyRole
        var grounds: String
        var hoursAgo: Double
    }

    struct ExampleEvidence: Decodable {
        var kind: EvidenceKind
        var source: EvidenceSource
        var description: String
        var content: String
        var hoursAgo: Double
    }

    /// The example file's staff and cases.
    static func load() throws -> File {
        guard let url = Bundle.module.url(forResource: "examples", withExtension: "json") else {
            throw StoreError.examplesUnreadable(reason: "examples.json is missing from the CaseStore bundle")
        }
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(File.self, from: Data(contentsOf: url))
        } catch {
            throw StoreError.examplesUnreadable(reason: "\(error)")
        }
    }
}

extension CaseDatabase {
    /// Loads the example cases if the database holds no case yet; returns how many were loaded.
    ///
    /// One transaction: either every example, its staff and its audit records arrive, or none do.
    @discardableResult
    public func loadExamplesIfEmpty(now: Date, actor: String = "system") throws -> Int {
        let file = try Examples.load()
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
        for item in example.evidence {
            try Self.addEvidence(
                db, caseID: stored.id, kind: item.kind, source: item.source, description: item.description,
                content: Data(item.content.utf8), at: ago(item.hoursAgo), actor: actor)
        }
        try Self.loadDecisions(example, caseID: stored.id, now: now, db)
        return stored.id
    }
}

extension CaseDatabase {
    /// Writes an example's points in dispute, sign-off, ruling, obligations and appeal, each with its audit record.
    static func loadDecisions(_ example: Examples.ExampleCase, caseID: Int64, now: Date, _ db: Database) throws {
        func ago(_ hours: Double) -> Date { now.addingTimeInterval(-hours * 3600) }
        let mediator = example.ruling?.mediator ?? example.assignee ?? "system"
        var findings: [IssueFinding] = []
        for issue in example.issues ?? [] {
            let stored = try insertIssue(
                db, caseID: caseID, kind: issue.kind, description: issue.description,
                buyerConfirmedReceipt: issue.buyerConfirmedReceipt ?? false, durableWithinSixMonths: false,
                actor: mediator, at: ago(issue.hoursAgo))
            guard let finding = issue.finding else { continue }
            findings.append(IssueFinding(issueID: stored.id, finding: finding, note: issue.findingNote ?? ""))
        }
        if let signoff = example.signoff {
            try db.execute(
                sql:
                    "INSERT INTO observer_signoffs (case_id, observer, statement, recorded_by, at) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    caseID, signoff.observer, signoff.statement, mediator, Timestamp.seconds(ago(signoff.hoursAgo)),
                ])
            try appendEvent(
                db, .observerSignedOff(observer: signoff.observer, statement: signoff.statement),
                at: ago(signoff.hoursAgo), actor: mediator, caseID: caseID)
        }
        guard let written = example.ruling else { return }
        let draft = RulingDraft(
            remedies: written.remedies.map {
                OrderedRemedy(remedy: $0.remedy, amount: $0.amountFen.map(Money.init(fen:)), formula: $0.formula)
            }, findings: findings, reasons: written.reasons, citations: written.citations, declaresNoConflict: true)
        var ruling = Ruling(
            id: 0, caseID: caseID, revision: 1, mediator: written.mediator, draft: draft, favours: written.favours,
            status: written.status, reviewReason: written.reviewReason, createdAt: ago(written.hoursAgo))
        ruling.id = try insertRuling(db, ruling)
        try recordFindings(db, findings)
        try appendEvent(db, .ruled(try entry(ruling)), at: ruling.createdAt, actor: written.mediator, caseID: caseID)
        if let reviewer = written.reviewer, let hours = written.reviewedHoursAgo {
            try db.execute(
                sql: "UPDATE rulings SET reviewer = ?, reviewed_at = ? WHERE id = ?",
                arguments: [reviewer, Timestamp.seconds(ago(hours)), ruling.id])
            try appendEvent(
                db,
                .rulingReviewed(
                    rulingID: ruling.id, revision: 1, mediator: written.mediator, approved: true, comment: nil),
                at: ago(hours), actor: reviewer, caseID: caseID)
        }
        let staff = StaffMember(name: written.mediator, role: .mediator)
        for obligation in written.obligations {
            let stored = try insertObligations(
                db,
                [
                    Obligation(
                        caseID: caseID, rulingID: ruling.id, obligor: obligation.obligor, task: obligation.task,
                        amount: obligation.amountFen.map(Money.init(fen:)),
                        dueAt: now.addingTimeInterval(obligation.dueInHours * 3600))
                ], caseID: caseID, by: staff, at: ruling.createdAt, stretchClock: false)
            guard obligation.status == .fulfilled, let id = stored.first?.id else { continue }
            let at = min(now, stored[0].dueAt)
            try db.execute(
                sql: "UPDATE obligations SET status = 'fulfilled', settled_at = ?, note = ? WHERE id = ?",
                arguments: [Timestamp.seconds(at), obligation.note, id])
            try appendEvent(
                db,
                .obligationFulfilled(
                    obligationID: id, label: stored[0].label(.empty), late: false, note: obligation.note),
                at: at, actor: written.mediator, caseID: caseID)
        }
        if let appeal = example.appeal {
            try db.execute(
                sql: "INSERT INTO appeals (case_id, ruling_id, party, grounds, filed_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [
                    caseID, ruling.id, appeal.party.rawValue, appeal.grounds, Timestamp.seconds(ago(appeal.hoursAgo)),
                ])
            try appendEvent(
                db,
                .appealFiled(
                    appealID: db.lastInsertedRowID, rulingID: ruling.id, party: appeal.party, grounds: appeal.grounds,
                    evidenceID: nil, move: StageMove(from: .appealWindow, to: .appealReview)),
                at: ago(appeal.hoursAgo), actor: "system for the \(appeal.party.rawValue)", caseID: caseID)
        }
    }
}
