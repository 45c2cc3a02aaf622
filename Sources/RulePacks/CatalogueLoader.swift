import CaseModel
import Foundation
import Yams

extension Catalogue {
    /// The statutes and remedies shipped with CaseDesk, checked for dangling citations.
    public static func shipped() throws(RulePackError) -> Catalogue {
        let file = "catalogue.yaml"
        guard
            let url = Bundle.module.url(forResource: "Catalogue/catalogue", withExtension: "yaml")
                ?? Bundle.module.url(forResource: "catalogue", withExtension: "yaml"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { throw RulePackError(file: file, line: nil, key: "", reason: "the shipped catalogue is missing") }
        return try parse(text, file: file)
    }

    /// Parses a catalogue; a remedy citing an unknown statute, or a repeated id, is an error.
    public static func parse(_ text: String, file: String) throws(RulePackError) -> Catalogue {
        let catalogue: Catalogue
        do {
            _ = try BoundedYAML.compose(text)
            catalogue = try YAMLDecoder().decode(Catalogue.self, from: text)
        } catch {
            throw RulePackError(file: file, line: nil, key: "", reason: "\(error)")
        }
        let ids = catalogue.statutes.map(\.id)
        if let repeated = ids.first(where: { id in ids.filter { $0 == id }.count > 1 }) {
            throw RulePackError(file: file, line: nil, key: "statutes", reason: "\(repeated) appears twice")
        }
        for remedy in catalogue.remedies {
            for citation in remedy.basis where catalogue.statute(citation) == nil {
                throw RulePackError(
                    file: file, line: nil, key: "remedies.\(remedy.id).basis",
                    reason: "cites unknown statute \(citation)")
            }
        }
        return catalogue
    }
}
