import Foundation

extension Decision {
    /// A buyer's or merchant's action: a step it takes, the evidence it brings, or words on the record.
    mutating func party(_ entry: PartyEntry) throws(CaseError) {
        if entry.enteredByStaff {
            guard entry.action.parties.contains(entry.party), entry.action != .submitEvidence else {
                throw .partyCannot(party: entry.party, action: entry.action)
            }
            if entry.action == .shipReturn && entry.tracking == nil {
                throw .emptyText(field: "the return tracking number")
            }
        }
        try require(.recordPartyEvent)
        // Entered at the console on a party's behalf, it is the holder's work, as the form gate says.
        if entry.enteredByStaff { try requireHolder(.recordPartyEvent) }
        let source: EvidenceSource = entry.party == .buyer ? .buyer : .merchant
        if entry.action == .appeal {
            try appeal(entry, source: source)
            return
        }
        if let event = entry.action.lifecycleEvent {
            try step(
                event, party: entry.party, note: entry.note.map { .partySays(party: entry.party, text: $0) },
                dedicated: false)
            return
        }
        guard entry.action.recordedIn.contains(item.stage) else {
            throw .partyActionNotNow(action: entry.action, stage: item.stage)
        }
        if entry.action == .submitEvidence {
            guard let evidence = entry.evidence else { return }
            emit(
                .evidenceAdded(
                    evidenceID: file.next.evidence, kind: evidence.kind, source: source,
                    description: evidence.description, sha256: evidence.sha256))
            return
        }
        emit(
            .partyActed(party: entry.party, action: entry.action, tracking: entry.tracking, note: entry.note))
    }

    /// A party's appeal against the ruling in force: the step (a late appeal is refused with its
    /// deadline), the evidence it brings, and the appeal on one record.
    mutating func appeal(_ entry: PartyEntry, source: EvidenceSource) throws(CaseError) {
        let updated = try moved(by: .appealFiled, party: entry.party)
        let grounds = try text(entry.note ?? "", "the appeal's grounds ('note')")
        guard let ruling = file.decisions.inForce else {
            throw .noRuling(
                caseID: item.id, what: LocalizedText(en: "ruling in force to appeal against", zh: "可申诉的生效裁决"))
        }
        let pack = try pack()
        guard file.decisions.appeals.count < pack.maxAppeals else {
            throw .appealLimit(caseID: item.id, allowed: pack.maxAppeals, pack: pack.reference)
        }
        var evidenceID: Int64?
        if let evidence = entry.evidence {
            evidenceID = file.next.evidence
            emit(
                .evidenceAdded(
                    evidenceID: file.next.evidence, kind: evidence.kind, source: source,
                    description: evidence.description, sha256: evidence.sha256))
        }
        emit(
            .appealFiled(
                appealID: file.next.appeal, rulingID: ruling.id, party: entry.party, grounds: grounds,
                evidenceID: evidenceID, move: StageMove(from: item, to: updated)))
    }

    /// The default outcome of a stage clock that ran out, if it is still out when asked; a case
    /// whose stage has no default outcome stays overdue.
    mutating func expire() throws(CaseError) {
        try require(.sweep)
        guard let deadline = item.stageDeadline, deadline <= now, item.stage.isOpen else { return }
        let pack = try pack()
        guard let rule = item.expiryRule(in: pack), let event = rule.onExpiry else { return }
        let updated: Case
        switch item.applying(event, by: .sweeper, at: now, pack: pack, clockStart: deadline) {
        case .success(let next): updated = next
        case .failure(let error): throw .lifecycle(error)
        }
        emit(
            .deadlineExpired(
                event: event, rule: "\(pack.reference) \(item.stage.rawValue).on_expiry", deadline: deadline,
                outcome: rule.outcome, move: StageMove(from: item, to: updated)))
    }

    /// An obligation past its deadline found in default, once, with the pack's consequence.
    mutating func defaultObligation(_ id: Int64) throws(CaseError) {
        try require(.sweep)
        guard let obligation = file.decisions.obligations.first(where: { $0.id == id }), obligation.status == .open,
            obligation.dueAt <= now
        else { return }
        let pack = try pack()
        emit(
            .obligationDefaulted(
                obligationID: id, obligor: obligation.obligor, label: obligation.label(rules.catalogue),
                due: obligation.dueAt, rulePack: pack.reference,
                consequence: pack.obligations.onDefault[obligation.obligor]))
    }
}
