import Foundation

/// A remedy the reference ruling orders, with how far a trainee's amount may stray from it.
public struct ReferenceRemedy: Hashable, Codable, Sendable {
    /// The catalogue id.
    public var remedy: String
    /// The amount in fen, for remedies that carry one.
    public var amountFen: Int64?
    /// How far off an amount may be and still count (default: ¥1.00).
    public var toleranceFen: Int64?

    /// Creates a reference remedy.
    public init(remedy: String, amountFen: Int64? = nil, toleranceFen: Int64? = nil) {
        self.remedy = remedy
        self.amountFen = amountFen
        self.toleranceFen = toleranceFen
    }

    /// The tolerance that applies.
    public var tolerance: Int64 { toleranceFen ?? 100 }
}

/// What a scenario expects the trainee to reach: the case's stage, the steps on the record,
/// the ruling's remedies and amounts, its citations and its findings on each point in dispute.
public struct TrainingReference: Hashable, Sendable {
    /// The stage the case should stand in at the end, when that is part of the answer.
    public var stage: Stage?
    /// Audit actions that must be on the case's record ("merchant_silent", "observer_signoff").
    public var steps: [String]
    /// The remedies a ruling should order; empty when the case should end without one.
    public var remedies: [ReferenceRemedy]
    /// The citations the ruling should rest on.
    public var citations: [String]
    /// The finding expected on each kind of point in dispute.
    public var findings: [IssueKind: Finding]

    /// Creates a reference.
    public init(
        stage: Stage? = nil, steps: [String] = [], remedies: [ReferenceRemedy] = [], citations: [String] = [],
        findings: [IssueKind: Finding] = [:]
    ) {
        self.stage = stage
        self.steps = steps
        self.remedies = remedies
        self.citations = citations
        self.findings = findings
    }
}

/// What a trainee actually did, read back from the sandbox.
public struct TraineeResult: Hashable, Sendable {
    /// The case's stage at the end.
    public var stage: Stage
    /// The audit actions on the case's record.
    public var steps: Set<String>
    /// The latest ruling's remedies (empty when there is none).
    public var remedies: [OrderedRemedy]
    /// The latest ruling's citations.
    public var citations: [String]
    /// The latest ruling's findings, by the kind of point they answer.
    public var findings: [IssueKind: Finding]
    /// Whether the trainee wrote a ruling at all.
    public var ruled: Bool

    /// Creates a result.
    public init(
        stage: Stage, steps: Set<String>, remedies: [OrderedRemedy] = [], citations: [String] = [],
        findings: [IssueKind: Finding] = [:], ruled: Bool = false
    ) {
        self.stage = stage
        self.steps = steps
        self.remedies = remedies
        self.citations = citations
        self.findings = findings
        self.ruled = ruled
    }
}

/// The part of the answer a difference belongs to.
public enum ScoreArea: String, CaseIterable, Codable, Sendable {
    case outcome, amounts, citations, findings

    /// Points the area is worth when the reference has something to say about it.
    public var weight: Int {
        switch self {
        case .outcome: 40
        case .amounts, .citations, .findings: 20
        }
    }

    /// A label for the score sheet.
    public var label: LocalizedText {
        switch self {
        case .outcome: LocalizedText(en: "Outcome", zh: "处理结果")
        case .amounts: LocalizedText(en: "Amounts", zh: "金额")
        case .citations: LocalizedText(en: "Citations", zh: "法律依据")
        case .findings: LocalizedText(en: "Findings", zh: "事实认定")
        }
    }
}

/// One way the trainee's answer differs from the reference, explained.
public struct ScoreDifference: Hashable, Codable, Sendable {
    /// Which area it costs points in.
    public var area: ScoreArea
    /// What differs, in both languages.
    public var explanation: LocalizedText

    /// Creates a difference.
    public init(area: ScoreArea, explanation: LocalizedText) {
        self.area = area
        self.explanation = explanation
    }
}

/// The points earned in one area.
public struct AreaScore: Hashable, Codable, Sendable {
    /// The area.
    public var area: ScoreArea
    /// Points earned.
    public var earned: Double
    /// Points possible.
    public var possible: Int
}

/// A trainee's score on a scenario: points per area, the percentage, and every difference named.
public struct TrainingScore: Hashable, Codable, Sendable {
    /// The areas the reference covers, in order.
    public var areas: [AreaScore]
    /// Every difference from the reference.
    public var differences: [ScoreDifference]

    /// The score out of 100, rounded down: only an answer without a difference earns 100.
    public var percent: Int {
        let possible = areas.reduce(0) { $0 + $1.possible }
        guard possible > 0 else { return 100 }
        if differences.isEmpty { return 100 }
        let earned = areas.reduce(0.0) { $0 + $1.earned }
        return min(99, Int((earned / Double(possible) * 100).rounded(.down)))
    }
}

/// Scores a trainee's result against a scenario's reference (pure).
public enum TrainingScorer {
    /// Compares area by area; an area the reference says nothing about is not scored.
    public static func score(_ result: TraineeResult, against reference: TrainingReference) -> TrainingScore {
        var differences: [ScoreDifference] = []
        var areas: [AreaScore] = []
        func area(_ kind: ScoreArea, checks: Int, failed: [LocalizedText]) {
            guard checks > 0 else { return }
            let passed = max(0, checks - failed.count)
            areas.append(
                AreaScore(area: kind, earned: Double(kind.weight * passed) / Double(checks), possible: kind.weight))
            differences += failed.map { ScoreDifference(area: kind, explanation: $0) }
        }
        let outcome = outcomeChecks(result, reference)
        area(.outcome, checks: outcome.checks, failed: outcome.failed)
        let amounts = amountChecks(result, reference)
        area(.amounts, checks: amounts.checks, failed: amounts.failed)
        let citations = citationChecks(result, reference)
        area(.citations, checks: citations.checks, failed: citations.failed)
        let findings = findingChecks(result, reference)
        area(.findings, checks: findings.checks, failed: findings.failed)
        return TrainingScore(areas: areas, differences: differences)
    }

    typealias Checks = (checks: Int, failed: [LocalizedText])

    static func outcomeChecks(_ result: TraineeResult, _ reference: TrainingReference) -> Checks {
        var checks = 0
        var failed: [LocalizedText] = []
        if let stage = reference.stage {
            checks += 1
            if result.stage != stage {
                failed.append(
                    LocalizedText(
                        en: "the case should end in stage \(stage.rawValue); it is in \(result.stage.rawValue)",
                        zh: "案件应处于「\(stage.label.zh)」阶段，实际为「\(result.stage.label.zh)」"))
            }
        }
        for step in reference.steps {
            checks += 1
            if !result.steps.contains(step) {
                failed.append(
                    LocalizedText(
                        en: "the record should show the step '\(step)'; it does not",
                        zh: "案件记录中应有「\(step)」这一步，但没有"))
            }
        }
        let expected = Set(reference.remedies.map(\.remedy))
        let ordered = Set(result.remedies.map(\.remedy))
        if !expected.isEmpty && !result.ruled {
            checks += 1
            failed.append(LocalizedText(en: "no ruling was written", zh: "没有作出裁决"))
            return (checks, failed)
        }
        if expected.isEmpty && result.ruled {
            checks += 1
            failed.append(
                LocalizedText(
                    en: "this case should not be ruled on; a ruling ordering \(list(ordered)) was written",
                    zh: "此案不应作出裁决，但作出了裁决：\(list(ordered))"))
        }
        for remedy in expected.sorted() {
            checks += 1
            if !ordered.contains(remedy) {
                failed.append(
                    LocalizedText(
                        en: "the ruling should order '\(remedy)'; it does not",
                        zh: "裁决应包含「\(remedy)」，但没有"))
            }
        }
        for remedy in ordered.subtracting(expected).sorted() where !expected.isEmpty {
            checks += 1
            failed.append(
                LocalizedText(
                    en: "the ruling orders '\(remedy)', which the reference does not",
                    zh: "裁决包含参考答案没有的「\(remedy)」"))
        }
        return (checks, failed)
    }

    static func amountChecks(_ result: TraineeResult, _ reference: TrainingReference) -> Checks {
        var checks = 0
        var failed: [LocalizedText] = []
        for expected in reference.remedies {
            guard let fen = expected.amountFen else { continue }
            checks += 1
            let want = Money(fen: fen)
            guard let given = result.remedies.first(where: { $0.remedy == expected.remedy })?.amount else {
                failed.append(
                    LocalizedText(
                        en: "'\(expected.remedy)' should be \(want.formatted); no amount was ordered",
                        zh: "「\(expected.remedy)」应为 \(want.formatted)，裁决没有这笔金额"))
                continue
            }
            if abs(given.fen - fen) > expected.tolerance {
                let tolerance = Money(fen: expected.tolerance).formatted
                failed.append(
                    LocalizedText(
                        en: "'\(expected.remedy)' is \(given.formatted); the reference is \(want.formatted) "
                            + "(within \(tolerance))",
                        zh: "「\(expected.remedy)」为 \(given.formatted)，参考答案为 \(want.formatted)（允许误差 \(tolerance)）"))
            }
        }
        return (checks, failed)
    }

    static func citationChecks(_ result: TraineeResult, _ reference: TrainingReference) -> Checks {
        let expected = Set(reference.citations)
        guard !expected.isEmpty else { return (0, []) }
        let given = Set(result.citations)
        var failed: [LocalizedText] = []
        for missing in expected.subtracting(given).sorted() {
            failed.append(LocalizedText(en: "missing citation \(missing)", zh: "缺少法律依据 \(missing)"))
        }
        for extra in given.subtracting(expected).sorted() {
            failed.append(
                LocalizedText(en: "citation \(extra) does not apply here", zh: "法律依据 \(extra) 不适用于本案"))
        }
        return (expected.union(given).count, failed)
    }

    static func findingChecks(_ result: TraineeResult, _ reference: TrainingReference) -> Checks {
        var failed: [LocalizedText] = []
        for (kind, finding) in reference.findings.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let given = result.findings[kind] else {
                failed.append(
                    LocalizedText(
                        en: "no finding on the point '\(kind.label.en)'; the reference finds it \(finding.rawValue)",
                        zh: "没有就「\(kind.label.zh)」作出认定；参考答案认定为\(finding.label.zh)"))
                continue
            }
            if given != finding {
                failed.append(
                    LocalizedText(
                        en: "the point '\(kind.label.en)' is found \(given.rawValue); the reference finds it "
                            + "\(finding.rawValue)",
                        zh: "「\(kind.label.zh)」认定为\(given.label.zh)，参考答案认定为\(finding.label.zh)"))
            }
        }
        return (reference.findings.count, failed)
    }

    static func list(_ remedies: Set<String>) -> String { remedies.sorted().joined(separator: ", ") }
}
