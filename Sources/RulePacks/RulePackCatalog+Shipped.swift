import CaseModel
import Foundation

extension RulePackCatalog {
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
        return RulePackCatalog(packs, catalogue: try Catalogue.shipped())
    }
}
