import CaseModel

/// The case-detail pane: parties, order, claim, stage and countdown, then the buyer's account.
enum DetailView {
    /// One line of the pane: a label column and a value, or a free line.
    struct Line {
        var label: String
        var value: String
        var style: Style = .plain
    }

    /// The characters of a buyer's account the pane wraps; the rest is in `casedesk case show`.
    static let narrativeLimit = 8_000

    static func lines(_ state: AppState, width: Int, measure: DisplayWidth) -> [Line] {
        guard let item = state.openCase else { return [] }
        if state.showTimeline { return timelineLines(state, width: width, measure: measure) }
        let language = state.language
        var result: [Line] = []
        result.append(Line(label: "", value: "#\(item.id) \(item.title)", style: Style(bold: true)))
        var stageText = item.stage.label.text(language)
        var stageStyle = Style.plain
        if let deadline = item.stageDeadline, item.stage.isOpen {
            let countdown = Countdown(deadline: deadline, now: state.now)
            let when =
                countdown.isOverdue ? countdown.text(language) : UIText.dueIn.text(language) + countdown.text(language)
            stageText += " · \(when) (\(DateText.short(deadline)))"
            stageStyle = QueueView.urgencyStyle(countdown.urgency)
        }
        if let from = item.suspendedFrom {
            stageText += " · \(UIText.from.text(language)) \(from.label.text(language))"
        }
        result.append(Line(label: UIText.stage.text(language), value: stageText, style: stageStyle))
        if let pack = state.rules.pack(item.rulePack), let rule = item.expiryRule(in: pack),
            let event = rule.onExpiry
        {
            let outcome = rule.outcome?.text(language) ?? event.rawValue
            result.append(
                Line(
                    label: UIText.expiry.text(language), value: "\(outcome) · \(pack.reference)",
                    style: Style(dim: true)))
        }
        result.append(Line(label: UIText.buyer.text(language), value: "\(item.buyer.name) (\(item.buyer.account))"))
        result.append(
            Line(label: UIText.merchant.text(language), value: "\(item.merchant.name) (\(item.merchant.account))"))
        result.append(
            Line(
                label: UIText.order.text(language),
                value: "\(item.orderID) · \(UIText.paid.text(language)) \(item.orderAmount.formatted)"))
        result.append(
            Line(
                label: UIText.claim.text(language),
                value: "\(item.claimAmount.formatted) · \(item.requestType.label.text(language))"))
        result.append(Line(label: UIText.category.text(language), value: item.category.label.text(language)))
        var handling = (item.assignee ?? UIText.unassigned.text(language)) + " · P\(item.priority)"
        if !item.flags.isEmpty {
            handling += " · " + item.flags.sorted().map { $0.label.text(language) }.joined(separator: ", ")
        }
        result.append(Line(label: UIText.assignee.text(language), value: handling))
        result.append(Line(label: UIText.filed.text(language), value: DateText.full(item.createdAt)))
        result += requestLines(state)
        result += decisionLines(state, item: item)
        for issue in state.issues {
            let finding = issue.finding.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") } ?? "open"
            let evidence =
                issue.evidenceIDs.isEmpty
                ? "" : " · evidence " + issue.evidenceIDs.map { "#\($0)" }.joined(separator: " ")
            result.append(
                Line(
                    label: "\(UIText.issue.text(language)) #\(issue.id)",
                    value: "\(issue.kind.label.text(language)) · \(finding) · \(UIText.burden.text(language)): "
                        + "\(issue.burden.label.text(language).lowercased())\(evidence)"))
            result.append(Line(label: "", value: "  " + issue.description, style: Style(dim: true)))
        }
        result.append(Line(label: "", value: ""))
        // A pane shows a few screens of an account at most; a huge one is cut, not wrapped whole every frame.
        var narrative = item.narrative
        if narrative.utf8.count > Self.narrativeLimit * 4 {
            narrative = String(narrative.prefix(Self.narrativeLimit)) + " … " + UIText.narrativeCut.text(language)
        }
        for text in measure.wrap(Sanitizer.clean(narrative), width: max(1, width)) {
            result.append(Line(label: "", value: text))
        }
        return result
    }

    /// Evidence requests (open ones with their countdown, closed ones dimmed) and the last urge.
    static func requestLines(_ state: AppState) -> [Line] {
        let language = state.language
        var result: [Line] = []
        for request in state.requests {
            let open = request.dueAt > state.now
            let countdown = Countdown(deadline: request.dueAt, now: state.now)
            let when =
                open
                ? UIText.dueIn.text(language) + countdown.text(language)
                : (language == .zh ? "已截止 " : "closed ") + DateText.short(request.dueAt)
            result.append(
                Line(
                    label: "\(UIText.requested.text(language)) #\(request.id)",
                    value: "\(request.party.label.text(language)) · \(request.what) · \(when)",
                    style: open ? QueueView.urgencyStyle(countdown.urgency) : Style(dim: true)))
        }
        // Only the newest urge is decoded: the pane is drawn every frame.
        if let urge = state.timeline.last(where: { $0.kind == "urged" }),
            case .urged(let party, let message)? = urge.event
        {
            result.append(
                Line(
                    label: UIText.urged.text(language),
                    value: "\(DateText.short(urge.at)) \(urge.actor) → \(party.label.text(language)) · \(message)",
                    style: Style(dim: true)))
        }
        return result
    }

    /// The ruling (latest revision), its review, the obligations, the observer and any appeal.
    static func decisionLines(_ state: AppState, item: Case) -> [Line] {
        let language = state.language
        let d = state.decisions
        var result: [Line] = []
        if item.flags.contains(.platformInterest) {
            let signed = d.signoffs.last.map { "\($0.observer): \($0.statement)" }
            result.append(
                Line(
                    label: UIText.observer.text(language),
                    value: signed
                        ?? (language == .zh ? "须独立观察员签署（O）" : "sign-off needed before a ruling takes effect (O)"),
                    style: signed == nil ? Style(color: .yellow) : .plain))
        }
        if let ruling = d.latest {
            let remedies = ruling.draft.remedies.map { ordered in
                (state.rules.catalogue.remedy(ordered.remedy)?.label.text(language) ?? ordered.remedy)
                    + (ordered.amount.map { " \($0.formatted)" } ?? "")
            }.joined(separator: " + ")
            result.append(
                Line(
                    label: UIText.ruling.text(language),
                    value:
                        "#\(ruling.id) r\(ruling.revision) \(ruling.mediator) · \(ruling.status.label.text(language)) · "
                        + "\(ruling.favours.label.text(language)) · \(remedies)",
                    style: ruling.status == .returned ? Style(color: .yellow) : Style(bold: ruling.status == .final)))
            if ruling.status == .pendingReview, let reason = ruling.reviewReason {
                result.append(Line(label: UIText.review.text(language), value: reason, style: Style(color: .yellow)))
            } else if let reviewer = ruling.reviewer {
                let comment = ruling.reviewComment.map { ": \($0)" } ?? ""
                result.append(
                    Line(
                        label: UIText.review.text(language), value: "\(reviewer)\(comment)",
                        style: ruling.status == .returned ? Style(color: .yellow) : Style(dim: true)))
            }
        }
        for obligation in d.obligations where obligation.rulingID == d.inForce?.id || obligation.isOutstanding {
            let overdue = obligation.isOverdue(at: state.now)
            result.append(
                Line(
                    label: "\(UIText.owed.text(language)) #\(obligation.id)",
                    value:
                        "\(obligation.label(state.rules.catalogue).text(language)) · \(DateText.short(obligation.dueAt)) · "
                        + obligation.status.label.text(language),
                    style: overdue ? Style(color: .red, bold: true) : Style(dim: obligation.status == .fulfilled)))
        }
        for appeal in d.appeals {
            let decision = appeal.outcome.map { "\($0.label.text(language)) · \(appeal.decidedBy ?? "")" } ?? "…"
            result.append(
                Line(
                    label: "\(UIText.appeal.text(language)) #\(appeal.id)",
                    value: "\(appeal.party.label.text(language)) · \(decision) · \(appeal.grounds)",
                    style: appeal.outcome == nil ? Style(color: .yellow) : .plain))
        }
        return result
    }

    /// The audit trail, newest first: when, who, what, each record's detail wrapped beneath.
    static func timelineLines(_ state: AppState, width: Int, measure: DisplayWidth) -> [Line] {
        var result: [Line] = []
        for entry in state.timeline.reversed() {
            result.append(
                Line(
                    label: "", value: "\(DateText.short(entry.at)) \(entry.actor) · \(entry.action)",
                    style: Style(bold: true)))
            for text in measure.wrap(Sanitizer.clean(entry.detail), width: max(1, width - 2)) {
                result.append(Line(label: "", value: "  " + text, style: Style(dim: true)))
            }
        }
        if state.timelineHasOlder {
            result.append(
                Line(
                    label: "",
                    value: state.language == .zh ? "… 更早的记录随滚动载入" : "… older records load as you scroll",
                    style: Style(dim: true)))
        }
        return result
    }

    /// How far the pane can scroll for the current case.
    static func maxScroll(_ state: AppState, area: Rect, measure: DisplayWidth) -> Int {
        max(0, lines(state, width: area.inner.width, measure: measure).count - area.inner.height)
    }

    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        Box.draw(
            area, title: (state.showTimeline ? UIText.timelineTitle : UIText.caseTitle).text(state.language),
            focused: state.focus == .detail && !state.hasOverlay,
            into: &screen)
        let inner = area.inner
        guard inner.height > 0, inner.width > 4 else { return }
        guard state.openCase != nil else {
            screen.put(
                UIText.noCase.text(state.language), x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1,
                style: Style(dim: true))
            return
        }
        let all = lines(state, width: inner.width, measure: screen.measure)
        let scroll = min(state.detailScroll, max(0, all.count - inner.height))
        let labelWidth = 9
        for (offset, line) in all.dropFirst(scroll).prefix(inner.height).enumerated() {
            let y = inner.y + offset
            if line.label.isEmpty {
                let value = screen.measure.truncate(line.value, to: inner.width)
                screen.put(value, x: inner.x, y: y, maxWidth: inner.width, style: line.style)
            } else {
                // A label as wide as its column ("Appeal #1", "Owed #12") keeps a space before the value.
                let column = min(max(labelWidth, screen.measure.of(line.label) + 1), max(labelWidth, inner.width / 2))
                screen.put(line.label, x: inner.x, y: y, maxWidth: column - 1, style: Style(dim: true))
                let value = screen.measure.truncate(line.value, to: inner.width - column)
                screen.put(value, x: inner.x + column, y: y, maxWidth: inner.width - column, style: line.style)
            }
        }
    }
}
