import CaseModel
import Crypto
import Foundation

/// A signed checkpoint of the audit chain: how many records it held, the last one's hash, and
/// when, signed with an Ed25519 key kept outside the database. Published (a ticket, an email, a
/// second host's file), it lets anyone prove later that nothing at or before that record changed
/// and that no record after it was cut off, even by someone who rewrote and rehashed the chain.
///
/// One anchor is one JSON line: `{"at":…,"hash":…,"public_key":…,"records":…,"signature":…,"v":1}`.
public struct Anchor: Codable, Hashable, Sendable {
    /// The format version.
    public var v: Int
    /// The number of the last audit record the anchor covers.
    public var records: Int64
    /// That record's hash.
    public var hash: String
    /// When it was signed (ISO 8601).
    public var at: String
    /// The signing key's public half, base64.
    public var publicKey: String
    /// The Ed25519 signature over `message`, base64.
    public var signature: String

    enum CodingKeys: String, CodingKey {
        case v, records, hash, at, signature
        case publicKey = "public_key"
    }

    /// The exact bytes signed.
    var message: Data { Data("casedesk-anchor/v1|\(records)|\(hash)|\(at)".utf8) }

    /// Signs the head of a chain.
    public static func sign(records: Int64, hash: String, at: Date, key: Curve25519.Signing.PrivateKey) throws -> Anchor
    {
        var anchor = Anchor(
            v: 1, records: records, hash: hash, at: ISO8601Time.string(at),
            publicKey: key.publicKey.rawRepresentation.base64EncodedString(), signature: "")
        anchor.signature = try key.signature(for: anchor.message).base64EncodedString()
        return anchor
    }

    /// Whether the signature is the named public key's over the anchor's fields.
    public var isSignatureValid: Bool {
        guard v == 1, let raw = Data(base64Encoded: publicKey),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw),
            let signed = Data(base64Encoded: signature)
        else { return false }
        return key.isValidSignature(signed, for: message)
    }

    /// The anchor as a line of an anchors file.
    public var line: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// Reads an anchors file: one anchor per line (blank lines and `#` comments skipped); a line
    /// that is not an anchor is an error naming it.
    public static func parse(_ text: String) throws -> [Anchor] {
        var anchors: [Anchor] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let anchor = try? JSONDecoder().decode(Anchor.self, from: Data(line.utf8)) else {
                throw ImportError(line: index + 1, reason: "not an anchor line")
            }
            anchors.append(anchor)
        }
        return anchors
    }

    /// A new signing key, or the one stored at `path` (its raw bytes, base64).
    public static func key(at path: String) throws -> (key: Curve25519.Signing.PrivateKey, created: Bool) {
        // Only a key that is not there is created: one that cannot be read is an error, never replaced.
        if FileManager.default.fileExists(atPath: path)
            || (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
        {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw AnchorError("\(path) exists but cannot be read: it is left as it is")
            }
            guard let raw = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
                let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
            else { throw AnchorError("\(path) is not a CaseDesk anchor key") }
            return (key, false)
        }
        return (Curve25519.Signing.PrivateKey(), true)
    }

    /// The public half of the key stored at `path`, base64, if it is there and readable.
    public static func publicKey(at path: String) -> String? {
        guard FileManager.default.fileExists(atPath: path), let (key, _) = try? key(at: path) else { return nil }
        return key.publicKey.rawRepresentation.base64EncodedString()
    }

    /// The key's stored form (to write, mode 0600, outside the database's folder).
    public static func stored(_ key: Curve25519.Signing.PrivateKey) -> String {
        key.rawRepresentation.base64EncodedString() + "\n"
    }
}

/// The key anchors are signed with (Ed25519).
public typealias Curve25519SigningKey = Curve25519.Signing.PrivateKey

/// An anchor key or file that cannot be used.
public struct AnchorError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
