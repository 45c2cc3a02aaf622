import Foundation

/// What an item of evidence is (docs/domain.md §7).
public enum EvidenceKind: String, CaseIterable, Codable, Sendable {
    case chatLog = "chat_log"
    case orderSnapshot = "order_snapshot"
    case photo
    case video
    case logistics
    case supplierInvoice = "supplier_invoice"
    case customs
    case testReport = "test_report"
    case brandAuthentication = "brand_authentication"
    case invoice
    case returnTracking = "return_tracking"
    case statement

    /// A short label for the evidence pane.
    public var label: LocalizedText {
        switch self {
        case .chatLog: LocalizedText(en: "chat log", zh: "聊天记录")
        case .orderSnapshot: LocalizedText(en: "order snapshot", zh: "订单快照")
        case .photo: LocalizedText(en: "photo", zh: "照片")
        case .video: LocalizedText(en: "video", zh: "视频")
        case .logistics: LocalizedText(en: "logistics", zh: "物流记录")
        case .supplierInvoice: LocalizedText(en: "supplier invoice", zh: "进货凭证")
        case .customs: LocalizedText(en: "customs papers", zh: "报关单据")
        case .testReport: LocalizedText(en: "test report", zh: "检测报告")
        case .brandAuthentication: LocalizedText(en: "brand check", zh: "品牌鉴定")
        case .invoice: LocalizedText(en: "invoice", zh: "发票保修卡")
        case .returnTracking: LocalizedText(en: "return tracking", zh: "退货单号")
        case .statement: LocalizedText(en: "statement", zh: "陈述")
        }
    }
}

/// Who brought an item of evidence.
public enum EvidenceSource: String, CaseIterable, Codable, Sendable {
    case buyer, merchant, platform, appraiser, mediator

    /// A short label for the evidence pane.
    public var label: LocalizedText {
        switch self {
        case .buyer: LocalizedText(en: "buyer", zh: "买家")
        case .merchant: LocalizedText(en: "merchant", zh: "商家")
        case .platform: LocalizedText(en: "platform", zh: "平台")
        case .appraiser: LocalizedText(en: "appraiser", zh: "鉴定机构")
        case .mediator: LocalizedText(en: "mediator", zh: "客服")
        }
    }
}

/// One item of evidence, fixed by the SHA-256 of its content.
public struct Evidence: Hashable, Codable, Sendable, Identifiable {
    /// The item's number; unique within a database.
    public var id: Int64
    /// The case the item belongs to.
    public var caseID: Int64
    /// What the item is.
    public var kind: EvidenceKind
    /// Who brought it.
    public var source: EvidenceSource
    /// What it shows, in the submitter's words.
    public var description: String
    /// The SHA-256 of the content, as 64 lowercase hex digits.
    public var sha256: String
    /// When it was submitted.
    public var submittedAt: Date

    /// Creates an item of evidence.
    public init(
        id: Int64, caseID: Int64, kind: EvidenceKind, source: EvidenceSource,
        description: String, sha256: String, submittedAt: Date
    ) {
        self.id = id
        self.caseID = caseID
        self.kind = kind
        self.source = source
        self.description = description
        self.sha256 = sha256
        self.submittedAt = submittedAt
    }

    /// The first eight hex digits, enough to tell items apart on screen.
    public var shortHash: String { String(sha256.prefix(8)) }
}

/// Whether an item of evidence came inside the window its party was given.
public enum Timeliness: String, Codable, Sendable {
    /// Inside a window opened for its party.
    case onTime = "on_time"
    /// After its party's window closed.
    case late
    /// Not asked for: the platform's own records, an appraiser's report, or submitted unprompted.
    case unrequested

    /// How the console says it.
    public var label: LocalizedText {
        switch self {
        case .onTime: LocalizedText(en: "on time", zh: "按时提交")
        case .late: LocalizedText(en: "late", zh: "逾期提交")
        case .unrequested: LocalizedText(en: "unrequested", zh: "未经要求提交")
        }
    }
}

extension Evidence {
    /// How the item stands against the evidence requests of its case.
    public func timeliness(requests: [EvidenceRequest]) -> Timeliness {
        let party: PartyRole
        switch source {
        case .buyer: party = .buyer
        case .merchant: party = .merchant
        default: return .unrequested
        }
        let windows = requests.filter { $0.party == party }
        if windows.contains(where: { $0.isOnTime(submittedAt) }) { return .onTime }
        if windows.contains(where: { submittedAt > $0.dueAt }) { return .late }
        return .unrequested
    }
}
