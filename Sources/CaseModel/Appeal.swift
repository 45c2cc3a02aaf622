import Foundation

/// How a supervisor decides an appeal.
public enum AppealOutcome: String, CaseIterable, Codable, Sendable {
    /// The ruling stands.
    case uphold
    /// The ruling stands on the same side with different terms.
    case modify
    /// The ruling is reversed: the other side prevails.
    case overturn

    /// A label for notices and the dashboard.
    public var label: LocalizedText {
        switch self {
        case .uphold: LocalizedText(en: "upheld", zh: "维持原裁决")
        case .modify: LocalizedText(en: "modified", zh: "变更原裁决")
        case .overturn: LocalizedText(en: "overturned", zh: "撤销原裁决")
        }
    }
}

/// A party's appeal against a ruling, and its decision once made.
public struct Appeal: Hashable, Codable, Sendable, Identifiable {
    /// The appeal's number.
    public var id: Int64
    /// The case.
    public var caseID: Int64
    /// The ruling appealed against.
    public var rulingID: Int64
    /// Who appealed.
    public var party: PartyRole
    /// Their grounds, in their words.
    public var grounds: String
    /// When it was filed.
    public var filedAt: Date
    /// New evidence filed with it, if any.
    public var evidenceID: Int64?
    /// The decision, once made.
    public var outcome: AppealOutcome?
    /// Who decided it.
    public var decidedBy: String?
    /// The decision's reasons.
    public var reasons: String?
    /// When it was decided.
    public var decidedAt: Date?
    /// The ruling that replaced the appealed one (modify, overturn).
    public var newRulingID: Int64?

    /// Creates an appeal.
    public init(
        id: Int64, caseID: Int64, rulingID: Int64, party: PartyRole, grounds: String, filedAt: Date,
        evidenceID: Int64? = nil, outcome: AppealOutcome? = nil, decidedBy: String? = nil, reasons: String? = nil,
        decidedAt: Date? = nil, newRulingID: Int64? = nil
    ) {
        self.id = id
        self.caseID = caseID
        self.rulingID = rulingID
        self.party = party
        self.grounds = grounds
        self.filedAt = filedAt
        self.evidenceID = evidenceID
        self.outcome = outcome
        self.decidedBy = decidedBy
        self.reasons = reasons
        self.decidedAt = decidedAt
        self.newRulingID = newRulingID
    }
}

/// An independent observer's sign-off on a platform-interest case (E-commerce Law art. 38).
public struct ObserverSignoff: Hashable, Codable, Sendable {
    /// Who signed: a consumer association's observer, by name and body.
    public var observer: String
    /// What they said.
    public var statement: String
    /// The staff member who recorded it.
    public var recordedBy: String
    /// When.
    public var at: Date

    /// Creates a sign-off.
    public init(observer: String, statement: String, recordedBy: String, at: Date) {
        self.observer = observer
        self.statement = statement
        self.recordedBy = recordedBy
        self.at = at
    }
}
