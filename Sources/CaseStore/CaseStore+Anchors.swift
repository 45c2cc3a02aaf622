import CaseInterchange
import Foundation

extension CaseStore {
    /// Signs the head of the audit chain `now` with `key` (kept outside the database).
    public func anchor(now: Date, key: Curve25519SigningKey) throws -> Anchor {
        guard let head = try auditHead() else { throw AnchorError("the audit log is empty: nothing to anchor") }
        return try Anchor.sign(records: head.records, hash: head.hash, at: now, key: key)
    }

    /// What the anchors prove wrong with the log: a record at or before an anchor that changed
    /// (a rewritten, rehashed chain included), records cut off its end, an anchor whose signature
    /// fails or (with `publicKey`) that another key signed. Empty when every anchor holds.
    public func problems(with anchors: [Anchor], publicKey: String?) throws -> [String] {
        let head = try auditHead()
        var problems: [String] = []
        for anchor in anchors {
            let name = "the anchor of \(anchor.at) (record #\(anchor.records))"
            guard anchor.isSignatureValid else {
                problems.append("\(name): its signature does not verify")
                continue
            }
            if let publicKey, publicKey != anchor.publicKey {
                problems.append("\(name): signed by another key (\(anchor.publicKey.prefix(12))…), not the one trusted")
                continue
            }
            guard let head, head.records >= anchor.records else {
                problems.append(
                    "the audit log ends at record #\(head?.records ?? 0), but \(name) fixed it: records were deleted from its end"
                )
                continue
            }
            if try auditHash(id: anchor.records) != anchor.hash {
                problems.append(
                    "audit record #\(anchor.records) differs from \(name): the history at or before it was rewritten")
            }
        }
        return problems
    }
}
