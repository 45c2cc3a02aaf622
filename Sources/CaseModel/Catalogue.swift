/// A statute a ruling may cite (DOMAIN.md §5).
public struct Statute: Hashable, Codable, Sendable, Identifiable {
    /// The citation id: "CRPL-55".
    public var id: String
    /// The law and article, both languages.
    public var title: LocalizedText
    /// What it says, paraphrased.
    public var rule: LocalizedText
}

/// A remedy a ruling may order (Civil Code 577, 582–585 and the consumer statutes).
public struct Remedy: Hashable, Codable, Sendable, Identifiable {
    /// The remedy id: "replace".
    public var id: String
    /// Its name.
    public var label: LocalizedText
    /// The statutes it rests on.
    public var basis: [String]
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
}
