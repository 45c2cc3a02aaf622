/// A rule pack that cannot be used, located by file, line and key so its author can fix it.
public struct RulePackError: Error, Equatable, CustomStringConvertible {
    /// The pack file's name.
    public var file: String
    /// The 1-based line of the offending value, when known.
    public var line: Int?
    /// The dotted key path: "stages.merchant_response.deadline".
    public var key: String
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(file: String, line: Int?, key: String, reason: String) {
        self.file = file
        self.line = line
        self.key = key
        self.reason = reason
    }

    /// "marketplace.yaml:12: stages.merchant_response.deadline: '24x' is not a duration …".
    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return key.isEmpty ? "\(location): \(reason)" : "\(location): \(key): \(reason)"
    }
}
