import CaseModel
import Foundation
import Testing

@testable import RulePacks

@Suite("Rule packs as validated YAML")
struct RulePackLoaderTests {
    @Test func theShippedPacksLoadAndDifferWhereDomainSaysTheyDo() throws {
        let catalog = try RulePackCatalog.shipped()
        let marketplace = try #require(catalog.pack("marketplace@1"))
        let retailer = try #require(catalog.pack("retailer@1"))
        #expect(marketplace.rule(for: .merchantResponse)?.deadline == .hours(24))
        #expect(marketplace.rule(for: .merchantResponse)?.onExpiry == .merchantSilent)
        #expect(retailer.rule(for: .merchantResponse)?.deadline == .hours(36))
        #expect(retailer.rule(for: .merchantResponse)?.onExpiry == .platformIntervenes)
        #expect(marketplace.rule(for: .negotiation)?.deadline == .days(5))
        #expect(retailer.rule(for: .negotiation)?.deadline == .days(15))
        #expect(retailer.rule(for: .evidence)?.deadline == .workingHours(4))
        #expect(marketplace.rule(for: .appealWindow)?.deadline == .days(15))
        #expect(catalog.latest("marketplace")?.version == 1)
    }

    let valid = """
        id: test
        version: 2
        name: {en: Test, zh: 测试}
        calendar:
          time_zone: Asia/Shanghai
          working_hours: "09:00-18:00"
          working_days: [mon, tue, wed, thu, fri]
        stages:
          merchant_response:
            deadline: 24h
            on_expiry: merchant_silent
            outcome: {en: refund granted, zh: 退款成立}
        """

    @Test func aPackWithAnAliasBombIsRefusedWithTheReason() throws {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append(
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        #expect {
            _ = try RulePackLoader.parse(lines.joined(separator: "\n"), file: "bomb.yaml")
        } throws: { error in
            "\(error)".contains("expands to more than")
        }
    }

    @Test func aMinimalPackParses() throws {
        let pack = try RulePackLoader.parse(valid, file: "test.yaml")
        #expect(pack.reference == "test@2")
        #expect(pack.maxAppeals == 1)
        #expect(pack.rule(for: .merchantResponse)?.outcome?.zh == "退款成立")
    }

    /// Issue 14: a pack names the platform's own stores; their cases are platform interest from filing.
    @Test func aPackNamesThePlatformsOwnStores() throws {
        let text = valid + "\nplatform_interest:\n  self_operated: [platform_self_run, self_run_*]\n"
        let rules = try RulePackLoader.parse(text, file: "test.yaml").platformInterest
        #expect(rules.selfOperatedEntry(for: "platform_self_run") == "platform_self_run")
        #expect(rules.selfOperatedEntry(for: "self_run_books") == "self_run_*")
        #expect(rules.selfOperatedEntry(for: "shop_1029384") == nil)
        #expect(rules.selfOperatedEntry(for: "platform_self_run2") == nil)
        #expect(rules.reason(merchant: "self_run_books", pack: "test@2")?.en.contains("self_run_*") == true)
        #expect(try RulePackLoader.parse(valid, file: "test.yaml").platformInterest.selfOperated.isEmpty)
        for bad in ["[\"\"]", "[\"*\"]", "[\"a b\"]", "platform_self_run"] {
            #expect {
                _ = try RulePackLoader.parse(valid + "\nplatform_interest:\n  self_operated: \(bad)\n", file: "t.yaml")
            } throws: { error in
                (error as? RulePackError)?.key == "platform_interest.self_operated"
            }
        }
        let shipped = try RulePackCatalog.shipped()
        #expect(shipped.pack("marketplace@1")?.platformInterest.selfOperatedEntry(for: "platform_self_run") != nil)
    }

    static let broken: [(String, String, Int?, String)] = [
        ("deadline: 24h", "deadline: 24x", 10, "stages.merchant_response.deadline"),
        ("on_expiry: merchant_silent", "on_expiry: rule", 11, "stages.merchant_response.on_expiry"),
        ("merchant_response:", "merchant_reply:", 9, "stages.merchant_reply"),
        ("time_zone: Asia/Shanghai", "time_zone: Mars/Olympus", 5, "calendar.time_zone"),
        ("\"09:00-18:00\"", "\"18:00-09:00\"", 6, "calendar.working_hours"),
        ("[mon, tue, wed, thu, fri]", "[mon, funday]", 7, "calendar.working_days"),
        ("version: 2", "version: two", 2, "version"),
        ("name: {en: Test, zh: 测试}", "name: {en: Test}", 3, "name.zh"),
        ("\n    outcome: {en: refund granted, zh: 退款成立}", "", nil, "stages.merchant_response.outcome"),
    ]

    @Test(arguments: broken)
    func errorsNameTheFileLineAndKey(find: String, replace: String, line: Int?, key: String) {
        let text = valid.replacingOccurrences(of: find, with: replace)
        #expect(text != valid, "the fixture edit applied")
        do {
            _ = try RulePackLoader.parse(text, file: "test.yaml")
            Issue.record("accepted a broken pack")
        } catch {
            #expect(error.file == "test.yaml")
            #expect(error.key == key, "\(error)")
            if let line { #expect(error.line == line, "\(error)") }
            #expect(error.description.hasPrefix("test.yaml:"))
        }
    }

    @Test func malformedYAMLIsReportedWithItsLine() {
        do {
            _ = try RulePackLoader.parse("id: x\nname: [unclosed\n", file: "bad.yaml")
            Issue.record("accepted malformed YAML")
        } catch {
            #expect(error.description.contains("bad.yaml"))
            #expect(error.reason.contains("not valid YAML"))
        }
    }
}

@Suite("Statute and remedy catalogue")
struct CatalogueTests {
    @Test func theShippedCatalogueHasEveryStatuteOfTheDomainAndCivilCodeRemedies() throws {
        let catalogue = try Catalogue.shipped()
        let expected = [
            "ECL-31", "ECL-38", "ECL-62", "ECL-63", "CRPL-23", "CRPL-24", "CRPL-25", "CRPL-39", "CRPL-55", "FSL-148",
            "CC-577", "CC-582", "CC-583", "CC-584", "CC-585",
        ]
        #expect(catalogue.statutes.map(\.id) == expected)
        for remedy in [
            "repair", "redo", "replace", "return_and_refund", "price_reduction", "continued_performance",
            "damages", "liquidated_damages",
        ] {
            #expect(catalogue.remedy(remedy) != nil, "\(remedy)")
        }
        #expect(catalogue.statute("CRPL-55")?.title.zh == "消费者权益保护法第五十五条")
    }

    @Test func aRemedyCitingAnUnknownStatuteIsRefused() {
        let text = """
            statutes:
              - {id: CC-582, title: {en: a, zh: b}, rule: {en: a, zh: b}}
            remedies:
              - {id: repair, label: {en: repair, zh: 修理}, basis: [CC-999]}
            """
        #expect(
            throws: RulePackError(
                file: "c.yaml", line: nil, key: "remedies.repair.basis", reason: "cites unknown statute CC-999")
        ) {
            _ = try Catalogue.parse(text, file: "c.yaml")
        }
    }
}
