import CaseInterchange
import CaseModel
import CaseStore
import Foundation

extension TrainingSandbox {
    /// What the trainee has done so far, read back from the sandbox: the case's stage, the
    /// steps on its record, and the trainee's own latest ruling (an appeal decision's new terms included).
    public func result() throws -> TraineeResult {
        guard let item = try database.fetchCase(id: caseID) else { throw StoreError.caseNotFound(caseID) }
        let steps = Set(try database.auditTrail(caseID: caseID).compactMap { $0.event?.action })
        let issues = try database.issues(caseID: caseID)
        guard let ruling = try database.decisions(caseID: caseID).rulings.last(where: { $0.mediator == trainee.name })
        else { return TraineeResult(stage: item.stage, steps: steps) }
        var findings: [IssueKind: Finding] = [:]
        for finding in ruling.draft.findings {
            guard let kind = issues.first(where: { $0.id == finding.issueID })?.kind else { continue }
            findings[kind] = finding.finding
        }
        return TraineeResult(
            stage: item.stage, steps: steps, remedies: ruling.draft.remedies, citations: ruling.draft.citations,
            findings: findings, ruled: true)
    }

    /// The trainee's score against the scenario's reference.
    public func score() throws -> TrainingScore {
        TrainingScorer.score(try result(), against: scenario.reference)
    }

    /// The reference ruling as terms for this case: the reference remedies and citations, and the
    /// reference finding on each point in dispute the case has.
    public func referenceDraft(reasons: String, findingNote: String) throws -> RulingDraft {
        let issues = try database.issues(caseID: caseID)
        return RulingDraft(
            remedies: scenario.reference.remedies.map {
                OrderedRemedy(remedy: $0.remedy, amount: $0.amountFen.map(Money.init(fen:)))
            },
            findings: issues.compactMap { issue in
                scenario.reference.findings[issue.kind].map {
                    IssueFinding(issueID: issue.id, finding: $0, note: findingNote)
                }
            },
            reasons: reasons, citations: scenario.reference.citations, declaresNoConflict: true)
    }

    /// Does one action of the reference solution as the trainee.
    public func perform(_ action: ScenarioAction) throws {
        let now = now()
        switch action {
        case .take:
            try database.take(caseID: caseID, by: trainee, at: now)
        case .wait(let hours):
            try advance(hours: hours)
        case .step(let event):
            try database.apply(event, toCase: caseID, by: trainee, expectedVersion: nil, at: now, rules: rules)
        case .request(let party, let what):
            try database.requestEvidence(caseID: caseID, from: party, what: what, by: trainee, at: now, rules: rules)
        case .issue(let kind, let description, let confirmed):
            try database.addIssue(
                caseID: caseID, kind: kind, description: description, buyerConfirmedReceipt: confirmed, by: trainee,
                at: now)
        case .rule(let reasons, let note):
            try database.submitRuling(
                caseID: caseID, draft: try referenceDraft(reasons: reasons, findingNote: note), by: trainee, at: now,
                rules: rules)
        case .decideAppeal(let outcome, let reasons):
            let terms = outcome == .uphold ? nil : try referenceDraft(reasons: reasons, findingNote: reasons)
            try database.decideAppeal(
                caseID: caseID, outcome: outcome, terms: terms, reasons: reasons, by: trainee, at: now, rules: rules)
        case .observe(let observer, let statement):
            try database.recordObserverSignoff(
                caseID: caseID, observer: observer, statement: statement, by: trainee, at: now)
        case .fulfil(let note):
            for obligation in try database.decisions(caseID: caseID).obligations where obligation.status != .fulfilled {
                try database.fulfil(obligationID: obligation.id, caseID: caseID, note: note, by: trainee, at: now)
            }
        }
    }

    /// Plays the whole reference solution, step by step; `after` sees the sandbox after each step.
    public func playReference(after: (Int) throws -> Void = { _ in }) throws {
        for (index, step) in scenario.steps.enumerated() {
            for action in step.actions {
                do {
                    try perform(action)
                } catch {
                    throw ScenarioError(
                        description: "\(scenario.id) step \(index + 1) (\(action.label)): "
                            + ((error as? any ExplainedError)?.message.en ?? "\(error)"))
                }
            }
            try after(index)
        }
    }
}

extension TrainingSandbox {
    /// How many steps of the walkthrough the trainee has done, from the first: a step is done
    /// when its actions and every earlier step's are on the record as the trainee's, and its
    /// waits are over: simulated time has passed them, or nothing else is scheduled within them
    /// (advancing stops at the event or deadline itself). A step without actions (reading,
    /// finishing) is done once a later step is, so the walkthrough waits there until the trainee acts.
    public func stepsDone() throws -> Int {
        let mine = try database.auditTrail(caseID: caseID).filter { $0.actor == trainee.name }
        var have: [ScenarioAction.Record: Int] = [:]
        for record in mine.compactMap({ $0.event.flatMap(ScenarioAction.Record.init) }) {
            have[record, default: 0] += 1
        }
        var need: [ScenarioAction.Record: Int] = [:]
        var waited: TimeInterval = 0
        let now = now()
        let next = try nextMoment()?.at ?? .distantFuture
        var done = 0
        for (index, step) in scenario.steps.enumerated() where !step.actions.isEmpty {
            for action in step.actions {
                if case .wait(let hours) = action { waited += hours * 3600 }
                if let record = action.record { need[record, default: 0] += 1 }
            }
            let recorded = need.allSatisfy { have[$0.key, default: 0] >= $0.value }
            let until = Scenario.start.addingTimeInterval(waited)
            if !recorded || (now < until && next <= until) { break }
            done = index + 1
        }
        return done
    }
}

extension ScenarioAction {
    /// The kind of event an action of the reference solution puts on the record.
    enum Record: Hashable {
        case take
        case step(LifecycleEvent)
        case request, issue, rule, decideAppeal, observe, fulfil

        /// The record an event is, when it is one a reference action makes.
        init?(_ event: CaseEvent) {
            switch event {
            case .taken: self = .take
            case .stepped(let step, _, _): self = .step(step)
            case .evidenceRequested: self = .request
            case .issueAdded: self = .issue
            case .ruled(let entry) where entry.appealID == nil: self = .rule
            case .appealDecided: self = .decideAppeal
            case .observerSignedOff: self = .observe
            case .obligationFulfilled: self = .fulfil
            default: return nil
            }
        }
    }

    /// The record this action leaves; nil for waiting, which leaves none.
    var record: Record? {
        switch self {
        case .take: .take
        case .wait: nil
        case .step(let event): .step(event)
        case .request: .request
        case .issue: .issue
        case .rule: .rule
        case .decideAppeal: .decideAppeal
        case .observe: .observe
        case .fulfil: .fulfil
        }
    }
}
