import CaseModel
import Foundation

/// A time written in a case file: an instant (`2026-11-27T09:00:00Z`, `…+08:00`) or an offset
/// from the moment the file is read (`now-70h`, `now+20.5h`), so example cases and training
/// scenarios always show live countdowns while exports keep their exact instants.
public enum FileTime: Codable, Hashable, Sendable {
    /// An exact instant.
    case at(Date)
    /// So many hours after (or, negative, before) the moment the file is read.
    case fromNow(hours: Double)

    /// The notation, for error messages and the format reference.
    package static let notation = "an ISO 8601 time such as 2026-11-27T09:00:00Z, or now-3h / now+20.5h"

    /// The instants a file may name: the years 2000 to 2100.
    /// 2000-01-01T00:00:00Z ..< 2101-01-01T00:00:00Z.
    package static let range = Date(timeIntervalSince1970: 946_684_800)..<Date(timeIntervalSince1970: 4_133_980_800)

    /// Reads either notation; nil if `text` is neither.
    package init?(_ text: String) {
        if text.hasPrefix("now") {
            var rest = text.dropFirst(3)
            guard let sign = rest.first, sign == "+" || sign == "-", rest.hasSuffix("h") else { return nil }
            rest = rest.dropFirst().dropLast()
            guard !rest.isEmpty, rest.allSatisfy({ $0.isNumber || $0 == "." }), let hours = Double(rest),
                hours.isFinite, hours <= 1_000_000
            else { return nil }
            self = .fromNow(hours: sign == "-" ? -hours : hours)
        } else if let date = ISO8601Time.date(text), Self.range.contains(date) {
            self = .at(date)
        } else {
            return nil
        }
    }

    /// The instant this time names when the file is read at `now`.
    package func resolved(now: Date) -> Date {
        switch self {
        case .at(let date): date
        case .fromNow(let hours): now.addingTimeInterval(hours * 3600)
        }
    }

    /// The time as a file writes it.
    package var text: String {
        switch self {
        case .at(let date): return ISO8601Time.string(date)
        case .fromNow(let hours):
            let magnitude = abs(hours)
            let number = magnitude == magnitude.rounded() ? String(Int64(magnitude)) : String(magnitude)
            return "now\(hours < 0 ? "-" : "+")\(number)h"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let time = FileTime(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be \(Self.notation)")
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}

/// A case in a file, the one description shared by the example cases, the training scenarios,
/// `casedesk import` and `casedesk export`: the case as it stands, its evidence with the content,
/// and (optionally) what was decided on it: points in dispute, an observer's sign-off, the
/// ruling with its obligations, an appeal. The history is filed as the events that made it.
///
/// An export writes every case key (nulls included, `@Null`) and times as instants, so exports
/// of equal databases are equal byte for byte; a hand-written file may leave out the number
/// (the next one is given), the rule pack (the current one), `updated_at`, `version`, `priority`
/// and `flags`, and may write times relative to the moment it is read.
public struct CaseDocument: Codable, Sendable {
    /// One evidence item: its content as text (`content`) or as bytes (`content_base64`, with the
    /// `sha256` that fixes it).
    public struct Evidence: Codable, Sendable {
        package var kind: EvidenceKind
        package var source: EvidenceSource
        package var description: String
        package var sha256: String?
        package var contentBase64: String?
        package var content: String?
        package var submittedAt: FileTime

        enum CodingKeys: String, CodingKey {
            case kind, source, description, sha256, content
            case contentBase64 = "content_base64"
            case submittedAt = "submitted_at"
        }
    }

    /// A point in dispute, and what was found on it if the ruling has been written.
    public struct Issue: Codable, Sendable {
        package var kind: IssueKind
        package var description: String
        package var buyerConfirmedReceipt: Bool?
        package var finding: Finding?
        package var findingNote: String?
        package var at: FileTime

        enum CodingKeys: String, CodingKey {
            case kind, description, finding, at
            case buyerConfirmedReceipt = "buyer_confirmed_receipt"
            case findingNote = "finding_note"
        }
    }

    /// An independent observer's sign-off.
    public struct Signoff: Codable, Sendable {
        package var observer: String
        package var statement: String
        package var at: FileTime
    }

    /// The ruling as written, with its obligations spelled out.
    public struct Ruling: Codable, Sendable {
        package var mediator: String
        package var at: FileTime
        package var remedies: [Remedy]
        package var favours: Favours
        package var reasons: String
        package var citations: [String]
        package var status: RulingStatus
        package var reviewReason: String?
        package var reviewer: String?
        package var reviewedAt: FileTime?
        package var obligations: [Obligation]

        enum CodingKeys: String, CodingKey {
            case mediator, at, remedies, favours, reasons, citations, status, reviewer, obligations
            case reviewReason = "review_reason"
            case reviewedAt = "reviewed_at"
        }
    }

    /// One remedy the ruling orders.
    public struct Remedy: Codable, Sendable {
        package var remedy: String
        package var amountFen: Int64?
        package var formula: String?

        enum CodingKeys: String, CodingKey {
            case remedy, formula
            case amountFen = "amount_fen"
        }
    }

    /// What the ruling binds a party to do, and whether it was done.
    public struct Obligation: Codable, Sendable {
        package var obligor: PartyRole
        package var task: String
        package var amountFen: Int64?
        package var dueAt: FileTime
        package var status: ObligationStatus
        package var note: String?

        enum CodingKeys: String, CodingKey {
            case obligor, task, status, note
            case amountFen = "amount_fen"
            case dueAt = "due_at"
        }
    }

    /// An appeal a party filed against the ruling.
    public struct Appeal: Codable, Sendable {
        package var party: PartyRole
        package var grounds: String
        package var at: FileTime
    }

    package var type: String?
    package var id: Int64?
    package var title: String
    package var narrative: String
    package var category: CaseModel.Category
    package var requestType: RequestType
    package var buyer: Party
    package var merchant: Party
    package var orderID: String
    package var orderFen: Int64
    package var claimFen: Int64
    package var stage: Stage
    @Null package var deadline: FileTime?
    @Null package var suspendedFrom: Stage?
    @Null package var pausedRemainingSeconds: Int64?
    package var rulePack: String?
    @Null package var assignee: String?
    package var createdAt: FileTime
    package var updatedAt: FileTime?
    package var version: Int?
    package var priority: Int?
    package var flags: [CaseFlag]?
    package var evidence: [Evidence]
    package var issues: [Issue]?
    package var signoff: Signoff?
    package var ruling: Ruling?
    package var appeal: Appeal?

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
        case version, priority, flags, evidence, issues, signoff, ruling, appeal
    }

    /// Reads one document from JSON (the key names are the file's own; no key strategy).
    package static func decode(_ data: Data) throws -> CaseDocument {
        try JSONDecoder().decode(CaseDocument.self, from: data)
    }
}

extension CaseDocument {
    /// A stored case and its evidence (with content) as an export writes it: every case key, exact times.
    package init(_ item: Case, evidence: [(CaseModel.Evidence, Data)]) {
        type = "case"
        id = item.id
        title = item.title
        narrative = item.narrative
        category = item.category
        requestType = item.requestType
        buyer = item.buyer
        merchant = item.merchant
        orderID = item.orderID
        orderFen = item.orderAmount.fen
        claimFen = item.claimAmount.fen
        stage = item.stage
        deadline = item.stageDeadline.map(FileTime.at)
        suspendedFrom = item.suspendedFrom
        pausedRemainingSeconds = item.pausedRemaining
        rulePack = item.rulePack
        assignee = item.assignee
        createdAt = .at(item.createdAt)
        updatedAt = .at(item.updatedAt)
        version = item.version
        priority = item.priority
        flags = item.flags.sorted()
        self.evidence = evidence.map { e, content in
            Evidence(
                kind: e.kind, source: e.source, description: e.description, sha256: e.sha256,
                contentBase64: content.base64EncodedString(), content: nil, submittedAt: .at(e.submittedAt))
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
