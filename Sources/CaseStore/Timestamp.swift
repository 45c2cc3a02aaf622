import Foundation

/// Dates are stored as whole seconds since 1970 UTC: compact, indexable, exact.
package enum Timestamp {
    package static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
    package static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
}
