import ArgumentParser
import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTUI
import CaseTraining
import Foundation

/// `casedesk case show ID [--json]`: the case, its clock, evidence and audit trail.
struct CaseShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a case: stage, deadline and what happens on expiry, evidence, audit trail."
    )

    @Argument(help: "The case number.") var id: Int64
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "The time to count down from (ISO 8601); default now.") var now: String?

    func run() throws {
        let instant = try now.map(parseInstant) ?? Date()
        let rules = try loadRules()
        let db = try database.open(now: instant).database
        let view = try storeCall { () throws -> CaseView in
            guard let item = try db.fetchCase(id: id) else { throw StoreError.caseNotFound(id) }
            return CaseView(
                item: item, pack: rules.pack(item.rulePack), evidence: try db.evidence(caseID: id),
                issues: try db.issues(caseID: id), requests: try db.evidenceRequests(caseID: id),
                decisions: try db.decisions(caseID: id), audit: try db.auditTrail(caseID: id), now: instant)
        }
        if json {
            try printJSON(view)
        } else {
            print(view.text)
        }
    }
}

/// A case as `case show` prints it.
struct CaseView: Encodable {
    let item: Case
    let pack: RulePack?
    let evidence: [Evidence]
    let issues: [DisputeIssue]
    let requests: [EvidenceRequest]
    let decisions: CaseDecisions
    let audit: [AuditEntry]
    let now: Date

    var expiry: StageRule? { pack.flatMap { item.expiryRule(in: $0) } }

    enum Keys: String, CodingKey {
        case id, title, narrative, category
        case requestType = "request_type"
        case buyer, merchant
        case orderID = "order_id"
        case orderFen = "order_fen"
        case claimFen = "claim_fen"
        case stage, deadline, overdue
        case onExpiry = "on_expiry"
        case suspendedFrom = "suspended_from"
        case pausedRemainingSeconds = "paused_remaining_seconds"
        case rulePack = "rule_pack"
        case assignee
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case version, priority, flags
        case steps = "possible_steps"
        case evidence, issues
        case requests = "evidence_requests"
        case rulings, obligations, appeals
        case signoffs = "observer_signoffs"
        case audit
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(item.id, forKey: .id)
        try c.encode(item.title, forKey: .title)
        try c.encode(item.narrative, forKey: .narrative)
        try c.encode(item.category.rawValue, forKey: .category)
        try c.encode(item.requestType.rawValue, forKey: .requestType)
        try c.encode(["account": item.buyer.account, "name": item.buyer.name], forKey: .buyer)
        try c.encode(["account": item.merchant.account, "name": item.merchant.name], forKey: .merchant)
        try c.encode(item.orderID, forKey: .orderID)
        try c.encode(item.orderAmount.fen, forKey: .orderFen)
        try c.encode(item.claimAmount.fen, forKey: .claimFen)
        try c.encode(item.stage.rawValue, forKey: .stage)
        try c.encode(item.stageDeadline.map(ISO8601Time.string), forKey: .deadline)
        try c.encode(item.stageDeadline.map { $0 <= now } ?? false, forKey: .overdue)
        if let rule = expiry, let event = rule.onExpiry {
            try c.encode(ExpiryJSON(event: event.rawValue, outcome: rule.outcome), forKey: .onExpiry)
        } else {
            try c.encodeNil(forKey: .onExpiry)
        }
        try c.encode(item.suspendedFrom?.rawValue, forKey: .suspendedFrom)
        try c.encode(item.pausedRemaining, forKey: .pausedRemainingSeconds)
        try c.encode(item.rulePack, forKey: .rulePack)
        try c.encode(item.assignee, forKey: .assignee)
        try c.encode(ISO8601Time.string(item.createdAt), forKey: .createdAt)
        try c.encode(ISO8601Time.string(item.updatedAt), forKey: .updatedAt)
        try c.encode(item.version, forKey: .version)
        try c.encode(item.priority, forKey: .priority)
        try c.encode(item.flags.sorted().map(\.rawValue), forKey: .flags)
        try c.encode(Lifecycle.events(from: item.stage).map(\.rawValue), forKey: .steps)
        try c.encode(
            evidence.map { EvidenceJSON($0, timeliness: $0.timeliness(requests: requests)) }, forKey: .evidence)
        try c.encode(issues.map(IssueJSON.init), forKey: .issues)
        try c.encode(requests.map { RequestJSON($0, now: now) }, forKey: .requests)
        try c.encode(decisions.rulings.map(RulingJSON.init), forKey: .rulings)
        try c.encode(decisions.obligations.map { ObligationJSON($0, now: now) }, forKey: .obligations)
        try c.encode(decisions.appeals.map(AppealJSON.init), forKey: .appeals)
        try c.encode(decisions.signoffs.map(SignoffJSON.init), forKey: .signoffs)
        try c.encode(audit.map(AuditJSON.init), forKey: .audit)
    }

    struct ExpiryJSON: Encodable {
        let event: String
        let outcome: LocalizedText?
    }

    struct IssueJSON: Encodable {
        let id: Int64, kind: String, description: String, burden: String, burdenReason: String
        let evidenceIDs: [Int64], finding: String?, findingNote: String?
        init(_ issue: DisputeIssue) {
            id = issue.id
            kind = issue.kind.rawValue
            description = issue.description
            burden = issue.burden.rawValue
            burdenReason = issue.burdenRule.reason.en
            evidenceIDs = issue.evidenceIDs
            finding = issue.finding?.rawValue
            findingNote = issue.findingNote
        }
        enum CodingKeys: String, CodingKey {
            case id, kind, description, burden
            case burdenReason = "burden_reason"
            case evidenceIDs = "evidence_ids"
            case finding
            case findingNote = "finding_note"
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(kind, forKey: .kind)
            try c.encode(description, forKey: .description)
            try c.encode(burden, forKey: .burden)
            try c.encode(burdenReason, forKey: .burdenReason)
            try c.encode(evidenceIDs, forKey: .evidenceIDs)
            try c.encode(finding, forKey: .finding)
            try c.encode(findingNote, forKey: .findingNote)
        }
    }

    struct RequestJSON: Encodable {
        let id: Int64, party: String, what: String, openedAt: String, dueAt: String, open: Bool
        init(_ r: EvidenceRequest, now: Date) {
            id = r.id
            party = r.party.rawValue
            what = r.what
            openedAt = ISO8601Time.string(r.openedAt)
            dueAt = ISO8601Time.string(r.dueAt)
            open = now <= r.dueAt
        }
        enum CodingKeys: String, CodingKey {
            case id, party, what
            case openedAt = "opened_at"
            case dueAt = "due_at"
            case open
        }
    }

    struct EvidenceJSON: Encodable {
        let id: Int64, kind: String, source: String, description: String, sha256: String, submittedAt: String
        let timeliness: String
        init(_ e: Evidence, timeliness: Timeliness) {
            self.timeliness = timeliness.rawValue
            id = e.id
            kind = e.kind.rawValue
            source = e.source.rawValue
            description = e.description
            sha256 = e.sha256
            submittedAt = ISO8601Time.string(e.submittedAt)
        }
        enum CodingKeys: String, CodingKey {
            case id, kind, source, description, sha256
            case submittedAt = "submitted_at"
            case timeliness
        }
    }

    struct AuditJSON: Encodable {
        let id: Int64, at: String, actor: String, action: String, detail: String, hash: String
        init(_ a: AuditEntry) {
            id = a.id
            at = ISO8601Time.string(a.at)
            actor = a.actor
            action = a.action
            detail = a.detail
            hash = a.hash
        }
    }

    var text: String {
        var lines = ["#\(item.id) \(item.title)"]
        var stage = "Stage     \(item.stage.rawValue)"
        if let deadline = item.stageDeadline, item.stage.isOpen {
            stage += " · \(Countdown(deadline: deadline, now: now).text()) · deadline \(ISO8601Time.string(deadline))"
        }
        lines.append(stage)
        if let rule = expiry, let event = rule.onExpiry {
            lines.append("On expiry \(rule.outcome?.en ?? event.rawValue) (\(event.rawValue), \(item.rulePack))")
        }
        if let from = item.suspendedFrom {
            let left = item.pausedRemaining.map { " with \($0)s left on its clock" } ?? ""
            lines.append("Suspended from \(from.rawValue)\(left)")
        }
        lines.append("Buyer     \(item.buyer.name) (\(item.buyer.account))")
        lines.append("Merchant  \(item.merchant.name) (\(item.merchant.account))")
        lines.append(
            "Order     \(item.orderID) · paid \(item.orderAmount.formatted) · claim \(item.claimAmount.formatted)")
        lines.append(
            "Assignee  \(item.assignee ?? "unassigned") · rule pack \(item.rulePack) · version \(item.version)")
        let flagText =
            item.flags.isEmpty ? "" : " · flags " + item.flags.sorted().map(\.rawValue).joined(separator: ", ")
        lines.append("Priority  \(item.priority)\(flagText)")
        let steps = Lifecycle.events(from: item.stage).map(\.rawValue).joined(separator: ", ")
        lines.append("Steps     \(steps.isEmpty ? "none (final stage)" : steps)")
        lines.append("")
        lines.append(item.narrative)
        lines.append("")
        lines.append("Evidence (\(evidence.count))")
        for e in evidence {
            lines.append(
                "  #\(e.id) \(e.kind.rawValue) from \(e.source.rawValue) \(ISO8601Time.string(e.submittedAt)) \(e.shortHash) \(e.description)"
            )
        }
        if !issues.isEmpty {
            lines.append("")
            lines.append("Points in dispute (\(issues.count))")
            for issue in issues {
                let evidence = issue.evidenceIDs.map { "#\($0)" }.joined(separator: " ")
                let finding = issue.finding.map { "\($0.rawValue): \(issue.findingNote ?? "")" } ?? "no finding yet"
                lines.append(
                    "  #\(issue.id) \(issue.kind.rawValue) · burden on the \(issue.burden.rawValue) · evidence \(evidence.isEmpty ? "none" : evidence) · \(finding)"
                )
                lines.append("     \(issue.description)")
            }
        }
        if !requests.isEmpty {
            lines.append("")
            lines.append("Evidence requests (\(requests.count))")
            for request in requests {
                let state = now <= request.dueAt ? "open" : "closed"
                lines.append(
                    "  #\(request.id) to the \(request.party.rawValue), due \(ISO8601Time.string(request.dueAt)) (\(state)): \(request.what)"
                )
            }
        }
        lines.append(contentsOf: DecisionText.lines(decisions, now: now))
        lines.append("")
        lines.append("Audit trail")
        for a in audit {
            lines.append("  \(ISO8601Time.string(a.at)) \(a.actor) \(a.action): \(a.detail)")
        }
        // Case data is untrusted: no escape sequence reaches the terminal.
        return lines.map(Sanitizer.clean).joined(separator: "\n")
    }
}
