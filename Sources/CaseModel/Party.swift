/// Which side of a dispute a party stands on.
public enum PartyRole: String, CaseIterable, Codable, Sendable {
    case buyer, merchant

    /// A label for the detail pane.
    public var label: LocalizedText {
        switch self {
        case .buyer: LocalizedText(en: "Buyer", zh: "买家")
        case .merchant: LocalizedText(en: "Merchant", zh: "商家")
        }
    }
}

/// A buyer or a merchant as the platform knows them.
public struct Party: Hashable, Codable, Sendable {
    /// The platform account or shop identifier.
    public var account: String
    /// The display name (a nickname or a shop name).
    public var name: String

    /// Creates a party.
    public init(account: String, name: String) {
        self.account = account
        self.name = name
    }
}
