/// What a buyer or merchant does, as it arrives from the platform's feed (docs/domain.md §2: parties do not sit at the console).
public enum PartyAction: String, CaseIterable, Codable, Sendable {
    case respond, agree, reject
    case shipReturn = "ship_return"
    case confirmReceipt = "confirm_receipt"
    case submitEvidence = "submit_evidence"
    case escalate, appeal, withdraw, settle

    /// The lifecycle step the action takes, if it moves the case.
    public var lifecycleEvent: LifecycleEvent? {
        switch self {
        case .agree: .merchantAgrees
        case .reject: .merchantRejects
        case .escalate: .escalate
        case .appeal: .appealFiled
        case .withdraw: .withdraw
        case .settle: .settle
        case .respond, .shipReturn, .confirmReceipt, .submitEvidence: nil
        }
    }

    /// Who may take the action.
    public var parties: Set<PartyRole> {
        switch self {
        case .respond, .agree, .reject: [.merchant]
        case .shipReturn, .escalate, .withdraw: [.buyer]
        case .confirmReceipt, .submitEvidence, .appeal, .settle: [.buyer, .merchant]
        }
    }

    /// The stages in which an action that does not move the case is accepted.
    public var recordedIn: Set<Stage> {
        switch self {
        case .respond: [.merchantResponse, .negotiation, .intervention, .evidence]
        case .shipReturn: [.execution]
        default: Set(Stage.allCases.filter(\.isOpen))
        }
    }
}
