/// A marker on a case that changes how it is handled.
public enum CaseFlag: String, CaseIterable, Codable, Sendable, Comparable {
    /// The platform may itself be liable (E-commerce Law art. 38): needs an independent observer.
    case platformInterest = "platform_interest"
    /// Life, health or safety is at stake.
    case safetyRisk = "safety_risk"
    /// The claim may go to court (large, personal injury, or unresolved damages).
    case courtRisk = "court_risk"
    /// A ruling waits for a supervisor's review (set and cleared by the ruling workflow).
    case reviewPending = "review_pending"
    /// An obligation the ruling ordered is past its deadline (set and cleared by the sweeper and fulfilment).
    case obligationOverdue = "obligation_overdue"

    /// Whether staff set and clear the flag by hand; the others follow the case's state.
    public var isManual: Bool { self == .platformInterest || self == .safetyRisk || self == .courtRisk }

    public static func < (lhs: CaseFlag, rhs: CaseFlag) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A label for the detail pane.
    public var label: LocalizedText {
        switch self {
        case .platformInterest: LocalizedText(en: "platform interest", zh: "平台利益相关")
        case .safetyRisk: LocalizedText(en: "safety risk", zh: "安全风险")
        case .courtRisk: LocalizedText(en: "court risk", zh: "可能诉讼")
        case .reviewPending: LocalizedText(en: "review pending", zh: "待审核")
        case .obligationOverdue: LocalizedText(en: "obligation overdue", zh: "履行逾期")
        }
    }
}

/// How urgent a case is, 1 (most) to 4 (least), before its deadline breaks ties.
public enum Priority {
    /// The levels, most urgent first.
    public static let levels = 1...4

    /// The level a case starts with: safety, fraud and counterfeit first, then large claims.
    public static func initial(category: Category, claim: Money) -> Int {
        switch category {
        case .safety, .fraud: return 1
        case .counterfeit: return 2
        default: return claim >= .yuan(5000) ? 2 : 3
        }
    }
}
