import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("Export and import round trip")
struct ExportTests {
    func exported(_ database: CaseDatabase, _ format: ExportFormat) throws -> String {
        var text = ""
        try database.export(format) { text += $0 }
        return text
    }

    func source() throws -> CaseDatabase {
        let database = try CaseDatabase.withStaff()
        try database.loadExamplesIfEmpty(now: pinnedNow)
        // Hostile text survives the trip too: commas, quotes, line breaks, escapes.
        try database.insertCase(
            sampleCase(title: "逗号, \"引号\" and\nnewline \u{1B}[31m", stage: .intervention, deadline: nil), actor: "seed")
        try database.setFlag(.platformInterest, on: true, caseID: 3, by: mediator, at: pinnedNow)
        try database.setFlag(.courtRisk, on: true, caseID: 3, by: mediator, at: pinnedNow)
        try database.setPriority(caseID: 3, level: 1, by: mediator, at: pinnedNow)
        return database
    }

    @Test(arguments: ExportFormat.allCases)
    func exportImportExportGivesTheSameBytes(format: ExportFormat) throws {
        let first = try exported(try source(), format)
        let target = try CaseDatabase.withStaff()
        let report = try target.importFile(
            Data(first.utf8), format: format == .csv ? .csv : .jsonl, by: mediator, skipInvalid: false,
            rules: RulePackCatalog([testPack]))
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.applied == 18)
        #expect(try exported(target, format) == first)
        #expect(try target.verify().isIntact)
    }

    @Test func csvIsRFC4180WithAHeaderAndABOM() throws {
        let text = try exported(try source(), .csv)
        #expect(text.hasPrefix("\u{FEFF}id,title,narrative,category,"))
        #expect(text.contains("\"逗号, \"\"引号\"\" and\nnewline \u{1B}[31m\""))
        #expect(text.hasSuffix("\r\n"))
    }

    @Test func jsonlCarriesEvidenceWithContent() throws {
        let text = try exported(try source(), .jsonl)
        let first = try #require(text.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        let evidence = try #require(object["evidence"] as? [[String: Any]])
        #expect(!evidence.isEmpty)
        #expect(evidence[0]["content_base64"] is String && evidence[0]["sha256"] is String)
    }

    @Test func importingOverExistingCasesIsRefusedByLine() throws {
        let database = try source()
        let text = try exported(database, .jsonl)
        let report = try database.importFile(
            Data(text.utf8), by: mediator, skipInvalid: false, rules: RulePackCatalog([testPack]))
        #expect(report.errors.first?.description == "line 1: case #1 already exists")
        #expect(report.errors.count == 18 && !report.committed)
    }

    @Test(arguments: StoreKind.allCases)
    func aForgedEvidenceHashIsRefused(_ store: StoreKind) throws {
        var text = try exported(try source(), .jsonl)
        text = text.replacingOccurrences(of: "\"sha256\":\"", with: "\"sha256\":\"0")
        let target = try store.withStaff()
        let report = try target.importFile(
            Data(text.utf8), by: mediator, skipInvalid: false, rules: RulePackCatalog([testPack]))
        #expect(report.errors.first?.reason == "evidence 1: its content does not match its sha256")
    }

    @Test(arguments: StoreKind.allCases)
    func aCSVWithTheWrongHeaderOrABrokenRowIsNamed(_ store: StoreKind) throws {
        let target = try store.withStaff()
        let wrong = try target.importFile(
            Data("id,title\n1,x\n".utf8), format: .csv, by: mediator, skipInvalid: false, rules: testRules)
        #expect(
            wrong.errors.first?.line == 1 && wrong.errors.first?.reason.contains("missing narrative, category") == true)
        var text = try exported(try source(), .csv)
        text = text.replacingOccurrences(of: ",damaged,", with: ",smashed,")
        let broken = try target.importFile(
            Data(text.utf8), format: .csv, by: mediator, skipInvalid: false, rules: testRules)
        #expect(broken.errors.map(\.reason).contains("'category' has an unknown value 'smashed'"))
        #expect(try target.caseCount() == 0)
    }
}
