import Foundation

/// The decision as the parties receive it (issue 6): facts found, reasons, legal basis, remedies
/// with deadlines, and how and until when to appeal. Plain text, one language, pure.
public enum RulingNotice {
    /// The notice for a case's ruling.
    ///
    /// - Parameters:
    ///   - ruling: the ruling in force (or, before it takes effect, the latest revision, marked as such).
    ///   - appeals: the case's appeals, to say what was decided and whether another may be filed.
    public static func render(
        case item: Case, ruling: Ruling, issues: [DisputeIssue], obligations: [Obligation], appeals: [Appeal],
        catalogue: Catalogue, pack: RulePack, language: Language
    ) -> String {
        let zh = language == .zh
        func t(_ en: String, _ zhText: String) -> String { zh ? zhText : en }
        func time(_ date: Date) -> String { Self.time(date, in: pack.calendar.timeZone) }
        let colon = zh ? "：" : ": "
        var lines: [String] = []
        lines.append(t("DISPUTE RULING NOTICE", "纠纷处理决定书"))
        lines.append(t("Case", "案件编号") + " #\(item.id) · \(pack.name.text(language)) (\(pack.reference))")
        if ruling.status != .final {
            lines.append(
                t(
                    "DRAFT, not yet in force: \(ruling.status.label.en)",
                    "草稿，尚未生效：\(ruling.status.label.zh)"))
        }
        lines.append("")
        lines.append(t("Buyer", "买家") + colon + "\(item.buyer.name) (\(item.buyer.account))")
        lines.append(t("Merchant", "商家") + colon + "\(item.merchant.name) (\(item.merchant.account))")
        lines.append(
            t("Order", "订单") + colon + item.orderID + t(", paid ", "，实付 ") + item.orderAmount.formatted
                + t("; ", "；")
                + t("claim ", "请求金额 ") + item.claimAmount.formatted)
        lines.append(t("Dispute", "争议") + colon + "\(item.title)")
        lines.append("")
        lines.append(t("1. Facts found", "一、查明事实"))
        if ruling.draft.findings.isEmpty {
            lines.append(
                "   " + t("No point was in dispute; the facts are as the parties stated them.", "本案无争议焦点，事实以双方陈述为准。"))
        }
        for finding in ruling.draft.findings {
            let issue = issues.first { $0.id == finding.issueID }
            let what = issue?.description ?? "#\(finding.issueID)"
            let verdict: String
            switch finding.finding {
            case .proven: verdict = t("proven", "成立")
            case .notProven: verdict = t("not proven", "不成立")
            case .undetermined: verdict = t("cannot be determined", "无法查明")
            }
            let burden = issue.map { t(" (burden on the \($0.burden.rawValue))", "（举证责任：\($0.burden.label.zh)）") } ?? ""
            lines.append("   • \(what)\(burden)\(colon)\(verdict)\(zh ? "。" : ". ")\(finding.note)")
        }
        lines.append("")
        lines.append(t("2. Reasons", "二、裁决理由"))
        lines.append("   " + ruling.draft.reasons)
        lines.append("")
        lines.append(t("3. Legal basis", "三、依据"))
        for citation in ruling.draft.citations {
            if let statute = catalogue.statute(citation) {
                lines.append(
                    "   • \(statute.title.text(language)) (\(statute.id))\(colon)\(statute.rule.text(language))")
            } else {
                let parts = citation.split(separator: " ")
                let stage = parts.count == 2 ? Stage(rawValue: String(parts[1])) : nil
                let rule = stage.flatMap { pack.rule(for: $0) }
                var text =
                    "   • \(pack.name.text(language))" + (zh ? "，" : ", ") + (stage?.label.text(language) ?? citation)
                if let rule, let deadline = rule.deadline {
                    text += t(": \(deadline.words.en)", "：\(deadline.words.zh)")
                    if let outcome = rule.outcome { text += t(", then \(outcome.en)", "，逾期\(outcome.zh)") }
                }
                lines.append(text)
            }
        }
        lines.append("")
        lines.append(t("4. Decision (\(ruling.favours.label.en))", "四、裁决结果（\(ruling.favours.label.zh)）"))
        for ordered in ruling.draft.remedies {
            let label = catalogue.remedy(ordered.remedy)?.label.text(language) ?? ordered.remedy
            var text = "   • \(label)"
            if let amount = ordered.amount { text += " \(amount.formatted)" }
            if let formula = ordered.formula { text += t(" — computed: \(formula)", "，计算：\(formula)") }
            if let reason = ordered.overrideReason { text += t("; amount adjusted: \(reason)", "；金额调整理由：\(reason)") }
            lines.append(text)
        }
        let owed = obligations.filter { $0.rulingID == ruling.id }
        if !owed.isEmpty {
            lines.append("")
            lines.append(t("5. What must be done, and by when", "五、履行事项与期限"))
            for obligation in owed {
                var text =
                    "   • \(obligation.label(catalogue).text(language)), " + t("by ", "期限 ") + time(obligation.dueAt)
                switch obligation.status {
                case .open: break
                case .fulfilled: text += t(" — fulfilled", "（已履行）")
                case .defaulted: text += t(" — NOT carried out in time", "（逾期未履行）")
                }
                lines.append(text)
                if let consequence = pack.obligations.onDefault[obligation.obligor] {
                    lines.append("     " + t("If not done in time: ", "逾期未履行：") + consequence.text(language))
                }
            }
        }
        lines.append("")
        lines.append((owed.isEmpty ? t("5. ", "五、") : t("6. ", "六、")) + t("Appeal", "申诉"))
        lines.append(
            contentsOf: appealLines(item: item, ruling: ruling, appeals: appeals, pack: pack, language: language))
        lines.append("")
        lines.append(
            t("Decided by ", "承办人：") + ruling.mediator + t(" on ", "，") + time(ruling.createdAt)
                + (ruling.reviewer.map { t(", reviewed by \($0)", "，审核人：\($0)") } ?? ""))
        lines.append(
            t(
                "The record of this case is kept unaltered, with SHA-256 hashes of every item of evidence (E-commerce Law art. 31).",
                "本案全部记录及证据的 SHA-256 哈希值依法完整保存，不可篡改（电子商务法第三十一条）。"))
        return lines.joined(separator: "\n") + "\n"
    }

    static func appealLines(item: Case, ruling: Ruling, appeals: [Appeal], pack: RulePack, language: Language)
        -> [String]
    {
        let zh = language == .zh
        func t(_ en: String, _ zhText: String) -> String { zh ? zhText : en }
        var lines: [String] = []
        for appeal in appeals {
            var text =
                "   "
                + t(
                    "Appeal #\(appeal.id) by the \(appeal.party.rawValue): ",
                    "申诉 #\(appeal.id)（\(appeal.party.label.zh)）：")
                + appeal.grounds
            if let outcome = appeal.outcome {
                text += t(
                    " — \(outcome.label.en) by \(appeal.decidedBy ?? "?"): ",
                    "——\(outcome.label.zh)，决定人 \(appeal.decidedBy ?? "?")：")
                text += appeal.reasons ?? ""
            } else {
                text += t(" — under review", "——复核中")
            }
            lines.append(text)
        }
        let window = pack.rule(for: .appealWindow)?.deadline
        let remaining = pack.maxAppeals - appeals.count
        if remaining <= 0 {
            lines.append(
                "   "
                    + t(
                        "No further appeal lies on the platform. Either party may still turn to a consumer association, "
                            + "arbitration or the courts (Consumer Rights Protection Law art. 39).",
                        "平台内不再受理申诉。双方仍可向消费者协会投诉，或申请仲裁、提起诉讼（消费者权益保护法第三十九条）。"))
        } else if item.stage == .appealWindow, let deadline = item.stageDeadline {
            lines.append(
                "   "
                    + t(
                        "Either party may appeal until \(time(deadline, in: pack.calendar.timeZone)), on the order's dispute page, "
                            + "stating the grounds and attaching any new evidence. A supervisor who took no part in this "
                            + "ruling decides the appeal.",
                        "任一方可于 \(time(deadline, in: pack.calendar.timeZone)) 前在订单纠纷页面提出申诉，写明理由并可附新证据；"
                            + "申诉由未参与本裁决的主管复核。"))
        } else if item.stage == .closed || item.stage.isTerminal {
            lines.append("   " + t("The appeal period has ended; this decision is final.", "申诉期已届满，本决定为最终决定。"))
        } else if let window {
            lines.append(
                "   "
                    + t(
                        "Either party may appeal within \(window.words.en) after the decision is carried out, on the order's "
                            + "dispute page, stating the grounds and attaching any new evidence. A supervisor who took no "
                            + "part in this ruling decides the appeal.",
                        "裁决履行完毕后 \(window.words.zh) 内，任一方可在订单纠纷页面提出申诉，写明理由并可附新证据；"
                            + "申诉由未参与本裁决的主管复核。"))
        }
        return lines
    }

    /// "2026-11-27 16:00 (Asia/Shanghai)": the pack's own time zone, which the parties live in.
    public static func time(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        let name = zone.identifier == "GMT" ? "UTC" : zone.identifier
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)) (\(name))"
    }
}
