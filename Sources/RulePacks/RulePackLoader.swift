import CaseModel
import Foundation
import Yams

/// Loads and validates rule packs written in YAML.
public enum RulePackLoader {
    static let weekdayNames = ["sun": 1, "mon": 2, "tue": 3, "wed": 4, "thu": 5, "fri": 6, "sat": 7]

    /// Parses one pack. Every problem is reported with the file, line and key.
    public static func parse(_ text: String, file: String) throws(RulePackError) -> RulePack {
        let reader = YAMLReader(file: file)
        let root: Node
        do {
            guard let composed = try BoundedYAML.compose(text) else {
                throw RulePackError(file: file, line: nil, key: "", reason: "the file is empty")
            }
            root = composed
        } catch let error as RulePackError {
            throw error
        } catch let error as BoundedYAML.TooLarge {
            throw RulePackError(file: file, line: nil, key: "", reason: error.description)
        } catch let error as YamlError {
            throw RulePackError(file: file, line: yamlLine(error), key: "", reason: "not valid YAML: \(error)")
        } catch {
            throw RulePackError(file: file, line: nil, key: "", reason: "not valid YAML: \(error)")
        }
        let top = try reader.mapping(
            root, "",
            allowed: [
                "id", "version", "name", "calendar", "stages", "max_appeals", "review", "obligations",
                "platform_interest",
            ])
        let id = try reader.string(try reader.required(top, "id", "", in: root), "id")
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { throw reader.error(top["id"], "id", "use letters, digits, '-' and '_' only") }
        let version = try reader.int(try reader.required(top, "version", "", in: root), "version", range: 1...1_000_000)
        let name = try localized(reader, try reader.required(top, "name", "", in: root), "name")
        let calendar = try parseCalendar(reader, try reader.required(top, "calendar", "", in: root))
        let stagesNode = try reader.required(top, "stages", "", in: root)
        let stageEntries = try reader.mapping(stagesNode, "stages", allowed: Set(Stage.allCases.map(\.rawValue)))
        var stages: [Stage: StageRule] = [:]
        for (key, node) in stageEntries {
            let stage = Stage(rawValue: key)!
            stages[stage] = try parseStage(reader, stage, node)
        }
        let maxAppeals =
            try top["max_appeals"].map { node throws(RulePackError) in
                try reader.int(node, "max_appeals", range: 0...10)
            } ?? 1
        let review = try top["review"].map { node throws(RulePackError) in try parseReview(reader, node) }
        let obligations = try top["obligations"].map { node throws(RulePackError) in
            try parseObligations(reader, node)
        }
        let interest = try top["platform_interest"].map { node throws(RulePackError) in
            try parsePlatformInterest(reader, node)
        }
        return RulePack(
            id: id, version: version, name: name, calendar: calendar, stages: stages, maxAppeals: maxAppeals,
            review: review ?? ReviewPolicy(), obligations: obligations ?? ObligationTerms(),
            platformInterest: interest ?? PlatformInterestRules())
    }

    static func parsePlatformInterest(_ reader: YAMLReader, _ node: Node) throws(RulePackError)
        -> PlatformInterestRules
    {
        let path = "platform_interest"
        let entries = try reader.mapping(node, path, allowed: ["self_operated"])
        var rules = PlatformInterestRules()
        guard let listNode = entries["self_operated"] else { return rules }
        for (account, item) in try reader.strings(listNode, "\(path).self_operated") {
            let stem = account.hasSuffix("*") ? String(account.dropLast()) : account
            guard !stem.isEmpty, stem.allSatisfy({ !$0.isWhitespace && $0 != "*" && !$0.isNewline }) else {
                throw reader.error(
                    item, "\(path).self_operated", "'\(account)' is not a merchant account (or a prefix ending in *)")
            }
            rules.selfOperated.append(account)
        }
        return rules
    }

    static func parseReview(_ reader: YAMLReader, _ node: Node) throws(RulePackError) -> ReviewPolicy {
        let path = "review"
        let entries = try reader.mapping(node, path, allowed: ["amount_over", "platform_interest", "sample_percent"])
        var policy = ReviewPolicy()
        if let amountNode = entries["amount_over"] {
            let text = try reader.string(amountNode, "\(path).amount_over")
            guard let amount = Money(yuanString: text), amount.fen >= 0 else {
                throw reader.error(amountNode, "\(path).amount_over", "'\(text)' is not an amount in yuan such as 2000")
            }
            policy.amountOver = amount
        }
        if let flagNode = entries["platform_interest"] {
            let text = try reader.string(flagNode, "\(path).platform_interest")
            guard text == "true" || text == "false" else {
                throw reader.error(flagNode, "\(path).platform_interest", "use true or false")
            }
            policy.platformInterest = text == "true"
        }
        if let sampleNode = entries["sample_percent"] {
            policy.samplePercent = try reader.int(sampleNode, "\(path).sample_percent", range: 0...100)
        }
        return policy
    }

    static func parseObligations(_ reader: YAMLReader, _ node: Node) throws(RulePackError) -> ObligationTerms {
        let path = "obligations"
        let entries = try reader.mapping(node, path, allowed: ["merchant", "buyer", "on_default"])
        var terms = ObligationTerms()
        for party in PartyRole.allCases {
            guard let partyNode = entries[party.rawValue] else { continue }
            let text = try reader.string(partyNode, "\(path).\(party.rawValue)")
            guard let spec = DeadlineSpec(text) else {
                throw reader.error(
                    partyNode, "\(path).\(party.rawValue)",
                    "'\(text)' is not a duration: use 90m, 24h, 5d, 4wh (working hours) or 7wd (working days)")
            }
            terms.deadlines[party] = spec
        }
        if let defaultsNode = entries["on_default"] {
            let defaults = try reader.mapping(defaultsNode, "\(path).on_default", allowed: ["merchant", "buyer"])
            for party in PartyRole.allCases {
                guard let textNode = defaults[party.rawValue] else { continue }
                terms.onDefault[party] = try localized(reader, textNode, "\(path).on_default.\(party.rawValue)")
            }
        }
        return terms
    }

    static func yamlLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): mark.line
        default: nil
        }
    }

    static func localized(_ reader: YAMLReader, _ node: Node, _ path: String) throws(RulePackError) -> LocalizedText {
        let entries = try reader.mapping(node, path, allowed: ["en", "zh"])
        return LocalizedText(
            en: try reader.string(try reader.required(entries, "en", path, in: node), "\(path).en"),
            zh: try reader.string(try reader.required(entries, "zh", path, in: node), "\(path).zh"))
    }

    static func parseCalendar(_ reader: YAMLReader, _ node: Node) throws(RulePackError) -> WorkingCalendar {
        let path = "calendar"
        let entries = try reader.mapping(
            node, path, allowed: ["time_zone", "working_hours", "working_days", "holidays", "make_up_days"])
        let zoneNode = try reader.required(entries, "time_zone", path, in: node)
        let zoneName = try reader.string(zoneNode, "\(path).time_zone")
        guard let zone = TimeZone(identifier: zoneName) else {
            throw reader.error(zoneNode, "\(path).time_zone", "'\(zoneName)' is not a known time zone")
        }
        let hoursNode = try reader.required(entries, "working_hours", path, in: node)
        let hours = try reader.string(hoursNode, "\(path).working_hours")
        guard let (start, end) = parseHours(hours), start < end else {
            throw reader.error(
                hoursNode, "\(path).working_hours", "'\(hours)' should look like 09:00-18:00, start before end")
        }
        var weekdays: Set<Int> = []
        for (name, item) in try reader.strings(
            try reader.required(entries, "working_days", path, in: node), "\(path).working_days")
        {
            guard let day = weekdayNames[name.lowercased()] else {
                throw reader.error(item, "\(path).working_days", "'\(name)' is not a weekday (mon, tue, … sun)")
            }
            weekdays.insert(day)
        }
        guard !weekdays.isEmpty else {
            throw reader.error(
                entries["working_days"], "\(path).working_days", "at least one day must be a working day")
        }
        func days(_ key: String) throws(RulePackError) -> Set<DayKey> {
            guard let list = entries[key] else { return [] }
            var result: Set<DayKey> = []
            for (text, item) in try reader.strings(list, "\(path).\(key)") {
                guard let day = DayKey(text) else {
                    throw reader.error(item, "\(path).\(key)", "'\(text)' is not a date like 2026-10-01")
                }
                result.insert(day)
            }
            return result
        }
        let holidays = try days("holidays")
        let makeUp = try days("make_up_days")
        if let both = holidays.intersection(makeUp).sorted().first {
            throw reader.error(entries["make_up_days"], "\(path).make_up_days", "\(both) is also listed as a holiday")
        }
        return WorkingCalendar(
            timeZone: zone, dayStart: start, dayEnd: end, weekdays: weekdays, holidays: holidays, makeUpDays: makeUp)
    }

    /// "09:00-18:00" as minutes after midnight.
    static func parseHours(_ text: String) -> (Int, Int)? {
        let parts = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return nil }
        func minutes(_ clock: String) -> Int? {
            let hm = clock.split(separator: ":")
            guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...24).contains(h), (0..<60).contains(m),
                h * 60 + m <= 24 * 60
            else { return nil }
            return h * 60 + m
        }
        guard let start = minutes(parts[0]), let end = minutes(parts[1]) else { return nil }
        return (start, end)
    }

    static func parseStage(_ reader: YAMLReader, _ stage: Stage, _ node: Node) throws(RulePackError) -> StageRule {
        let path = "stages.\(stage.rawValue)"
        guard !stage.isTerminal else { throw reader.error(node, path, "a final stage runs no clock") }
        let entries = try reader.mapping(node, path, allowed: ["deadline", "on_expiry", "outcome"])
        var deadline: DeadlineSpec?
        if let deadlineNode = entries["deadline"] {
            let text = try reader.string(deadlineNode, "\(path).deadline")
            guard let spec = DeadlineSpec(text) else {
                throw reader.error(
                    deadlineNode, "\(path).deadline",
                    "'\(text)' is not a duration: use 90m, 24h, 5d, 4wh (working hours) or 7wd (working days)")
            }
            deadline = spec
        }
        var onExpiry: LifecycleEvent?
        if let expiryNode = entries["on_expiry"] {
            let name = try reader.string(expiryNode, "\(path).on_expiry")
            let allowed = Lifecycle.events(from: stage).filter {
                Lifecycle.transition(for: $0).actors.contains(.sweeper)
            }
            guard let event = LifecycleEvent(rawValue: name), allowed.contains(event) else {
                let options = allowed.map(\.rawValue).joined(separator: ", ")
                throw reader.error(
                    expiryNode, "\(path).on_expiry",
                    "'\(name)' cannot happen on expiry of \(stage.rawValue); "
                        + (options.isEmpty ? "this stage has no default outcome" : "choose one of \(options)"))
            }
            guard deadline != nil else {
                throw reader.error(expiryNode, "\(path).on_expiry", "needs a deadline to expire")
            }
            onExpiry = event
        }
        let outcome = try entries["outcome"].map { node throws(RulePackError) in
            try localized(reader, node, "\(path).outcome")
        }
        if onExpiry != nil && outcome == nil {
            throw reader.error(node, "\(path).outcome", "say what expiry means, in en and zh")
        }
        return StageRule(stage: stage, deadline: deadline, onExpiry: onExpiry, outcome: outcome)
    }
}
