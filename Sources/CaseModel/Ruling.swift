import Foundation

/// Which side a ruling favours, for the supervisors' outcome split.
public enum Favours: String, CaseIterable, Codable, Sendable {
    case buyer, merchant, split

    /// A label for the dashboard and notices.
    public var label: LocalizedText {
        switch self {
        case .buyer: LocalizedText(en: "buyer-favoured", zh: "支持买家")
        case .merchant: LocalizedText(en: "merchant-favoured", zh: "支持商家")
        case .split: LocalizedText(en: "split", zh: "部分支持")
        }
    }
}

/// One remedy a ruling orders, with its amount and, for a statutory amount, the working.
public struct OrderedRemedy: Hashable, Codable, Sendable {
    /// The catalogue id: "refund", "fraud_damages".
    public var remedy: String
    /// The amount, for remedies that carry one.
    public var amount: Money?
    /// How a statutory amount was computed ("3 × ¥499.00 = ¥1,497.00"), or nil.
    public var formula: String?
    /// Why the amount differs from the statutory calculator's, when it does.
    public var overrideReason: String?

    /// Creates an ordered remedy.
    public init(remedy: String, amount: Money? = nil, formula: String? = nil, overrideReason: String? = nil) {
        self.remedy = remedy
        self.amount = amount
        self.formula = formula
        self.overrideReason = overrideReason
    }
}

/// The finding a ruling makes on one point in dispute.
public struct IssueFinding: Hashable, Codable, Sendable {
    /// The point in dispute.
    public var issueID: Int64
    /// Proven, not proven or undetermined.
    public var finding: Finding
    /// The facts found, in the mediator's words.
    public var note: String

    /// Creates a finding.
    public init(issueID: Int64, finding: Finding, note: String) {
        self.issueID = issueID
        self.finding = finding
        self.note = note
    }
}

/// What a mediator submits: the outcome, findings, reasons, legal basis and their declaration.
public struct RulingDraft: Hashable, Codable, Sendable {
    /// The remedies ordered; `claim_rejected` alone when the claim fails.
    public var remedies: [OrderedRemedy]
    /// A finding on each point in dispute.
    public var findings: [IssueFinding]
    /// The written reasons (required).
    public var reasons: String
    /// Statute ids ("CRPL-55") and rule-pack rules ("marketplace@1 merchant_response") relied on.
    public var citations: [String]
    /// The mediator declares no conflict of interest with either party.
    public var declaresNoConflict: Bool

    /// Creates a draft.
    public init(
        remedies: [OrderedRemedy], findings: [IssueFinding] = [], reasons: String, citations: [String],
        declaresNoConflict: Bool
    ) {
        self.remedies = remedies
        self.findings = findings
        self.reasons = reasons
        self.citations = citations
        self.declaresNoConflict = declaresNoConflict
    }

    /// The money the ruling orders paid, summed over its remedies.
    public var total: Money { remedies.reduce(Money.zero) { $0.plus($1.amount ?? .zero) } }

    /// Which side the outcome favours: a rejected claim the merchant; a split-type remedy, or money
    /// short of the claim, a split; anything else the buyer.
    public func favours(claim: Money, catalogue: Catalogue) -> Favours {
        if remedies.contains(where: { catalogue.remedy($0.remedy)?.side == .merchant }) { return .merchant }
        if remedies.contains(where: { catalogue.remedy($0.remedy)?.side == .split }) { return .split }
        let money = total
        if money.fen > 0 && claim.fen > 0 && money < claim { return .split }
        return .buyer
    }
}

/// Where a ruling stands.
public enum RulingStatus: String, CaseIterable, Codable, Sendable {
    /// Submitted and waiting for a supervisor.
    case pendingReview = "pending_review"
    /// Sent back by the reviewer with comments; the mediator revises it.
    case returned
    /// In force: its obligations are being carried out.
    case final
    /// Replaced by a later revision or by an appeal decision.
    case superseded

    /// A label for the detail pane.
    public var label: LocalizedText {
        switch self {
        case .pendingReview: LocalizedText(en: "awaiting review", zh: "待审核")
        case .returned: LocalizedText(en: "returned for revision", zh: "退回修改")
        case .final: LocalizedText(en: "in force", zh: "已生效")
        case .superseded: LocalizedText(en: "superseded", zh: "已被取代")
        }
    }
}

/// Why a ruling goes to a supervisor before it takes effect.
public enum ReviewReason: Hashable, Codable, Sendable {
    /// The money ordered is above the pack's threshold.
    case amount(total: Money, threshold: Money)
    /// The case is flagged platform-interest.
    case platformInterest
    /// Drawn in the pack's random sample.
    case sample(percent: Int)
    /// A revision of a ruling the reviewer returned.
    case revision

    /// The reason in words.
    public var text: LocalizedText {
        switch self {
        case .amount(let total, let threshold):
            LocalizedText(
                en: "\(total.formatted) ordered, above the \(threshold.formatted) review threshold",
                zh: "裁决金额 \(total.formatted) 超过审核线 \(threshold.formatted)")
        case .platformInterest:
            LocalizedText(en: "platform-interest case", zh: "平台利益相关案件")
        case .sample(let percent):
            LocalizedText(en: "drawn in the \(percent)% random sample", zh: "随机抽检（\(percent)%）")
        case .revision:
            LocalizedText(en: "revision of a returned ruling", zh: "退回后的修改稿")
        }
    }
}

/// A ruling as stored: one revision of the decision on a case.
public struct Ruling: Hashable, Codable, Sendable, Identifiable {
    /// The ruling's number.
    public var id: Int64
    /// The case.
    public var caseID: Int64
    /// 1 for the first submission, counting up with each revision and appeal decision.
    public var revision: Int
    /// Who wrote it.
    public var mediator: String
    /// What it decides.
    public var draft: RulingDraft
    /// Which side it favours.
    public var favours: Favours
    /// Where it stands.
    public var status: RulingStatus
    /// Why it needs review, if it does.
    public var reviewReason: String?
    /// Who reviewed it.
    public var reviewer: String?
    /// The reviewer's comments.
    public var reviewComment: String?
    /// When it was reviewed.
    public var reviewedAt: Date?
    /// The appeal this revision decided, if it came from an appeal decision.
    public var appealID: Int64?
    /// When it was submitted.
    public var createdAt: Date

    /// Creates a ruling.
    public init(
        id: Int64, caseID: Int64, revision: Int, mediator: String, draft: RulingDraft, favours: Favours,
        status: RulingStatus, reviewReason: String? = nil, reviewer: String? = nil, reviewComment: String? = nil,
        reviewedAt: Date? = nil, appealID: Int64? = nil, createdAt: Date
    ) {
        self.id = id
        self.caseID = caseID
        self.revision = revision
        self.mediator = mediator
        self.draft = draft
        self.favours = favours
        self.status = status
        self.reviewReason = reviewReason
        self.reviewer = reviewer
        self.reviewComment = reviewComment
        self.reviewedAt = reviewedAt
        self.appealID = appealID
        self.createdAt = createdAt
    }
}
