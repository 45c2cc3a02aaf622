import CaseInterchange
import CaseModel
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
    /// The event's kind ("taken", "ruled"); nil for a record written before events were typed.
    public var kind: String?
    /// The event's canonical JSON, as hashed; nil for a record written before events were typed.
    public var payload: String?
    /// The operating-system login of the person who really made the change (it differs from
    /// `actor` when an admin acts as someone else); nil for a record written before v12.
    public var login: String?

    /// Creates a record as read from a store.
    public init(
        id: Int64, at: Date, actor: String, action: String, caseID: Int64?, detail: String, prevHash: String,
        hash: String, kind: String? = nil, payload: String? = nil, login: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.caseID = caseID
        self.detail = detail
        self.prevHash = prevHash
        self.hash = hash
        self.kind = kind
        self.payload = payload
        self.login = login
    }

    /// The typed event, when the record carries one that this CaseDesk can read.
    public var event: CaseEvent? { payload.flatMap { try? CaseEvent(payload: $0) } }
}

/// Appends audit records inside the caller's transaction, extending the hash chain.
package enum AuditLog {
    package static let genesis = String(repeating: "0", count: 64)

    /// The hash of a record: every field and the previous hash, unambiguously delimited.
    ///
    /// A typed record's kind and payload are hashed after the rest, then (from v12) its record
    /// number and the real login, so a record cannot be renumbered, dropped from the middle and
    /// rechained in place, or credited to someone else. A record written before typed events has
    /// none of them and hashes exactly as it always did.
    package static func hash(
        prev: String, at: Int64, actor: String, action: String, caseID: Int64?, detail: String,
        kind: String? = nil, payload: String? = nil, id: Int64? = nil, login: String? = nil
    ) -> String {
        var fields = [prev, String(at), actor, action, caseID.map(String.init) ?? "", detail]
        if let payload { fields += [kind ?? "", payload] }
        if let login { fields += [id.map(String.init) ?? "", login] }
        // Length-prefix each field so no two different records serialise alike.
        let canonical = fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
        return Hashing.sha256Hex(canonical)
    }
}
