/// A statute a ruling may cite (docs/domain.md §5).
public struct Statute: Hashable, Codable, Sendable, Identifiable {
    /// The citation id: "CRPL-55".
    public var id: String
    /// The law and article, both languages.
    public var title: LocalizedText
    /// What it says, paraphrased.
    public var rule: LocalizedText

    /// Creates a statute.
    public init(id: String, title: LocalizedText, rule: LocalizedText) {
        self.id = id
        self.title = title
        self.rule = rule
    }
}

/// Whether a remedy carries an amount of money.
public enum RemedyAmount: String, Codable, Sendable {
    /// The ruling must state an amount.
    case required
    /// The remedy is not a payment.
    case none
}

/// A statutory calculator a remedy's amount comes from.
public enum StatutoryCalculator: String, CaseIterable, Codable, Sendable {
    /// CRPL-55 fraud damages.
    case crpl55
    /// FSL-148 unsafe-food damages.
    case fsl148

    /// The award for an order at this price.
    public func award(pricePaid: Money) -> Award {
        switch self {
        case .crpl55: Calculators.crpl55Fraud(pricePaid: pricePaid)
        case .fsl148: Calculators.fsl148UnsafeFood(pricePaid: pricePaid)
        }
    }
}

/// A remedy a ruling may order (Civil Code 577, 582–585 and the consumer statutes).
public struct Remedy: Hashable, Codable, Sendable, Identifiable {
    /// The remedy id: "replace".
    public var id: String
    /// Its name.
    public var label: LocalizedText
    /// The statutes it rests on.
    public var basis: [String]
    /// Whether the ruling states an amount for it.
    public var amount: RemedyAmount
    /// Who must carry it out; nil when nobody owes anything (a rejected claim).
    public var obligor: PartyRole?
    /// The calculator its amount comes from, if statutory.
    public var calculator: StatutoryCalculator?
    /// Which side ordering it favours.
    public var side: Favours
    /// Whether the buyer must first send the goods back.
    public var buyerReturnsGoods: Bool

    /// Creates a remedy.
    public init(
        id: String, label: LocalizedText, basis: [String], amount: RemedyAmount = .none,
        obligor: PartyRole? = .merchant,
        calculator: StatutoryCalculator? = nil, side: Favours = .buyer, buyerReturnsGoods: Bool = false
    ) {
        self.id = id
        self.label = label
        self.basis = basis
        self.amount = amount
        self.obligor = obligor
        self.calculator = calculator
        self.side = side
        self.buyerReturnsGoods = buyerReturnsGoods
    }

    enum CodingKeys: String, CodingKey {
        case id, label, basis, amount, obligor, calculator, side
        case buyerReturnsGoods = "buyer_returns_goods"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        label = try c.decode(LocalizedText.self, forKey: .label)
        basis = try c.decodeIfPresent([String].self, forKey: .basis) ?? []
        amount = try c.decodeIfPresent(RemedyAmount.self, forKey: .amount) ?? .none
        let obligorName = try c.decodeIfPresent(String.self, forKey: .obligor) ?? "merchant"
        if obligorName == "none" {
            obligor = nil
        } else if let party = PartyRole(rawValue: obligorName) {
            obligor = party
        } else {
            throw DecodingError.dataCorruptedError(
                forKey: .obligor, in: c, debugDescription: "obligor must be merchant, buyer or none")
        }
        calculator = try c.decodeIfPresent(StatutoryCalculator.self, forKey: .calculator)
        side = try c.decodeIfPresent(Favours.self, forKey: .side) ?? .buyer
        buyerReturnsGoods = try c.decodeIfPresent(Bool.self, forKey: .buyerReturnsGoods) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(label, forKey: .label)
        try c.encode(basis, forKey: .basis)
        try c.encode(amount, forKey: .amount)
        try c.encode(obligor?.rawValue ?? "none", forKey: .obligor)
        try c.encodeIfPresent(calculator, forKey: .calculator)
        try c.encode(side, forKey: .side)
        try c.encode(buyerReturnsGoods, forKey: .buyerReturnsGoods)
    }
}

/// The statutes and remedies rulings pick from, as published data.
public struct Catalogue: Hashable, Codable, Sendable {
    /// Every statute, in citation order.
    public var statutes: [Statute]
    /// Every remedy.
    public var remedies: [Remedy]

    /// Creates a catalogue.
    public init(statutes: [Statute], remedies: [Remedy]) {
        self.statutes = statutes
        self.remedies = remedies
    }

    /// The statute with this id.
    public func statute(_ id: String) -> Statute? { statutes.first { $0.id == id } }
    /// The remedy with this id.
    public func remedy(_ id: String) -> Remedy? { remedies.first { $0.id == id } }

    /// The id of the remedy that rejects the claim.
    public static let claimRejected = "claim_rejected"
}

extension Catalogue {
    /// A catalogue with nothing in it, for labels that fall back to ids.
    public static let empty = Catalogue(statutes: [], remedies: [])
}
