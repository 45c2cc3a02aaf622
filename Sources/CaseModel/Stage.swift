/// A stage of the dispute lifecycle (docs/domain.md §3).
public enum Stage: String, CaseIterable, Codable, Sendable {
    case filed
    case merchantResponse = "merchant_response"
    case negotiation
    case intervention
    case evidence
    case juryReview = "jury_review"
    case decision
    case execution
    case appealWindow = "appeal_window"
    case appealReview = "appeal_review"
    case suspended
    case referred
    case withdrawn
    case closed

    /// Whether the stage is final: no transition leaves it.
    public var isTerminal: Bool {
        switch self {
        case .closed, .referred, .withdrawn: true
        default: false
        }
    }

    /// Whether a case in this stage is still being worked.
    public var isOpen: Bool { !isTerminal }

    /// A label for narrow columns and the detail pane.
    public var label: LocalizedText {
        switch self {
        case .filed: LocalizedText(en: "filed", zh: "已提交")
        case .merchantResponse: LocalizedText(en: "merchant", zh: "待商家处理")
        case .negotiation: LocalizedText(en: "negotiate", zh: "协商中")
        case .intervention: LocalizedText(en: "intervene", zh: "客服介入")
        case .evidence: LocalizedText(en: "evidence", zh: "举证中")
        case .juryReview: LocalizedText(en: "jury", zh: "大众评审")
        case .decision: LocalizedText(en: "decision", zh: "待裁决")
        case .execution: LocalizedText(en: "execution", zh: "执行中")
        case .appealWindow: LocalizedText(en: "appealable", zh: "申诉期")
        case .appealReview: LocalizedText(en: "appeal", zh: "申诉复核")
        case .suspended: LocalizedText(en: "suspended", zh: "中止")
        case .referred: LocalizedText(en: "referred", zh: "已移送")
        case .withdrawn: LocalizedText(en: "withdrawn", zh: "已撤回")
        case .closed: LocalizedText(en: "closed", zh: "已结案")
        }
    }
}
