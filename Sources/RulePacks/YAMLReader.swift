import Yams

/// Reads a composed YAML tree strictly: unknown keys, duplicates and wrong types are errors with lines.
struct YAMLReader {
    let file: String

    func error(_ node: Node?, _ key: String, _ reason: String) -> RulePackError {
        RulePackError(file: file, line: node?.mark.map { $0.line }, key: key, reason: reason)
    }

    /// The mapping's entries by key, refusing keys outside `allowed` and repeated keys.
    func mapping(_ node: Node, _ path: String, allowed: Set<String>) throws(RulePackError) -> [String: Node] {
        guard case .mapping(let mapping) = node else { throw error(node, path, "expected a mapping of keys") }
        var entries: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { throw error(keyNode, path, "keys must be plain text") }
            let full = path.isEmpty ? key : "\(path).\(key)"
            guard allowed.contains(key) else {
                throw error(keyNode, full, "unknown key; expected one of \(allowed.sorted().joined(separator: ", "))")
            }
            guard entries[key] == nil else { throw error(keyNode, full, "appears twice") }
            entries[key] = value
        }
        return entries
    }

    func required(_ entries: [String: Node], _ key: String, _ path: String, in parent: Node) throws(RulePackError)
        -> Node
    {
        guard let node = entries[key] else {
            throw error(parent, path.isEmpty ? key : "\(path).\(key)", "is required")
        }
        return node
    }

    func string(_ node: Node, _ path: String) throws(RulePackError) -> String {
        guard case .scalar(let scalar) = node else { throw error(node, path, "expected text") }
        return scalar.string
    }

    func int(_ node: Node, _ path: String, range: ClosedRange<Int>) throws(RulePackError) -> Int {
        guard case .scalar(let scalar) = node, let value = Int(scalar.string), range.contains(value) else {
            throw error(node, path, "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func strings(_ node: Node, _ path: String) throws(RulePackError) -> [(String, Node)] {
        guard case .sequence(let sequence) = node else { throw error(node, path, "expected a list") }
        var result: [(String, Node)] = []
        for item in sequence {
            result.append((try string(item, path), item))
        }
        return result
    }
}
