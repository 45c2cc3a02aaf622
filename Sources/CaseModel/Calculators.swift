import Foundation

/// A statutory amount with the arithmetic that produced it, so a ruling can show its working.
public struct Award: Hashable, Sendable {
    /// The amount.
    public var amount: Money
    /// How it was computed: "3 × ¥166.66 = ¥499.98; below the ¥500.00 minimum → ¥500.00".
    public var formula: String
    /// The statute it rests on.
    public var statute: String
}

/// Goods the 7-day no-reason return does not cover (CRPL-25).
public enum ReturnExclusion: String, CaseIterable, Codable, Sendable {
    case customMade = "custom_made"
    case perishable
    case unsealedDigital = "unsealed_digital"
    case periodical
    case markedNonReturnable = "marked_non_returnable"

    /// A label for notices.
    public var label: LocalizedText {
        switch self {
        case .customMade: LocalizedText(en: "custom-made goods", zh: "消费者定作的商品")
        case .perishable: LocalizedText(en: "fresh or perishable goods", zh: "鲜活易腐的商品")
        case .unsealedDigital: LocalizedText(en: "unsealed digital goods", zh: "已拆封的数字化商品")
        case .periodical: LocalizedText(en: "newspapers and periodicals", zh: "交付的报纸、期刊")
        case .markedNonReturnable: LocalizedText(en: "goods marked non-returnable at purchase", zh: "购买时确认不宜退货的商品")
        }
    }
}

/// Whether a 7-day no-reason return is still open, and until when.
public struct ReturnEligibility: Hashable, Sendable {
    /// Whether the buyer may return without a reason now.
    public var eligible: Bool
    /// The end of the window: the end of the 7th day after the day of signing.
    public var windowEnds: Date
    /// Why not, when not.
    public var reason: LocalizedText?
}

/// The statutory calculators of docs/domain.md §5, in integer fen.
public enum Calculators {
    /// CRPL-55 fraud: extra damages of 3 × the price paid, at least 500 yuan.
    public static func crpl55Fraud(pricePaid: Money) -> Award {
        let tripled = pricePaid.times(3)
        let minimum = Money.yuan(500)
        var formula = "3 × \(pricePaid.formatted) = \(tripled.formatted)"
        let amount = max(tripled, minimum)
        if tripled < minimum { formula += "; below the \(minimum.formatted) minimum → \(minimum.formatted)" }
        return Award(amount: amount, formula: formula, statute: "CRPL-55")
    }

    /// FSL-148 unsafe food: 10 × the price paid, or 3 × the loss if larger, at least 1,000 yuan.
    public static func fsl148UnsafeFood(pricePaid: Money, loss: Money = .zero) -> Award {
        let byPrice = pricePaid.times(10)
        let byLoss = loss.times(3)
        let minimum = Money.yuan(1000)
        var formula = "10 × \(pricePaid.formatted) = \(byPrice.formatted)"
        var amount = byPrice
        if loss.fen > 0 {
            formula += "; 3 × loss \(loss.formatted) = \(byLoss.formatted)"
            if byLoss > byPrice {
                amount = byLoss
                formula += "; the larger → \(byLoss.formatted)"
            }
        }
        if amount < minimum {
            formula += "; below the \(minimum.formatted) minimum → \(minimum.formatted)"
            amount = minimum
        }
        return Award(amount: amount, formula: formula, statute: "FSL-148")
    }

    /// CRPL-25: the no-reason window runs 7 days from the day after signing, to the end of the 7th day.
    public static func crpl25NoReasonReturn(
        signedAt: Date, now: Date, timeZone: TimeZone, exclusion: ReturnExclusion? = nil
    ) -> ReturnEligibility {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let signingDay = calendar.startOfDay(for: signedAt)
        let windowEnds = calendar.date(byAdding: .day, value: 8, to: signingDay)!
        if let exclusion {
            return ReturnEligibility(
                eligible: false, windowEnds: windowEnds,
                reason: LocalizedText(
                    en: "excluded from no-reason return: \(exclusion.label.en) (CRPL-25)",
                    zh: "不适用七日无理由退货：\(exclusion.label.zh)（消费者权益保护法第二十五条）"))
        }
        guard now < windowEnds else {
            return ReturnEligibility(
                eligible: false, windowEnds: windowEnds,
                reason: LocalizedText(
                    en: "the 7-day window after signing has ended", zh: "签收次日起七日的期限已过"))
        }
        return ReturnEligibility(eligible: true, windowEnds: windowEnds, reason: nil)
    }
}
