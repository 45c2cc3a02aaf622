/// A marker on a case that changes how it is handled.
public enum CaseFlag: String, CaseIterable, Codable, Sendable, Comparable {
    /// The platform may itself be liable (E-commerce Law art. 38): needs an independent observer.
    case platformInterest = "platform_interest"
    /// Life, health or safety is at stake.
    case safetyRisk = "safety_risk"
    /// The claim may go to court (large, personal injury, or unresolved damages).
    case courtRisk = "court_risk"

    public static func < (lhs: CaseFlag, rhs: CaseFlag) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A label for the detail pane.
    public var label: LocalizedText {
        switch self {
        case .platformInterest: LocalizedText(en: "platform interest", zh: "平台利益相关")
        case .safetyRisk: LocalizedText(en: "safety risk", zh: "安全风险")
        case .courtRisk: LocalizedText(en: "court risk", zh: "可能诉讼")
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
