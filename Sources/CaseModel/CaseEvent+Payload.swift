import Foundation

extension CaseEvent {
    /// The payload format written today; a reader refuses a newer one rather than misread it.
    public static let payloadVersion = 1

    /// The event as the audit log stores it: canonical JSON (keys sorted, times as whole
    /// seconds since 1970), wrapped with the payload version, so the same event always gives
    /// the same bytes and the same hash on every store.
    public func payload() throws -> String {
        String(decoding: try Self.canonical.encode(Envelope(v: Self.payloadVersion, event: self)), as: UTF8.self)
    }

    /// One configured encoder for every payload: building one per event costs a write more than
    /// its SQL. It is never reconfigured after this, and encoding keeps its state per call.
    private static let canonical = encoder

    /// Reads a stored payload back.
    public init(payload: String) throws {
        let envelope = try Self.decoder.decode(Envelope.self, from: Data(payload.utf8))
        guard envelope.v <= Self.payloadVersion else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [], debugDescription: "payload version \(envelope.v) is newer than this CaseDesk"))
        }
        self = envelope.event
    }

    private struct Envelope: Codable {
        var v: Int
        var event: CaseEvent
    }

    /// The canonical encoder for payloads (and for anything hashed beside them).
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Int64(date.timeIntervalSince1970.rounded(.down)))
        }
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            Date(timeIntervalSince1970: TimeInterval(try decoder.singleValueContainer().decode(Int64.self)))
        }
        return decoder
    }
}
