import CaseModel
import Foundation

/// A whole case as it is exported and imported: every field, and its evidence with the content.
/// Every key is written, nulls included (`@Null`), so exports of equal databases are equal byte for byte.
package struct CaseLine: Codable {
    package struct PartyJSON: Codable {
        package var account: String
        package var name: String
    }

    package struct EvidenceJSON: Codable {
        package var kind: EvidenceKind
        package var source: EvidenceSource
        package var description: String
        package var sha256: String
        package var contentBase64: String
        package var submittedAt: String

        enum CodingKeys: String, CodingKey {
            case kind, source, description, sha256
            case contentBase64 = "content_base64"
            case submittedAt = "submitted_at"
        }
    }

    package var type: String
    package var id: Int64
    package var title: String
    package var narrative: String
    package var category: CaseModel.Category
    package var requestType: RequestType
    package var buyer: PartyJSON
    package var merchant: PartyJSON
    package var orderID: String
    package var orderFen: Int64
    package var claimFen: Int64
    package var stage: Stage
    @Null package var deadline: String?
    @Null package var suspendedFrom: Stage?
    @Null package var pausedRemainingSeconds: Int64?
    package var rulePack: String
    @Null package var assignee: String?
    package var createdAt: String
    package var updatedAt: String
    package var version: Int
    package var priority: Int
    package var flags: [CaseFlag]
    package var evidence: [EvidenceJSON]

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case type, id, title, narrative, category
        case requestType = "request_type"
        case buyer, merchant
        case orderID = "order_id"
        case orderFen = "order_fen"
        case claimFen = "claim_fen"
        case stage, deadline
        case suspendedFrom = "suspended_from"
        case pausedRemainingSeconds = "paused_remaining_seconds"
        case rulePack = "rule_pack"
        case assignee
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case version, priority, flags, evidence
    }

    /// The case and its evidence, or the first thing wrong with the line.
    package func validated() throws(ImportError.Reason) -> (Case, [(EvidenceJSON, Data, Date)]) {
        func time(_ text: String, _ key: String) throws(ImportError.Reason) -> Date {
            guard let date = EventLineParser.parseTime(text) else {
                throw .init("'\(key)' must be an ISO 8601 time such as 2026-11-27T09:00:00Z")
            }
            return date
        }
        guard type == "case" else { throw .init("'type' must be \"case\"") }
        guard id > 0 else { throw .init("'id' must be a positive case number") }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw .init("'title' must not be empty") }
        guard orderFen >= 0, claimFen >= 0 else { throw .init("amounts must not be negative") }
        guard version >= 1 else { throw .init("'version' must be at least 1") }
        guard Priority.levels.contains(priority) else { throw .init("'priority' must be from 1 to 4") }
        guard (stage == .suspended) == (suspendedFrom != nil) else {
            throw .init("'suspended_from' is required for a suspended case and only for one")
        }
        let created = try time(createdAt, "created_at")
        let item = Case(
            id: id, title: title, narrative: narrative, category: category, requestType: requestType,
            buyer: Party(account: buyer.account, name: buyer.name),
            merchant: Party(account: merchant.account, name: merchant.name), orderID: orderID,
            orderAmount: Money(fen: orderFen), claimAmount: Money(fen: claimFen), stage: stage,
            stageDeadline: try deadline.map { text throws(ImportError.Reason) in try time(text, "deadline") },
            suspendedFrom: suspendedFrom, pausedRemaining: pausedRemainingSeconds, rulePack: rulePack,
            assignee: assignee, createdAt: created, updatedAt: try time(updatedAt, "updated_at"), version: version,
            priority: priority, flags: Set(flags))
        var items: [(EvidenceJSON, Data, Date)] = []
        for (index, e) in evidence.enumerated() {
            guard let content = Data(base64Encoded: e.contentBase64) else {
                throw .init("evidence \(index + 1): 'content_base64' is not base64")
            }
            guard Hashing.sha256Hex(content) == e.sha256 else {
                throw .init("evidence \(index + 1): its content does not match its sha256")
            }
            items.append((e, content, try time(e.submittedAt, "evidence.submitted_at")))
        }
        return (item, items)
    }
}

extension CaseLine {
    /// A stored case and its evidence (with content) as a line.
    package init(_ item: Case, evidence: [(Evidence, Data)]) {
        type = "case"
        id = item.id
        title = item.title
        narrative = item.narrative
        category = item.category
        requestType = item.requestType
        buyer = PartyJSON(account: item.buyer.account, name: item.buyer.name)
        merchant = PartyJSON(account: item.merchant.account, name: item.merchant.name)
        orderID = item.orderID
        orderFen = item.orderAmount.fen
        claimFen = item.claimAmount.fen
        stage = item.stage
        deadline = item.stageDeadline.map(ISO8601Time.string)
        suspendedFrom = item.suspendedFrom
        pausedRemainingSeconds = item.pausedRemaining
        rulePack = item.rulePack
        assignee = item.assignee
        createdAt = ISO8601Time.string(item.createdAt)
        updatedAt = ISO8601Time.string(item.updatedAt)
        version = item.version
        priority = item.priority
        flags = item.flags.sorted()
        self.evidence = evidence.map { e, content in
            EvidenceJSON(
                kind: e.kind, source: e.source, description: e.description, sha256: e.sha256,
                contentBase64: content.base64EncodedString(), submittedAt: ISO8601Time.string(e.submittedAt))
        }
    }

}

extension ImportError {
    /// A reason without a line number yet.
    package struct Reason: Error {
        package var text: String
        package init(_ text: String) { self.text = text }
    }
}
