/// The nature of a dispute, after the consumer-association categories (docs/domain.md §10).
public enum Category: String, CaseIterable, Codable, Sendable {
    case notReceived = "not_received"
    case damaged
    case wrongItem = "wrong_item"
    case notAsDescribed = "not_as_described"
    case quality
    case counterfeit
    case missingGift = "missing_gift"
    case shippingFee = "shipping_fee"
    case invoice
    case priceError = "price_error"
    case customMade = "custom_made"
    case noReasonReturn = "no_reason_return"
    case fraud
    case safety
    case other

    /// A short label for the detail pane.
    public var label: LocalizedText {
        switch self {
        case .notReceived: LocalizedText(en: "not received", zh: "未收到货")
        case .damaged: LocalizedText(en: "damaged", zh: "货物破损")
        case .wrongItem: LocalizedText(en: "wrong item", zh: "错发漏发")
        case .notAsDescribed: LocalizedText(en: "not as described", zh: "描述不符")
        case .quality: LocalizedText(en: "quality", zh: "质量问题")
        case .counterfeit: LocalizedText(en: "counterfeit", zh: "假冒商品")
        case .missingGift: LocalizedText(en: "missing gift", zh: "赠品未送")
        case .shippingFee: LocalizedText(en: "shipping fee", zh: "运费纠纷")
        case .invoice: LocalizedText(en: "invoice", zh: "发票问题")
        case .priceError: LocalizedText(en: "price error", zh: "价格错误")
        case .customMade: LocalizedText(en: "custom-made", zh: "定制商品")
        case .noReasonReturn: LocalizedText(en: "7-day return", zh: "七日无理由")
        case .fraud: LocalizedText(en: "fraud", zh: "欺诈")
        case .safety: LocalizedText(en: "safety", zh: "安全问题")
        case .other: LocalizedText(en: "other", zh: "其他")
        }
    }
}

/// What the buyer asks for when filing (docs/domain.md §3).
public enum RequestType: String, CaseIterable, Codable, Sendable {
    case refundOnly = "refund_only"
    case returnAndRefund = "return_and_refund"
    case exchange
    case repair
    case compensation

    /// A short label for the detail pane.
    public var label: LocalizedText {
        switch self {
        case .refundOnly: LocalizedText(en: "refund only", zh: "仅退款")
        case .returnAndRefund: LocalizedText(en: "return & refund", zh: "退货退款")
        case .exchange: LocalizedText(en: "exchange", zh: "换货")
        case .repair: LocalizedText(en: "repair", zh: "维修")
        case .compensation: LocalizedText(en: "compensation", zh: "赔偿")
        }
    }
}
