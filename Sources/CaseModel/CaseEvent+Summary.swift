import Foundation

extension CaseEvent {
    /// The sentence a person reads for this event, in the language asked.
    ///
    /// Derived from the event's fields; nothing ever parses it back. The English sentence is the
    /// audit record's `detail`, worded as the log has always worded it.
    public func summary(_ language: Language) -> String {
        sentence.text(language)
    }

    /// Both sentences at once.
    public var sentence: LocalizedText {
        switch self {
        case .filed(let stage, let pack, let title, _, _, _, _, _, _):
            return LocalizedText(
                en: "filed in stage \(stage.rawValue) under \(pack): \(title)",
                zh: "立案，阶段「\(stage.label.zh)」，规则包 \(pack)：\(title)")
        case .taken(let from, let to):
            return LocalizedText(
                en: "assignee \(from ?? "none") → \(to)", zh: "承办人 \(from ?? "无") → \(to)")
        case .released(let from):
            return LocalizedText(en: "assignee \(from) → none", zh: "承办人 \(from) → 无（退回队列）")
        case .stepped(_, let move, let note):
            let said = note?.sentence
            return LocalizedText(
                en: move.sentence.en + (said.map { "; \($0.en)" } ?? ""),
                zh: move.sentence.zh + (said.map { "；\($0.zh)" } ?? ""))
        case .deadlineExpired(_, let rule, let deadline, let outcome, let move):
            let at = ISO8601Time.string(deadline)
            return LocalizedText(
                en: "rule \(rule): deadline \(at) expired" + (outcome.map { " (\($0.en))" } ?? "") + "; "
                    + move.sentence.en,
                zh: "规则 \(rule)：期限 \(at) 届满" + (outcome.map { "（\($0.zh)）" } ?? "") + "；" + move.sentence.zh)
        case .evidenceRequested(let id, let party, let what, let due, let pack, let move):
            let at = ISO8601Time.string(due)
            return LocalizedText(
                en: "request #\(id) to the \(party.rawValue): \(what); due \(at) (\(pack) evidence window); "
                    + move.sentence.en,
                zh: "举证通知 #\(id) 致\(party.label.zh)：\(what)；\(at) 前提交（\(pack) 举证期）；" + move.sentence.zh)
        case .evidenceAdded(let id, let kind, let source, _, let sha256):
            return LocalizedText(
                en: "evidence #\(id) \(kind.rawValue) from \(source.rawValue) sha256 \(sha256)",
                zh: "证据 #\(id)（\(kind.rawValue)，来自 \(source.rawValue)）SHA-256 \(sha256)")
        case .issueAdded(let id, let kind, let description, let burden, let reason, _, _):
            return LocalizedText(
                en: "issue #\(id) \(kind.rawValue): \(description); burden on the \(burden.rawValue): \(reason.en)",
                zh: "争议焦点 #\(id)（\(kind.rawValue)）：\(description)；举证责任在\(burden.label.zh)：\(reason.zh)")
        case .evidenceLinked(let evidence, let issue):
            return LocalizedText(
                en: "evidence #\(evidence) linked to issue #\(issue)", zh: "证据 #\(evidence) 关联至争议焦点 #\(issue)")
        case .findingRecorded(let issue, let finding, let note):
            return LocalizedText(
                en: "issue #\(issue): \(finding.rawValue): \(note)",
                zh: "争议焦点 #\(issue) 认定为「\(finding.rawValue)」：\(note)")
        case .urged(let party, let message):
            return LocalizedText(en: "urged the \(party.rawValue): \(message)", zh: "催促\(party.label.zh)：\(message)")
        case .noted(let text):
            return LocalizedText(en: text, zh: text)
        case .partyActed(let party, let action, let tracking, let note):
            var en = action.rawValue.replacingOccurrences(of: "_", with: " ")
            var zh = "\(party.label.zh)：\(action.rawValue)"
            if let tracking {
                en += ", tracking \(tracking)"
                zh += "，运单号 \(tracking)"
            }
            if let note {
                en += ": \(note)"
                zh += "：\(note)"
            }
            return LocalizedText(en: en, zh: zh)
        case .ruled(let entry):
            return entry.sentence
        case .rulingReviewed(let id, let revision, let mediator, let approved, let comment):
            return LocalizedText(
                en: "ruling #\(id) r\(revision) by \(mediator) " + (approved ? "approved" : "returned for revision")
                    + (comment.map { ": \($0)" } ?? ""),
                zh: "\(mediator) 的裁决 #\(id) 第 \(revision) 版" + (approved ? "审核通过" : "退回修改")
                    + (comment.map { "：\($0)" } ?? ""))
        case .observerSignedOff(let observer, let statement):
            return LocalizedText(
                en: "independent observer \(observer) signed off: \(statement)",
                zh: "独立观察员 \(observer) 签署意见：\(statement)")
        case .obligationCreated(let entry):
            let money = entry.amount.map { " \($0.formatted)" } ?? ""
            let at = ISO8601Time.string(entry.due)
            return LocalizedText(
                en: "obligation #\(entry.obligationID): \(entry.obligor.rawValue) must \(entry.task)\(money) by \(at)",
                zh: "义务 #\(entry.obligationID)：\(entry.obligor.label.zh)须于 \(at) 前履行 \(entry.task)\(money)")
        case .obligationFulfilled(let id, let label, let late, let note):
            return LocalizedText(
                en: "obligation #\(id) fulfilled" + (late ? " (late, after default)" : "") + ": \(label.en)"
                    + (note.map { "; \($0)" } ?? ""),
                zh: "义务 #\(id) 已履行" + (late ? "（逾期后履行）" : "") + "：\(label.zh)" + (note.map { "；\($0)" } ?? ""))
        case .obligationDefaulted(let id, let obligor, let label, let due, let pack, let consequence):
            let at = ISO8601Time.string(due)
            return LocalizedText(
                en: "rule \(pack) obligations.\(obligor.rawValue): obligation #\(id) (\(label.en)) not carried out by "
                    + "\(at); \(consequence?.en ?? "urge the party")",
                zh: "规则 \(pack) obligations.\(obligor.rawValue)：义务 #\(id)（\(label.zh)）未在 \(at) 前履行；"
                    + (consequence?.zh ?? "催促当事人"))
        case .appealFiled(_, _, let party, let grounds, _, let move):
            return LocalizedText(
                en: move.sentence.en + "; \(party.rawValue) says: \(grounds)",
                zh: move.sentence.zh + "；\(party.label.zh)申诉：\(grounds)")
        case .appealDecided(let id, let party, let ruling, let outcome, let reasons, _):
            return LocalizedText(
                en: "appeal #\(id) by the \(party.rawValue) against ruling #\(ruling): \(outcome.rawValue); \(reasons)",
                zh: "\(party.label.zh)对裁决 #\(ruling) 的申诉 #\(id)：\(outcome.label.zh)；\(reasons)")
        case .priorityChanged(let from, let to):
            return LocalizedText(en: "priority \(from) → \(to)", zh: "优先级 \(from) → \(to)")
        case .flagChanged(let flag, let raised):
            return LocalizedText(
                en: "\(raised ? "flagged" : "unflagged") \(flag.rawValue)",
                zh: (raised ? "标记" : "取消标记") + "「\(flag.label.zh)」")
        case .seeded(let cases, let evidence, let seed, let digest):
            let items = evidence.map { "#\($0.lowerBound)–#\($0.upperBound)" }
            return LocalizedText(
                en: "seeded cases #\(cases.lowerBound)–#\(cases.upperBound) with evidence \(items ?? "none") "
                    + "(seed \(seed)); evidence digest \(digest)",
                zh: "生成示例案件 #\(cases.lowerBound)–#\(cases.upperBound)，证据 \(items ?? "无")（种子 \(seed)）；证据摘要 \(digest)")
        case .staffAdded(let name, let role):
            return LocalizedText(en: "\(name) registered as \(role.rawValue)", zh: "登记人员 \(name)，角色 \(role.rawValue)")
        case .staffRoleChanged(let name, let from, let to):
            return LocalizedText(
                en: "\(name): \(from.rawValue) → \(to.rawValue)", zh: "\(name) 的角色：\(from.rawValue) → \(to.rawValue)")
        case .rulePackChosen(let from, let to):
            return LocalizedText(en: "rule pack for new cases \(from) → \(to)", zh: "新案件适用的规则包 \(from) → \(to)")
        }
    }
}

extension StageMove {
    /// "stage a → b, deadline 2026-11-28T08:00:00Z, clock paused with 3600s left".
    public var sentence: LocalizedText {
        var en = "stage \(from.rawValue) → \(to.rawValue)"
        var zh = "阶段「\(from.label.zh)」→「\(to.label.zh)」"
        if let deadline {
            en += ", deadline \(ISO8601Time.string(deadline))"
            zh += "，期限 \(ISO8601Time.string(deadline))"
        }
        if let pausedRemaining {
            en += ", clock paused with \(pausedRemaining)s left"
            zh += "，计时暂停，剩余 \(pausedRemaining) 秒"
        }
        return LocalizedText(en: en, zh: zh)
    }
}

extension StepNote {
    /// "buyer says: …", "ruling #4 in force".
    public var sentence: LocalizedText {
        switch self {
        case .partySays(let party, let text):
            LocalizedText(en: "\(party.rawValue) says: \(text)", zh: "\(party.label.zh)称：\(text)")
        case .rulingInForce(let id):
            LocalizedText(en: "ruling #\(id) in force", zh: "裁决 #\(id) 生效")
        }
    }
}

extension RulingEntry {
    /// "ruling #4 r2: refund ¥120.00 + fraud_damages ¥500.00 (3 × …), buyer-favoured; cites …; sha256 …".
    public var sentence: LocalizedText {
        let remedies = terms.remedies.map { ordered in
            var text = ordered.remedy
            if let amount = ordered.amount { text += " \(amount.formatted)" }
            if let formula = ordered.formula { text += " (\(formula))" }
            if let reason = ordered.overrideReason { text += " [override: \(reason)]" }
            return text
        }.joined(separator: " + ")
        let cites = terms.citations.joined(separator: ", ")
        let en =
            "ruling #\(rulingID) r\(revision): \(remedies), \(favours.label.en); cites \(cites); "
            + "no conflict of interest declared by \(mediator); sha256 \(sha256)"
        let zh =
            "裁决 #\(rulingID) 第 \(revision) 版：\(remedies)，\(favours.label.zh)；依据 \(cites)；"
            + "\(mediator) 声明无利益冲突；SHA-256 \(sha256)"
        if let appealID {
            return LocalizedText(en: en + "; decides appeal #\(appealID)", zh: zh + "；复核申诉 #\(appealID)")
        }
        if let reviewReason {
            return LocalizedText(en: en + "; to review: \(reviewReason)", zh: zh + "；待主管审核：\(reviewReason)")
        }
        return LocalizedText(en: en + "; takes effect without review", zh: zh + "；无需审核，立即生效")
    }
}
