import CaseModel
import Foundation

/// The dashboard as lines of text, for the console overlay and `casedesk report`: bars for
/// counts, sparklines for days, a table per mediator. ASCII glyphs where block characters are
/// drawn two columns wide.
public enum DashboardText {
    /// The dashboard laid out for `width` columns.
    public static func lines(_ d: Dashboard, language: Language, width: Int, measure: DisplayWidth) -> [String] {
        let zh = language == .zh
        func t(_ en: String, _ zhText: String) -> String { zh ? zhText : en }
        let ascii = measure.ambiguousIsWide
        func percent(_ value: Double?) -> String { value.map { String(format: "%.0f%%", $0 * 100) } ?? "—" }
        var out: [String] = []
        out.append(
            t(
                "Backlog \(d.backlog) open · \(d.overdueNow) overdue now · \(d.pendingReview) awaiting review · "
                    + "\(d.obligationsDefaulted) obligations in default",
                "积压 \(d.backlog) 件 · 当前超时 \(d.overdueNow) 件 · 待审核 \(d.pendingReview) 件 · 履行逾期 \(d.obligationsDefaulted) 项"
            ))
        // Left: stages; right: ages, then mediators.
        let column = width >= 76 ? (width - 2) / 2 : width
        let labelWidth = 12
        let barWidth = max(4, column - labelWidth - 7)
        let topStage = d.backlogByStage.values.max() ?? 0
        var left = [t("By stage", "按阶段")]
        for stage in Stage.allCases where !stage.isTerminal {
            let count = d.backlogByStage[stage] ?? 0
            left.append(
                measure.pad(stage.label.text(language), to: labelWidth)
                    + measure.pad("\(count)", to: 5, alignRight: true)
                    + " " + Spark.bar(count, of: topStage, width: barWidth, ascii: ascii))
        }
        let topAge = d.backlogByAge.max() ?? 0
        var right = [t("By age since filing", "按立案时长")]
        for (index, label) in Dashboard.ageBuckets.enumerated() {
            let count = d.backlogByAge[index]
            right.append(
                measure.pad(label.text(language), to: labelWidth) + measure.pad("\(count)", to: 5, alignRight: true)
                    + " " + Spark.bar(count, of: topAge, width: barWidth, ascii: ascii))
        }
        right.append("")
        right.append(
            measure.pad(t("Mediator", "调解员"), to: 10) + measure.pad(t("open", "在办"), to: 5, alignRight: true)
                + measure.pad(t("ruled", "裁决"), to: 6, alignRight: true)
                + measure.pad(t("B/M/S", "买/商/分"), to: 9, alignRight: true)
                + measure.pad(t("overt", "撤销"), to: 6, alignRight: true))
        for line in d.mediators {
            right.append(
                measure.pad(measure.truncate(line.name, to: 9), to: 10)
                    + measure.pad("\(line.open)", to: 5, alignRight: true)
                    + measure.pad("\(line.decided)", to: 6, alignRight: true)
                    + measure.pad("\(line.buyer)/\(line.merchant)/\(line.split)", to: 9, alignRight: true)
                    + measure.pad("\(line.overturned)", to: 6, alignRight: true))
        }
        if column < width {
            for index in 0..<max(left.count, right.count) {
                let l = index < left.count ? left[index] : ""
                let r = index < right.count ? right[index] : ""
                out.append(
                    measure.pad(measure.truncate(l, to: column), to: column + 2) + measure.truncate(r, to: column))
            }
        } else {
            out += left.map { measure.truncate($0, to: width) }
            out.append("")
            out += right.map { measure.truncate($0, to: width) }
        }
        out.append("")
        out.append(
            t("Deadlines breached, 7 days: ", "近7天超时：") + "\(d.breachedThisWeek)  ["
                + Spark.line(d.breachesByDay, ascii: ascii) + "]")
        out.append(
            t("Rulings in force, 14 days: ", "近14天生效裁决：") + "\(d.decisionsByDay.reduce(0, +))  ["
                + Spark.line(d.decisionsByDay, ascii: ascii) + "]")
        let median = d.medianHoursToDecision.map { hours in
            hours >= 48
                ? String(format: t("%.1f days", "%.1f 天"), hours / 24) : String(format: t("%.1f h", "%.1f 小时"), hours)
        }
        out.append(t("Median time from filing to ruling: ", "立案至裁决时长中位数：") + (median ?? "—"))
        let decided = max(1, d.decidedCases)
        let outcomeBar = max(4, min(20, width / 6))
        out.append(
            t("Outcomes (\(d.decidedCases) in force): ", "裁决结果（生效 \(d.decidedCases) 件）：")
                + Favours.allCases.map { side in
                    let count = d.outcomes[side] ?? 0
                    return "\(side.label.text(language)) \(count) "
                        + Spark.bar(count, of: decided, width: outcomeBar, ascii: ascii)
                }.joined(separator: "  "))
        let decidedAppeals = d.appealOutcomes.values.reduce(0, +)
        out.append(
            t(
                "Appeal rate \(percent(d.appealRate)) (\(d.appeals) of \(d.decidedCases)) · overturn rate "
                    + "\(percent(d.overturnRate)) (\(d.appealOutcomes[.overturn] ?? 0) of \(decidedAppeals) decided)",
                "申诉率 \(percent(d.appealRate))（\(d.appeals)/\(d.decidedCases)）· 撤销率 \(percent(d.overturnRate))"
                    + "（\(d.appealOutcomes[.overturn] ?? 0)/\(decidedAppeals)）"))
        return out
    }
}
