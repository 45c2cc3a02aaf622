import Foundation

/// The kind of a point in dispute, which decides who must prove it first (docs/domain.md §6).
public enum IssueKind: String, CaseIterable, Codable, Sendable {
    /// A defect anyone can see (scratches, breakage).
    case visibleDefect = "visible_defect"
    /// A defect that needs testing to show (materials, performance).
    case hiddenDefect = "hidden_defect"
    /// Goods said to be fake.
    case counterfeit
    /// What arrived is not what was ordered, or was not properly delivered.
    case deliveryMismatch = "delivery_mismatch"
    /// Nobody can tell whose fault it is.
    case faultUndeterminable = "fault_undeterminable"

    /// A short label.
    public var label: LocalizedText {
        switch self {
        case .visibleDefect: LocalizedText(en: "visible defect", zh: "外观瑕疵")
        case .hiddenDefect: LocalizedText(en: "hidden defect", zh: "内在质量问题")
        case .counterfeit: LocalizedText(en: "counterfeit", zh: "假冒商品")
        case .deliveryMismatch: LocalizedText(en: "delivery mismatch", zh: "签收与货物不符")
        case .faultUndeterminable: LocalizedText(en: "fault undeterminable", zh: "责任无法查明")
        }
    }
}

/// What the mediator found on a point in dispute.
public enum Finding: String, CaseIterable, Codable, Sendable {
    case proven
    case notProven = "not_proven"
    case undetermined

    /// A label for findings in score sheets and notices.
    public var label: LocalizedText {
        switch self {
        case .proven: LocalizedText(en: "proven", zh: "成立")
        case .notProven: LocalizedText(en: "not proven", zh: "不成立")
        case .undetermined: LocalizedText(en: "undetermined", zh: "无法查明")
        }
    }
}

/// Who must prove a point first, why, and with what (docs/domain.md §6).
public struct Burden: Hashable, Sendable {
    /// The party that must prove it first.
    public var party: PartyRole
    /// The rule, in words, with its source.
    public var reason: LocalizedText
    /// The evidence that answers it.
    public var expectedEvidence: [EvidenceKind]
}

/// The burden-of-proof rules: a pure function of the point in dispute and the facts that shift it.
public enum BurdenRules {
    /// Who bears the burden on a point of this kind.
    ///
    /// - Parameters:
    ///   - buyerConfirmedReceipt: the buyer confirmed receipt, which moves a delivery dispute to the buyer.
    ///   - durableWithinSixMonths: durable goods with a defect found within 6 months of receipt (CRPL-23).
    public static func burden(
        for kind: IssueKind, buyerConfirmedReceipt: Bool = false, durableWithinSixMonths: Bool = false
    ) -> Burden {
        switch kind {
        case .visibleDefect where durableWithinSixMonths, .hiddenDefect where durableWithinSixMonths:
            return Burden(
                party: .merchant,
                reason: LocalizedText(
                    en:
                        "durable goods, defect found within 6 months of receipt: the merchant proves there is none (CRPL-23)",
                    zh: "耐用商品自收货起六个月内发现瑕疵，由商家举证（消费者权益保护法第二十三条）"),
                expectedEvidence: [.testReport, .supplierInvoice])
        case .visibleDefect:
            return Burden(
                party: .buyer,
                reason: LocalizedText(
                    en: "a visible defect: the buyer shows it first; the merchant may then explain or rebut",
                    zh: "外观瑕疵：买家先行举证，商家再作说明或反驳"),
                expectedEvidence: [.photo, .video])
        case .hiddenDefect, .counterfeit:
            return Burden(
                party: .merchant,
                reason: LocalizedText(
                    en: "hidden defect or counterfeit: the merchant shows supplier invoices, customs papers or "
                        + "certificates, or the goods are returned and refunded",
                    zh: "内在质量或假冒争议：商家须提供进货凭证、报关单据或合格证明，否则退货退款"),
                expectedEvidence: [.supplierInvoice, .customs, .brandAuthentication, .testReport])
        case .deliveryMismatch where buyerConfirmedReceipt:
            return Burden(
                party: .buyer,
                reason: LocalizedText(
                    en: "the buyer confirmed receipt, so the buyer must show the mismatch",
                    zh: "买家已确认收货，由买家证明货物不符"),
                expectedEvidence: [.video, .photo])
        case .deliveryMismatch:
            return Burden(
                party: .merchant,
                reason: LocalizedText(
                    en:
                        "delivery mismatch: the merchant proves proper signing first; the buyer then proves the mismatch",
                    zh: "签收不符：商家先证明正常签收，买家再证明货物不符"),
                expectedEvidence: [.logistics])
        case .faultUndeterminable:
            return Burden(
                party: .merchant,
                reason: LocalizedText(
                    en: "fault undeterminable: follow trade custom or return and refund; the merchant pays outbound "
                        + "shipping, the buyer the return shipping",
                    zh: "责任无法查明：按交易习惯或退货退款处理，发货运费由商家承担，退货运费由买家承担"),
                expectedEvidence: [])
        }
    }
}

/// A point in dispute on a case: who bears the burden, the evidence that answers it, and the finding.
public struct DisputeIssue: Hashable, Codable, Sendable, Identifiable {
    /// The issue's number.
    public var id: Int64
    /// The case.
    public var caseID: Int64
    /// Its kind.
    public var kind: IssueKind
    /// The point, in the mediator's words.
    public var description: String
    /// Who must prove it first.
    public var burden: PartyRole
    /// The buyer had confirmed receipt when the issue was recorded.
    public var buyerConfirmedReceipt: Bool
    /// Durable goods with a defect found within 6 months of receipt.
    public var durableWithinSixMonths: Bool
    /// Evidence linked to it.
    public var evidenceIDs: [Int64]

    /// The burden rule that applies, with its reasoning and the evidence that answers it.
    public var burdenRule: Burden {
        BurdenRules.burden(
            for: kind, buyerConfirmedReceipt: buyerConfirmedReceipt, durableWithinSixMonths: durableWithinSixMonths)
    }
    /// The mediator's finding, once made.
    public var finding: Finding?
    /// The finding's reasoning.
    public var findingNote: String?

    /// Creates an issue.
    public init(
        id: Int64, caseID: Int64, kind: IssueKind, description: String, buyerConfirmedReceipt: Bool = false,
        durableWithinSixMonths: Bool = false, evidenceIDs: [Int64] = [], finding: Finding? = nil,
        findingNote: String? = nil
    ) {
        self.id = id
        self.caseID = caseID
        self.kind = kind
        self.description = description
        self.buyerConfirmedReceipt = buyerConfirmedReceipt
        self.durableWithinSixMonths = durableWithinSixMonths
        burden =
            BurdenRules.burden(
                for: kind, buyerConfirmedReceipt: buyerConfirmedReceipt, durableWithinSixMonths: durableWithinSixMonths
            ).party
        self.evidenceIDs = evidenceIDs
        self.finding = finding
        self.findingNote = findingNote
    }
}

/// A request to one party for evidence, open until its own deadline.
public struct EvidenceRequest: Hashable, Codable, Sendable, Identifiable {
    /// The request's number.
    public var id: Int64
    /// The case.
    public var caseID: Int64
    /// Who is asked.
    public var party: PartyRole
    /// What is asked for.
    public var what: String
    /// When the window opened.
    public var openedAt: Date
    /// When it closes.
    public var dueAt: Date

    /// Creates a request.
    public init(id: Int64, caseID: Int64, party: PartyRole, what: String, openedAt: Date, dueAt: Date) {
        self.id = id
        self.caseID = caseID
        self.party = party
        self.what = what
        self.openedAt = openedAt
        self.dueAt = dueAt
    }

    /// Whether evidence submitted at `time` by the requested party came inside the window.
    public func isOnTime(_ time: Date) -> Bool { time >= openedAt && time <= dueAt }
}
