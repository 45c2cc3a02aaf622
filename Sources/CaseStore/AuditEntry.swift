import Foundation

/// One record of the append-only, hash-chained audit log.
public struct AuditEntry: Hashable, Sendable, Identifiable {
    /// The record's position in the log.
    public var id: Int64
    /// When the change was made.
    public var at: Date
    /// Who made it (a staff name, or "system").
    public var actor: String
    /// What was done, as a command name.
    public var action: String
    /// The case concerned, if any.
    public var caseID: Int64?
    /// A one-line before/after summary.
    public var detail: String
    /// The previous record's hash (64 zeros for the first).
    public var prevHash: String
    /// SHA-256 over this record's fields and `prevHash`.
    public var hash: String
}

/// Appends audit records inside the caller's transaction, extending the hash chain.
enum AuditLog {
    static let genesis = String(repeating: "0", count: 64)

    /// The hash of a record: every field and the previous hash, unambiguously delimited.
    static func hash(
        prev: String, at: Int64, actor: String, action: String, caseID: Int64?, detail: String
    ) -> String {
        let fields = [prev, String(at), actor, action, caseID.map(String.init) ?? "", detail]
        // Length-prefix each field so no two different records serialise alike.
        let canonical = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return Hashing.sha256Hex(canonical)
    }
}
