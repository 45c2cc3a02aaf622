import CaseModel
import Foundation

/// The rule packs CaseDesk knows: those shipped with it, by id and version.
public struct RulePackCatalog: Sendable {
    /// Every pack, by reference ("marketplace@1").
    public let packs: [String: RulePack]

    /// A catalog of the given packs.
    public init(_ packs: [RulePack]) {
        self.packs = Dictionary(packs.map { ($0.reference, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The pack a new database uses unless told otherwise.
    public static let defaultPackID = "marketplace"

    /// The packs shipped in the package's `Packs` folder, each validated.
    public static func shipped() throws(RulePackError) -> RulePackCatalog {
        guard let folder = Bundle.module.url(forResource: "Packs", withExtension: nil),
            let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        else {
            throw RulePackError(file: "Packs", line: nil, key: "", reason: "the shipped rule packs are missing")
        }
        var packs: [RulePack] = []
        for file in files.filter({ $0.pathExtension == "yaml" }).sorted(by: { $0.path < $1.path }) {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw RulePackError(file: file.lastPathComponent, line: nil, key: "", reason: "not readable as UTF-8")
            }
            packs.append(try RulePackLoader.parse(text, file: file.lastPathComponent))
        }
        return RulePackCatalog(packs)
    }

    /// The pack with this reference, or nil.
    public func pack(_ reference: String) -> RulePack? { packs[reference] }

    /// The newest version of a pack id, or nil.
    public func latest(_ id: String) -> RulePack? {
        packs.values.filter { $0.id == id }.max { $0.version < $1.version }
    }
}
