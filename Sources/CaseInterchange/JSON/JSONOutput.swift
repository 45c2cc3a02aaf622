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
        String(decoding: try encoder.encode(value), as: UTF8.self)
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
