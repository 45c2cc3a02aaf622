import CaseModel
import Foundation

/// How the queue is sorted. Each order walks an index, so every page costs the same.
public enum QueueOrder: String, CaseIterable, Sendable {
    /// Soonest stage deadline first; cases without a running clock last.
    case deadline
    /// Largest claim first.
    case amount
    /// Oldest case first.
    case age
    /// Most urgent priority level first, then soonest deadline.
    case priority
}

/// Which cases the queue shows: filters that combine with AND, and the order.
public struct QueueQuery: Hashable, Sendable {
    /// The order.
    public var order: QueueOrder = .deadline
    /// Only these stages.
    public var stages: Set<Stage> = []
    /// Only this assignee's cases ("" for unassigned ones).
    public var assignee: String?
    /// Only cases whose clock ran out before this moment.
    public var overdueAt: Date?
    /// Only cases whose clock runs out between `dueWindow.lowerBound` and `dueWindow.upperBound`.
    public var dueWindow: ClosedRange<Date>?
    /// Only these categories.
    public var categories: Set<CaseModel.Category> = []
    /// Only claims at least this large.
    public var minClaim: Money?
    /// Only claims at most this large.
    public var maxClaim: Money?
    /// Only open cases (not closed, referred or withdrawn).
    public var openOnly = false
    /// Only cases carrying every one of these flags.
    public var flags: Set<CaseFlag> = []

    /// Every case, by deadline.
    public static let all = QueueQuery()

    /// Creates a query.
    public init(order: QueueOrder = .deadline) { self.order = order }

    /// Whether any filter is set.
    public var isFiltered: Bool { self != QueueQuery(order: order) }

}

/// Why a filter expression could not be read.
public struct FilterError: Error, Equatable, CustomStringConvertible {
    /// The word that could not be read.
    public var term: String
    /// What is wrong with it.
    public var reason: String

    public var description: String { "'\(term)': \(reason)" }
}

extension QueueQuery {
    /// Reads a filter expression: `stage:evidence,decision assignee:lin.mei unassigned overdue open
    /// category:counterfeit flag:platform_interest amount:>=1000 amount:<5000 sort:priority`. Terms combine with AND.
    ///
    /// - Parameter now: the moment "overdue" is judged at.
    public static func parse(_ text: String, now: Date) throws(FilterError) -> QueueQuery {
        var query = QueueQuery()
        for term in text.split(whereSeparator: { $0.isWhitespace }).map(String.init) {
            let lower = term.lowercased()
            switch lower {
            case "overdue":
                query.overdueAt = now
                continue
            case "unassigned":
                query.assignee = ""
                continue
            case "open":
                query.openOnly = true
                continue
            default: break
            }
            guard let colon = term.firstIndex(of: ":") else {
                throw FilterError(
                    term: term,
                    reason:
                        "expected key:value, or overdue, unassigned, open; keys: stage, assignee, category, flag, amount, sort"
                )
            }
            let key = term[..<colon].lowercased()
            let value = String(term[term.index(after: colon)...])
            guard !value.isEmpty else { throw FilterError(term: term, reason: "has no value") }
            switch key {
            case "stage":
                query.stages = try stages(value, term: term)
            case "category":
                query.categories = try values(value, term: term, kind: "category")
            case "assignee":
                query.assignee = value
            case "flag":
                query.flags = try values(value, term: term, kind: "flag")
            case "amount":
                var rest = Substring(value)
                var op = "="
                for candidate in [">=", "<=", ">", "<", "="] where rest.hasPrefix(candidate) {
                    op = candidate
                    rest = rest.dropFirst(candidate.count)
                    break
                }
                guard let money = Money(yuanString: String(rest)), money.fen >= 0 else {
                    throw FilterError(term: term, reason: "expected an amount in yuan, e.g. amount:>=1000")
                }
                switch op {
                case ">=": query.minClaim = money
                case ">": query.minClaim = Money(fen: money.fen + 1)
                case "<=": query.maxClaim = money
                case "<": query.maxClaim = Money(fen: money.fen - 1)
                default:
                    query.minClaim = money
                    query.maxClaim = money
                }
            case "sort":
                guard let order = QueueOrder(rawValue: value.lowercased()) else {
                    throw FilterError(term: term, reason: "sort by deadline, amount, age or priority")
                }
                query.order = order
            default:
                throw FilterError(
                    term: term, reason: "unknown key '\(key)'; keys: stage, assignee, category, flag, amount, sort")
            }
        }
        return query
    }

    /// Stages by any name the console shows: `merchant_response`, its label in English
    /// (`merchant`) or Chinese (`待商家处理`), or a prefix that names exactly one stage (`merch`).
    static func stages(_ text: String, term: String) throws(FilterError) -> Set<Stage> {
        var result: Set<Stage> = []
        for raw in text.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }) {
            let name = raw.lowercased()
            if let exact = Stage.allCases.first(where: {
                $0.rawValue == name || $0.label.en == name || $0.label.zh == name
            }) {
                result.insert(exact)
                continue
            }
            let prefixed = Stage.allCases.filter { $0.rawValue.hasPrefix(name) || $0.label.zh.hasPrefix(name) }
            guard prefixed.count == 1, let only = prefixed.first else {
                let choices = Stage.allCases.map { "\($0.rawValue) (\($0.label.en), \($0.label.zh))" }
                throw FilterError(
                    term: term,
                    reason: prefixed.isEmpty
                        ? "unknown stage '\(raw)'; stages: \(choices.joined(separator: ", "))"
                        : "'\(raw)' could be \(prefixed.map(\.rawValue).joined(separator: " or ")); say which")
            }
            result.insert(only)
        }
        return result
    }

    /// A comma-separated list of known values, or an error naming the unknown one and the choices.
    package static func values<T: RawRepresentable & CaseIterable & Hashable>(
        _ text: String, term: String, kind: String
    ) throws(FilterError) -> Set<T> where T.RawValue == String {
        var result: Set<T> = []
        for name in text.split(separator: ",") {
            guard let value = T(rawValue: String(name)) else {
                let choices = T.allCases.map(\.rawValue).joined(separator: ", ")
                throw FilterError(term: term, reason: "unknown \(kind) '\(name)'; \(kind)s: \(choices)")
            }
            result.insert(value)
        }
        return result
    }
}
