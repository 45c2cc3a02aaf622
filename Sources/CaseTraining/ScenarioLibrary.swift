import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import RulePacks

/// The scenario library shipped with CaseDesk: one YAML file per scenario, every text in
/// Chinese and English (`{en: …, zh: …}`), read in the trainee's language.
public enum ScenarioLibrary {
    /// The ids of the shipped scenarios, in teaching order.
    public static func ids() throws -> [String] {
        try files().map(\.id)
    }

    /// Every scenario, in teaching order, in `language`.
    public static func all(_ language: Language) throws -> [Scenario] {
        try files().map { try load(path: $0.path, language: language) }
    }

    /// One scenario by id, in `language`.
    public static func scenario(_ id: String, language: Language) throws -> Scenario {
        let known = try files()
        guard let file = known.first(where: { $0.id == id }) else {
            throw ScenarioError(
                description: "no scenario '\(id)'; the library has \(known.map(\.id).joined(separator: ", "))")
        }
        return try load(path: file.path, language: language)
    }

    /// Reads a scenario file (a shipped one, or a trainer's own) in `language`.
    public static func load(path: String, language: Language) throws -> Scenario {
        let name = (path as NSString).lastPathComponent
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return try parse(text, language: language)
        } catch let error as ScenarioError {
            throw ScenarioError(description: "\(name): \(error.description)")
        } catch let error as DecodingError {
            throw ScenarioError(description: "\(name): \(describe(error))")
        } catch {
            throw ScenarioError(description: "\(name): \(error)")
        }
    }

    /// Parses a scenario's YAML text in `language`.
    static func parse(_ text: String, language: Language) throws -> Scenario {
        guard let tree = try BoundedYAML.load(text) else { throw ScenarioError(description: "the file is empty") }
        guard var localized = try localize(tree, language: language, at: "") as? [String: Any] else {
            throw ScenarioError(description: "the file is not a map of keys")
        }
        // The case is a case document, read exactly as import reads one (its keys are its own).
        guard let caseTree = localized.removeValue(forKey: "case") else {
            throw ScenarioError(description: ".case is missing")
        }
        let document: CaseDocument
        do {
            document = try CaseDocument.decode(try JSONSerialization.data(withJSONObject: caseTree))
        } catch let error as DecodingError {
            throw ScenarioError(description: ".case" + describe(error))
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ScenarioFile.self, from: try JSONSerialization.data(withJSONObject: localized))
            .scenario(document, language: language)
    }

    /// Replaces every `{en: …, zh: …}` pair by its text in `language`; a pair missing one is an error.
    static func localize(_ node: Any, language: Language, at path: String) throws -> Any {
        if let map = node as? [String: Any] {
            let keys = Set(map.keys)
            if keys == ["en", "zh"] {
                guard let text = map[language.rawValue] as? String, !text.isEmpty else {
                    throw ScenarioError(description: "\(path): the \(language.rawValue) text is empty")
                }
                return text
            }
            if keys.count == 1, keys.isSubset(of: ["en", "zh"]) {
                throw ScenarioError(description: "\(path): needs both en and zh")
            }
            var result: [String: Any] = [:]
            for (key, value) in map { result[key] = try localize(value, language: language, at: path + "." + key) }
            return result
        }
        if let list = node as? [Any] {
            return try list.enumerated().map { try localize($1, language: language, at: "\(path)[\($0)]") }
        }
        return node
    }

    static func describe(_ error: DecodingError) -> String {
        func at(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(at(context)).\(key.stringValue) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(at(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    /// The shipped files, ordered by their numeric prefix ("01-merchant-silence.yaml").
    static func files() throws -> [(id: String, path: String)] {
        guard let directory = Bundle.module.url(forResource: "Scenarios", withExtension: nil) else {
            throw ScenarioError(description: "the scenario library is missing from the CaseStore bundle")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        return names.map { name in
            let stem = (name as NSString).deletingPathExtension
            let id = stem.drop { $0.isNumber }.drop { $0 == "-" }
            return (String(id), directory.appendingPathComponent(name).path)
        }
    }
}

/// A scenario file as written.
struct ScenarioFile: Decodable {
    struct Event: Decodable {
        var atHours: Double
        var party: PartyRole
        var event: PartyAction
        var note: String?
        var tracking: String?
        var evidence: Evidence?
    }

    struct Evidence: Decodable {
        var kind: EvidenceKind
        var description: String
        var content: String
    }

    struct Step: Decodable {
        var note: String
        var `do`: [Action]?
    }

    struct Action: Decodable {
        struct Request: Decodable {
            var party: PartyRole
            var what: String
        }
        struct Issue: Decodable {
            var kind: IssueKind
            var description: String
            var buyerConfirmedReceipt: Bool?
        }
        struct Rule: Decodable {
            var reasons: String
            var findingNote: String?
        }
        struct AppealDecision: Decodable {
            var outcome: AppealOutcome
            var reasons: String
        }
        struct Observe: Decodable {
            var observer: String
            var statement: String
        }
        struct Fulfil: Decodable { var note: String }

        var take: Bool?
        var wait: Double?
        var step: LifecycleEvent?
        var request: Request?
        var issue: Issue?
        var rule: Rule?
        var decideAppeal: AppealDecision?
        var observe: Observe?
        var fulfil: Fulfil?

        func action() throws -> ScenarioAction {
            var found: [ScenarioAction] = []
            if take == true { found.append(.take) }
            if let wait { found.append(.wait(hours: wait)) }
            if let step { found.append(.step(step)) }
            if let request { found.append(.request(party: request.party, what: request.what)) }
            if let issue {
                found.append(
                    .issue(
                        kind: issue.kind, description: issue.description,
                        buyerConfirmedReceipt: issue.buyerConfirmedReceipt ?? false))
            }
            if let rule { found.append(.rule(reasons: rule.reasons, findingNote: rule.findingNote ?? rule.reasons)) }
            if let decideAppeal { found.append(.decideAppeal(decideAppeal.outcome, reasons: decideAppeal.reasons)) }
            if let observe { found.append(.observe(observer: observe.observer, statement: observe.statement)) }
            if let fulfil { found.append(.fulfil(note: fulfil.note)) }
            guard found.count == 1, let only = found.first else {
                throw ScenarioError(
                    description: "each action names exactly one of take, wait, step, request, issue, rule, "
                        + "decide_appeal, observe, fulfil")
            }
            return only
        }
    }

    struct Finding: Decodable {
        var kind: IssueKind
        var finding: CaseModel.Finding
    }

    struct Reference: Decodable {
        var stage: Stage?
        var steps: [String]?
        var remedies: [ReferenceRemedy]?
        var citations: [String]?
        var findings: [Finding]?
        var explanation: String
    }

    var id: String
    var title: String
    var summary: String
    var role: StaffRole?
    var staff: [StaffMember]?
    var events: [Event]?
    var steps: [Step]
    var reference: Reference

    func scenario(_ document: CaseDocument, language: Language) throws -> Scenario {
        guard !steps.isEmpty else { throw ScenarioError(description: "a scenario needs at least one step") }
        return Scenario(
            id: id, title: title, summary: summary, role: role ?? .mediator, staff: staff ?? [], document: document,
            events: (events ?? []).map {
                ScenarioEvent(
                    atHours: $0.atHours, party: $0.party, action: $0.event, note: $0.note, tracking: $0.tracking,
                    evidence: $0.evidence.map { ($0.kind, $0.description, $0.content) })
            }.sorted { $0.atHours < $1.atHours },
            steps: try steps.map { ScenarioStep(note: $0.note, actions: try ($0.do ?? []).map { try $0.action() }) },
            reference: TrainingReference(
                stage: reference.stage, steps: reference.steps ?? [], remedies: reference.remedies ?? [],
                citations: reference.citations ?? [],
                findings: Dictionary((reference.findings ?? []).map { ($0.kind, $0.finding) }) { _, last in last }),
            explanation: reference.explanation, language: language)
    }
}
