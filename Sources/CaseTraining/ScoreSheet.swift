import CaseInterchange
import CaseModel
import CaseStore
import Foundation

/// The score sheet a trainee sees at the end of a scenario: points per area, each difference
/// explained, the reference answer and why it is right.
public enum ScoreSheet {
    /// The sheet as plain text in `language`; `earlier` are the trainee's earlier attempts at it.
    public static func text(
        _ score: TrainingScore, scenario: Scenario, catalogue: Catalogue, earlier: [ScoreRecord] = []
    ) -> String {
        let language = scenario.language
        func t(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }
        var lines = [t("Score: \(score.percent)/100", "得分：\(score.percent)/100") + " — \(scenario.title)", ""]
        for area in score.areas {
            let earned =
                area.earned.rounded(.down) == area.earned ? "\(Int(area.earned))" : String(format: "%.1f", area.earned)
            lines.append("  \(area.area.label.text(language)): \(earned)/\(area.possible)")
        }
        lines.append("")
        if score.differences.isEmpty {
            lines.append(t("No difference from the reference.", "与参考答案完全一致。"))
        } else {
            lines.append(t("Differences from the reference:", "与参考答案的差异："))
            for difference in score.differences {
                lines.append("  • [\(difference.area.label.text(language))] \(difference.explanation.text(language))")
            }
        }
        lines.append("")
        lines.append(t("Reference answer:", "参考答案："))
        lines += referenceLines(scenario.reference, language: language, catalogue: catalogue).map { "  • " + $0 }
        lines.append("")
        lines.append(t("Why:", "理由：") + " " + scenario.explanation)
        if !earlier.isEmpty {
            lines.append("")
            lines.append(t("Earlier attempts:", "此前的成绩："))
            for record in earlier {
                lines.append("  • \(ISO8601Time.string(record.finishedAt)) \(record.percent)/100")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The reference answer, one point per line.
    public static func referenceLines(_ reference: TrainingReference, language: Language, catalogue: Catalogue)
        -> [String]
    {
        func t(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }
        var lines: [String] = []
        if let stage = reference.stage {
            lines.append(t("the case ends in ", "案件最终处于") + stage.label.text(language) + " (\(stage.rawValue))")
        }
        if !reference.steps.isEmpty {
            lines.append(t("on the record: ", "案件记录中应有：") + reference.steps.joined(separator: ", "))
        }
        if reference.remedies.isEmpty {
            lines.append(t("no ruling", "不作裁决"))
        }
        for remedy in reference.remedies {
            let label = catalogue.remedy(remedy.remedy)?.label.text(language) ?? remedy.remedy
            let amount = remedy.amountFen.map { " " + Money(fen: $0).formatted } ?? ""
            lines.append(t("orders ", "裁决：") + "\(label) (\(remedy.remedy))\(amount)")
        }
        if !reference.citations.isEmpty {
            lines.append(t("cites ", "依据：") + reference.citations.joined(separator: ", "))
        }
        for (kind, finding) in reference.findings.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            lines.append("\(kind.label.text(language)): \(finding.label.text(language))")
        }
        return lines
    }
}
