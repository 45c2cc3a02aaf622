import CaseModel
import Foundation

/// How the CLI writes JSON: pretty, keys sorted, slashes unescaped, times as ISO 8601 UTC.
public enum JSONOutput {
    /// The encoder every `--json` output uses.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601Time.string(date))
        }
        return encoder
    }

    /// `value` as the CLI prints it.
    public static func text<T: Encodable>(_ value: T) throws -> String {
        escapingControls(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// JSON text with every control character the encoder leaves raw (DEL, C1, bidi controls,
    /// line and paragraph separators) written as a `\uXXXX` escape: the same JSON value, but
    /// nothing in it can drive a terminal or reorder what a reader sees. Outside strings JSON
    /// is plain ASCII, so every such character is inside a string, where the escape is exact.
    public static func escapingControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: isEscaped) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            guard isEscaped(scalar) else {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16)
            out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        }
        return String(out)
    }

    static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || value == 0x200E || value == 0x200F || value == 0x061C || value == 0x2028 || value == 0x2029
    }
}

/// An optional field written as `null` when empty, so every key of a shape is always present
/// (a plain optional would be left out).
@propertyWrapper
public struct Null<Value: Encodable & Sendable>: Encodable, Sendable {
    /// The value, if any.
    public var wrappedValue: Value?

    /// Wraps a value.
    public init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension Null: Decodable where Value: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }
}

extension KeyedDecodingContainer {
    /// A `Null` field whose key is missing reads as nil, as a plain optional would.
    public func decode<Value: Decodable>(_ type: Null<Value>.Type, forKey key: Key) throws -> Null<Value> {
        try decodeIfPresent(type, forKey: key) ?? Null(wrappedValue: nil)
    }
}
