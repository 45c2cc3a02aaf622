import CaseModel
import Foundation

/// A case as `case show --json` prints it: every field, its clock, what happens on expiry, the
/// steps open to it, its evidence, points in dispute, requests, decisions and audit trail.
public struct CaseJSON: Encodable, Sendable {
    var id: Int64, title: String, narrative: String, category: String, requestType: String
    var buyer: [String: String], merchant: [String: String]
    var orderID: String, orderFen: Int64, claimFen: Int64, stage: String
    @Null var deadline: Date?
    var overdue: Bool
    @Null var onExpiry: ExpiryJSON?
    @Null var suspendedFrom: String?
    @Null var pausedRemainingSeconds: Int64?
    var rulePack: String
    @Null var assignee: String?
    var createdAt: Date, updatedAt: Date, version: Int, priority: Int, flags: [String], possibleSteps: [String]
    var evidence: [EvidenceJSON], issues: [IssueJSON], evidenceRequests: [RequestJSON]
    var rulings: [RulingJSON], obligations: [ObligationJSON], appeals: [AppealJSON]
    var observerSignoffs: [SignoffJSON], audit: [AuditJSON]

    /// The shape of a case file at `now`, with its expiry rule (if its pack gives one) and audit lines.
    public init(_ file: CaseFile, expiry: StageRule?, audit: [AuditJSON], now: Date) {
        let item = file.item
        id = item.id
        title = item.title
        narrative = item.narrative
        category = item.category.rawValue
        requestType = item.requestType.rawValue
        buyer = ["account": item.buyer.account, "name": item.buyer.name]
        merchant = ["account": item.merchant.account, "name": item.merchant.name]
        orderID = item.orderID
        orderFen = item.orderAmount.fen
        claimFen = item.claimAmount.fen
        stage = item.stage.rawValue
        deadline = item.stageDeadline
        overdue = item.stageDeadline.map { $0 <= now } ?? false
        onExpiry = expiry.flatMap { rule in rule.onExpiry.map { ExpiryJSON(event: $0.rawValue, outcome: rule.outcome) }
        }
        suspendedFrom = item.suspendedFrom?.rawValue
        pausedRemainingSeconds = item.pausedRemaining
        rulePack = item.rulePack
        assignee = item.assignee
        createdAt = item.createdAt
        updatedAt = item.updatedAt
        version = item.version
        priority = item.priority
        flags = item.flags.sorted().map(\.rawValue)
        possibleSteps = Lifecycle.events(from: item.stage).map(\.rawValue)
        evidence = file.evidence.map { EvidenceJSON($0, timeliness: $0.timeliness(requests: file.requests)) }
        issues = file.issues.map(IssueJSON.init)
        evidenceRequests = file.requests.map { RequestJSON($0, now: now) }
        rulings = file.decisions.rulings.map(RulingJSON.init)
        obligations = file.decisions.obligations.map { ObligationJSON($0, now: now) }
        appeals = file.decisions.appeals.map(AppealJSON.init)
        observerSignoffs = file.decisions.signoffs.map(SignoffJSON.init)
        self.audit = audit
    }

    enum CodingKeys: String, CodingKey {
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
        case possibleSteps = "possible_steps"
        case evidence, issues
        case evidenceRequests = "evidence_requests"
        case rulings, obligations, appeals
        case observerSignoffs = "observer_signoffs"
        case audit
    }

    /// What the pack does when the stage's clock runs out.
    struct ExpiryJSON: Encodable, Sendable {
        var event: String
        var outcome: LocalizedText?
    }

    /// A point in dispute with its burden and finding.
    struct IssueJSON: Encodable, Sendable {
        var id: Int64, kind: String, description: String, burden: String, burdenReason: String
        var evidenceIDs: [Int64]
        @Null var finding: String?
        @Null var findingNote: String?

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
    }

    /// An evidence request and whether its window is still open.
    struct RequestJSON: Encodable, Sendable {
        var id: Int64, party: String, what: String, openedAt: Date, dueAt: Date, open: Bool

        init(_ r: EvidenceRequest, now: Date) {
            id = r.id
            party = r.party.rawValue
            what = r.what
            openedAt = r.openedAt
            dueAt = r.dueAt
            open = now <= r.dueAt
        }

        enum CodingKeys: String, CodingKey {
            case id, party, what
            case openedAt = "opened_at"
            case dueAt = "due_at"
            case open
        }
    }

    /// An item of evidence, its hash and whether it came in time.
    struct EvidenceJSON: Encodable, Sendable {
        var id: Int64, kind: String, source: String, description: String, sha256: String, submittedAt: Date
        var timeliness: String

        init(_ e: Evidence, timeliness: Timeliness) {
            self.timeliness = timeliness.rawValue
            id = e.id
            kind = e.kind.rawValue
            source = e.source.rawValue
            description = e.description
            sha256 = e.sha256
            submittedAt = e.submittedAt
        }

        enum CodingKeys: String, CodingKey {
            case id, kind, source, description, sha256
            case submittedAt = "submitted_at"
            case timeliness
        }
    }
}

/// One audit record as `case show --json` prints it.
public struct AuditJSON: Encodable, Sendable {
    var id: Int64, at: Date, actor: String, action: String, detail: String, hash: String
    /// The operating-system login that really made the change (null for records before v12).
    @Null var login: String?

    /// The shape of one record.
    public init(id: Int64, at: Date, actor: String, login: String?, action: String, detail: String, hash: String) {
        self.id = id
        self.login = login
        self.at = at
        self.actor = actor
        self.action = action
        self.detail = detail
        self.hash = hash
    }
}
