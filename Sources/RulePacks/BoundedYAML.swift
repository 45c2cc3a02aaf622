import Foundation
import Yams

/// YAML read with a ceiling on its size once aliases are expanded, so a few hundred bytes of
/// nested aliases (a "billion laughs" file) are refused instead of taking gigabytes.
///
/// Composing shares an aliased node's storage; only turning it into values would expand it.
/// Every file CaseDesk reads as YAML (rule packs, the catalogue, scenarios) passes through here.
public enum BoundedYAML {
    /// The most nodes a file may hold with its aliases expanded: far above any real pack or scenario.
    public static let maximumNodes = 200_000

    /// The file is too large once its aliases are expanded.
    public struct TooLarge: Error, CustomStringConvertible, Sendable {
        public var description: String {
            "the YAML expands to more than \(BoundedYAML.maximumNodes) nodes through its aliases (&/*): refused"
        }
    }

    /// Composes `text`, refusing it when its expanded size passes `maximumNodes`.
    public static func compose(_ text: String, maximumNodes: Int = maximumNodes) throws -> Node? {
        guard let root = try Yams.compose(yaml: text) else { return nil }
        var budget = maximumNodes
        try count(root, &budget)
        return root
    }

    /// Loads `text` as plain values (maps, lists, scalars), within the same ceiling.
    public static func load(_ text: String) throws -> Any? {
        guard try compose(text) != nil else { return nil }
        return try Yams.load(yaml: text)
    }

    static func count(_ node: Node, _ budget: inout Int) throws {
        budget -= 1
        guard budget >= 0 else { throw TooLarge() }
        switch node {
        case .scalar, .alias: return
        case .sequence(let sequence): for item in sequence { try count(item, &budget) }
        case .mapping(let mapping):
            for (key, value) in mapping {
                try count(key, &budget)
                try count(value, &budget)
            }
        }
    }
}
