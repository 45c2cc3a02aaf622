import Foundation

extension CaseFile {
    /// Folds `event`, recorded at `moment` by `actor`, into the file: the one definition of what an
    /// event does, shared by replay, by `decide` (for an intent of several events) and by the store
    /// (which writes the case row from the folded case; other tables from its projection).
    ///
    /// The case's version is the store's to count (one per commit); `updatedAt` follows any change.
    public mutating func apply(_ event: CaseEvent, at moment: Date, by actor: String) {
        let at = moment.wholeSeconds
        let before = item
        if let move = event.move { item.move(move) }
        switch event {
        case .taken(_, let to): item.assignee = to
        case .released: item.assignee = nil
        case .evidenceRequested(let id, let party, let what, let due, _, _):
            requests.append(
                EvidenceRequest(
                    id: id, caseID: item.id, party: party, what: what, openedAt: at, dueAt: due.wholeSeconds))
            next.request = max(next.request, id + 1)
        case .evidenceAdded(let id, let kind, let source, let description, let sha256):
            evidence.append(
                Evidence(
                    id: id, caseID: item.id, kind: kind, source: source, description: description, sha256: sha256,
                    submittedAt: at))
            next.evidence = max(next.evidence, id + 1)
        case .issueAdded(let id, let kind, let description, _, _, let confirmed, let durable):
            issues.append(
                DisputeIssue(
                    id: id, caseID: item.id, kind: kind, description: description, buyerConfirmedReceipt: confirmed,
                    durableWithinSixMonths: durable))
            next.issue = max(next.issue, id + 1)
        case .evidenceLinked(let evidenceID, let issueID):
            guard let index = issues.firstIndex(where: { $0.id == issueID }),
                !issues[index].evidenceIDs.contains(evidenceID)
            else { break }
            issues[index].evidenceIDs.append(evidenceID)
            issues[index].evidenceIDs.sort()
        case .findingRecorded(let issueID, let finding, let note):
            record([IssueFinding(issueID: issueID, finding: finding, note: note)])
        case .ruled(let entry):
            rule(entry, at: at)
        case .rulingReviewed(let id, _, _, let approved, let comment):
            if let index = decisions.rulings.firstIndex(where: { $0.id == id }) {
                decisions.rulings[index].status = approved ? .final : .returned
                decisions.rulings[index].reviewer = actor
                decisions.rulings[index].reviewComment = comment
                decisions.rulings[index].reviewedAt = at
            }
            item.flags.remove(.reviewPending)
        case .observerSignedOff(let observer, let statement):
            decisions.signoffs.append(
                ObserverSignoff(observer: observer, statement: statement, recordedBy: actor, at: at))
        case .obligationCreated(let entry):
            decisions.obligations.append(
                Obligation(
                    id: entry.obligationID, caseID: item.id, rulingID: entry.rulingID, obligor: entry.obligor,
                    task: entry.task, amount: entry.amount, dueAt: entry.due.wholeSeconds))
            next.obligation = max(next.obligation, entry.obligationID + 1)
        case .obligationFulfilled(let id, _, _, let note):
            if let index = decisions.obligations.firstIndex(where: { $0.id == id }) {
                decisions.obligations[index].status = .fulfilled
                decisions.obligations[index].settledAt = at
                decisions.obligations[index].note = note
            }
            if !decisions.obligations.contains(where: { $0.status == .defaulted }) {
                item.flags.remove(.obligationOverdue)
            }
        case .obligationDefaulted(let id, _, _, let due, _, _):
            if let index = decisions.obligations.firstIndex(where: { $0.id == id }) {
                decisions.obligations[index].status = .defaulted
                decisions.obligations[index].settledAt = due.wholeSeconds
            }
            item.flags.insert(.obligationOverdue)
        case .appealFiled(let id, let rulingID, let party, let grounds, let evidenceID, _):
            decisions.appeals.append(
                Appeal(
                    id: id, caseID: item.id, rulingID: rulingID, party: party, grounds: grounds, filedAt: at,
                    evidenceID: evidenceID))
            next.appeal = max(next.appeal, id + 1)
        case .appealDecided(let id, _, _, let outcome, let reasons, let newRulingID):
            if let index = decisions.appeals.firstIndex(where: { $0.id == id }) {
                decisions.appeals[index].outcome = outcome
                decisions.appeals[index].decidedBy = actor
                decisions.appeals[index].reasons = reasons
                decisions.appeals[index].decidedAt = at
                decisions.appeals[index].newRulingID = newRulingID
            }
        case .priorityChanged(_, let to): item.priority = to
        case .flagChanged(let flag, let raised):
            if raised { item.flags.insert(flag) } else { item.flags.remove(flag) }
        case .filed, .stepped, .deadlineExpired, .urged, .noted, .partyActed, .seeded, .staffAdded,
            .staffRoleChanged, .rulePackChosen:
            break
        }
        if item != before { item.updatedAt = at }
    }

    /// A ruling revision written: the one it replaces superseded, its findings recorded.
    private mutating func rule(_ entry: RulingEntry, at: Date) {
        let replaced: RulingStatus = entry.appealID == nil ? .returned : .final
        for index in decisions.rulings.indices where decisions.rulings[index].status == replaced {
            decisions.rulings[index].status = .superseded
        }
        let waits = entry.appealID == nil && entry.reviewReason != nil
        decisions.rulings.append(
            Ruling(
                id: entry.rulingID, caseID: item.id, revision: entry.revision, mediator: entry.mediator,
                draft: entry.terms, favours: entry.favours, status: waits ? .pendingReview : .final,
                reviewReason: entry.reviewReason, appealID: entry.appealID, createdAt: at))
        record(entry.terms.findings)
        if waits { item.flags.insert(.reviewPending) }
        next.ruling = max(next.ruling, entry.rulingID + 1)
    }

    private mutating func record(_ findings: [IssueFinding]) {
        for finding in findings {
            guard let index = issues.firstIndex(where: { $0.id == finding.issueID }) else { continue }
            issues[index].finding = finding.finding
            issues[index].findingNote = finding.note
        }
    }
}

extension Case {
    /// The case after a stage move: the new stage, its clock, and where a suspension returns to.
    mutating func move(_ move: StageMove) {
        if move.to == .suspended {
            if move.from != .suspended { suspendedFrom = move.from }
        } else {
            suspendedFrom = nil
        }
        stage = move.to
        stageDeadline = move.deadline?.wholeSeconds
        pausedRemaining = move.pausedRemaining
    }
}
