import Foundation

/// An amount of renminbi in integer fen (1 yuan = 100 fen); never floating point.
public struct Money: Hashable, Comparable, Codable, Sendable {
    /// The amount in fen.
    public var fen: Int64

    /// Creates an amount from fen.
    public init(fen: Int64) { self.fen = fen }

    /// Creates an amount from whole yuan.
    public static func yuan(_ yuan: Int64) -> Money { Money(fen: yuan * 100) }

    /// Zero fen.
    public static let zero = Money(fen: 0)

    /// The largest amount CaseDesk accepts from outside (an import, the CLI, a form):
    /// ¥100,000,000,000.00. Statutory multiples of it (10 × for FSL-148) stay far inside Int64.
    public static let maximum = Money(fen: 10_000_000_000_000)

    /// Whether the amount is within ±`maximum`.
    public var isWithinBounds: Bool { fen.magnitude <= Money.maximum.fen.magnitude }

    /// `self × factor`, saturating at the ends of Int64 instead of trapping (for values
    /// already stored out of bounds by an older CaseDesk; new inputs are bounded).
    public func times(_ factor: Int64) -> Money {
        let (product, overflow) = fen.multipliedReportingOverflow(by: factor)
        guard overflow else { return Money(fen: product) }
        return Money(fen: (fen < 0) != (factor < 0) ? .min : .max)
    }

    /// `self + other`, saturating instead of trapping.
    public func plus(_ other: Money) -> Money {
        let (sum, overflow) = fen.addingReportingOverflow(other.fen)
        guard overflow else { return Money(fen: sum) }
        return Money(fen: other.fen < 0 ? .min : .max)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }

    /// "¥1,299.00": grouped yuan with two decimals, exact for any fen value.
    public var formatted: String {
        let negative = fen < 0
        let magnitude = fen.magnitude
        let yuanPart = String(magnitude / 100)
        let fenPart = magnitude % 100
        var grouped = ""
        for (index, digit) in yuanPart.reversed().enumerated() {
            if index > 0 && index % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        let cents = fenPart < 10 ? "0\(fenPart)" : "\(fenPart)"
        return (negative ? "-¥" : "¥") + String(grouped.reversed()) + "." + cents
    }

    /// "¥1299": whole yuan only when the amount is whole, for narrow columns.
    public var compact: String {
        if fen % 100 == 0 { return (fen < 0 ? "-¥" : "¥") + String(fen.magnitude / 100) }
        return formatted.replacingOccurrences(of: ",", with: "")
    }

    /// Parses "1299", "1299.5", "1,299.50" or "¥1299" as yuan into exact fen.
    public init?(yuanString raw: String) {
        var text = raw.trimmingCharacters(in: .whitespaces)
        text = text.replacingOccurrences(of: ",", with: "")
        if text.hasPrefix("¥") { text.removeFirst() }
        var negative = false
        if text.hasPrefix("-") {
            negative = true
            text.removeFirst()
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
            whole.allSatisfy(\.isASCII), let yuan = Int64(whole)
        else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let frac = parts[1]
            guard (1...2).contains(frac.count), frac.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int64(frac)
            else { return nil }
            cents = frac.count == 1 ? value * 10 : value
        }
        let (product, overflow) = yuan.multipliedReportingOverflow(by: 100)
        guard !overflow, product <= Money.maximum.fen - cents else { return nil }
        fen = (product + cents) * (negative ? -1 : 1)
    }
}
