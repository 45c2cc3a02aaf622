import Foundation

/// The rule packs CaseDesk knows, by id and version; cases name theirs by reference.
public struct RulePackCatalog: Sendable {
    /// Every pack, by reference ("marketplace@1").
    public let packs: [String: RulePack]

    /// The statutes and remedies rulings under these packs cite and order.
    public let catalogue: Catalogue

    /// A catalog of the given packs, with the catalogue rulings pick from.
    public init(_ packs: [RulePack], catalogue: Catalogue = Catalogue(statutes: [], remedies: [])) {
        self.packs = Dictionary(packs.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
        self.catalogue = catalogue
    }

    /// The pack a new database uses unless told otherwise.
    public static let defaultPackID = "marketplace"

    /// The pack with this reference, or nil.
    public func pack(_ reference: String) -> RulePack? { packs[reference] }

    /// The newest version of a pack id, or nil.
    public func latest(_ id: String) -> RulePack? {
        packs.values.filter { $0.id == id }.max { $0.version < $1.version }
    }
}
