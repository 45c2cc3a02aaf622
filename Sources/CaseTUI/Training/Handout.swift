import CaseModel
import CaseStore
import CaseTraining
import Foundation

/// A scenario's printable handout: the brief, the case, what the parties do and when, each
/// step's note with the console as it looks after the step (rendered headless), and the answer.
public enum Handout {
    /// The handout as Markdown, played on `store` (new and empty, in memory) at `width`×`height`.
    public static func markdown(
        _ scenario: Scenario, rules: RulePackCatalog, store: any CaseStore, measure: DisplayWidth = .standard,
        width: Int = 80, height: Int = 24
    ) throws -> String {
        let language = scenario.language
        func t(_ en: String, _ chinese: String) -> String { language == .zh ? chinese : en }
        let sandbox = try TrainingSandbox(scenario: scenario, trainee: "trainee", rules: rules, store: store)
        var state = AppState(width: width, height: height, now: sandbox.now(), databaseLabel: "sandbox")
        state.rules = rules
        state.staff = sandbox.trainee
        state.language = language
        state.measure = measure
        var driver = AppDriver(
            state: state, database: sandbox.database, clock: { sandbox.now() },
            training: TrainingSession(sandbox: sandbox, book: nil))
        var out: [String] = [
            "# \(scenario.title)", "",
            t("*CaseDesk training handout · scenario `\(scenario.id)`*", "*CaseDesk 培训讲义 · 案例 `\(scenario.id)`*"), "",
            scenario.summary, "", t("## The case", "## 案情"), "", "**\(scenario.caseTitle)**", "",
            scenario.caseNarrative, "", t("You play: ", "你的角色：") + "**\(scenario.role.rawValue)**", "",
            screen(driver),
        ]
        if !scenario.events.isEmpty {
            out += [
                t("## What the parties do", "## 当事人行为"), "", t("| after | who | what |", "| 时间 | 当事人 | 行为 |"),
                "|---|---|---|",
            ]
            for event in scenario.events {
                let hours = event.atHours == event.atHours.rounded() ? "\(Int(event.atHours))" : "\(event.atHours)"
                let note = event.note.map { ": " + cell($0) } ?? ""
                let evidence = event.evidence.map { " (" + cell($0.description) + ")" } ?? ""
                out.append(
                    "| \(hours)\(t(" h", " 小时")) | \(event.party.label.text(language)) | "
                        + "`\(event.action.rawValue)`\(note)\(evidence) |")
            }
            out.append("")
        }
        out += [t("## Walkthrough", "## 操作步骤"), ""]
        try sandbox.playReference { index in
            driver.send(.trainingAdvanced([], now: sandbox.now()))
            out += [t("### Step \(index + 1)", "### 第 \(index + 1) 步"), "", scenario.steps[index].note, ""]
            // The console after the step: the walkthrough has moved on to the next note.
            if !scenario.steps[index].actions.isEmpty { out.append(screen(driver)) }
        }
        out += [t("## Reference answer", "## 参考答案"), ""]
        out += ScoreSheet.referenceLines(scenario.reference, language: language, catalogue: rules.catalogue)
            .map { "- " + $0 }
        out += ["", t("**Why.** ", "**理由。**") + scenario.explanation, ""]
        return out.joined(separator: "\n")
    }

    static func screen(_ driver: AppDriver) -> String {
        "```text\n" + driver.render().text + "\n```\n"
    }

    /// Text safe inside a Markdown table cell.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
