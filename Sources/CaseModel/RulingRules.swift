import Foundation

/// Why a ruling, a review or an appeal decision was refused.
public enum RulingError: Error, Hashable, Sendable {
    case noRemedy
    case unknownRemedy(String)
    case rejectionWithRemedies
    case repeatedRemedy(String)
    case amountRequired(remedy: String)
    case amountNotAllowed(remedy: String)
    case amountNotPositive(remedy: String)
    case refundAboveOrder(remedy: String, amount: Money, order: Money)
    case overrideNeedsReason(remedy: String, computed: Award)
    case missingFinding(issueID: Int64)
    case unknownIssue(issueID: Int64)
    case emptyFinding(issueID: Int64)
    case reasonsRequired
    case citationsRequired
    case unknownCitation(String)
    case basisNotCited(remedy: String, statutes: [String])
    case conflictNotDeclared
    case observerSignoffMissing(caseID: Int64)
    case ownRuling(name: String, caseID: Int64)
    case involvedInRuling(name: String, caseID: Int64, how: String)
    case overturnKeepsSide(Favours)
    case modifyChangesNothing
    case modifyChangesSide(from: Favours, to: Favours)
    case upholdWithTerms
    case commentRequired

    /// A message that says what to do, in both languages.
    public var message: LocalizedText {
        switch self {
        case .noRemedy:
            LocalizedText(
                en: "choose an outcome: at least one remedy, or claim_rejected", zh: "请选择裁决结果：至少一项救济，或驳回请求")
        case .unknownRemedy(let id):
            LocalizedText(en: "'\(id)' is not a remedy in the catalogue", zh: "「\(id)」不是目录中的救济方式")
        case .rejectionWithRemedies:
            LocalizedText(
                en: "claim_rejected stands alone: a rejected claim orders no remedy", zh: "驳回请求不能与其他救济同时裁决")
        case .repeatedRemedy(let id):
            LocalizedText(en: "\(id) is ordered twice; order it once with the whole amount", zh: "「\(id)」重复，请合并金额")
        case .amountRequired(let id):
            LocalizedText(en: "\(id) needs an amount", zh: "「\(id)」需要金额")
        case .amountNotAllowed(let id):
            LocalizedText(en: "\(id) is not a payment: give no amount", zh: "「\(id)」不是金钱给付，不应填写金额")
        case .amountNotPositive(let id):
            LocalizedText(en: "the amount for \(id) must be more than ¥0.00", zh: "「\(id)」的金额必须大于零")
        case .refundAboveOrder(let id, let amount, let order):
            LocalizedText(
                en: "\(id) of \(amount.formatted) is more than the \(order.formatted) paid for the order",
                zh: "「\(id)」金额 \(amount.formatted) 超过订单实付 \(order.formatted)")
        case .overrideNeedsReason(let id, let award):
            LocalizedText(
                en: "\(id): the statute gives \(award.amount.formatted) (\(award.formula)); "
                    + "give a reason to order a different amount",
                zh: "「\(id)」法定金额为 \(award.amount.formatted)（\(award.formula)）；如需变更金额，请说明理由")
        case .missingFinding(let issue):
            LocalizedText(en: "point in dispute #\(issue) needs a finding", zh: "争议焦点 #\(issue) 尚无认定")
        case .unknownIssue(let issue):
            LocalizedText(en: "#\(issue) is not a point in dispute on this case", zh: "#\(issue) 不是本案的争议焦点")
        case .emptyFinding(let issue):
            LocalizedText(
                en: "the finding on #\(issue) needs the facts found, in words", zh: "争议焦点 #\(issue) 的认定需写明查明的事实")
        case .reasonsRequired:
            LocalizedText(en: "write the reasons: parties are owed more than a result", zh: "请写明裁决理由")
        case .citationsRequired:
            LocalizedText(
                en: "cite the statutes or rule-pack rules the ruling rests on", zh: "请引用裁决所依据的法律条文或平台规则")
        case .unknownCitation(let text):
            LocalizedText(
                en: "'\(text)' is neither a statute in the catalogue nor a rule of this case's pack "
                    + "(see `casedesk statutes` and `casedesk rules show`)",
                zh: "「\(text)」不是目录中的法条，也不是本案规则包的规则（见 casedesk statutes、casedesk rules show）")
        case .basisNotCited(let id, let statutes):
            LocalizedText(
                en: "\(id) rests on \(statutes.joined(separator: " or ")): cite it",
                zh: "「\(id)」的依据是 \(statutes.joined(separator: "、"))，请引用")
        case .conflictNotDeclared:
            LocalizedText(
                en: "declare that you have no conflict of interest with either party; if you have one, "
                    + "release the case to another mediator",
                zh: "请声明与双方当事人均无利益冲突；如有冲突，请释放案件由其他调解员处理")
        case .observerSignoffMissing(let id):
            LocalizedText(
                en: "case #\(id) is flagged platform-interest: record an independent observer's sign-off "
                    + "(`casedesk case observe \(id)`) before the ruling can take effect",
                zh: "案件 #\(id) 涉及平台利益：生效前须记录独立观察员的签署意见（casedesk case observe \(id)）")
        case .ownRuling(let name, let id):
            LocalizedText(
                en: "\(name) wrote the ruling on case #\(id): nobody reviews their own ruling",
                zh: "\(name) 是案件 #\(id) 裁决的作出者，不能审核自己的裁决")
        case .involvedInRuling(let name, let id, let how):
            LocalizedText(
                en: "\(name) \(how) the ruling on case #\(id): a supervisor not involved in it decides the appeal",
                zh: "\(name) 参与了案件 #\(id) 的原裁决（\(how)），申诉须由未参与的主管裁决")
        case .overturnKeepsSide(let side):
            LocalizedText(
                en: "an overturn reverses the ruling, but the new terms are still \(side.label.en): use modify",
                zh: "撤销须改变裁决结果，新结果仍为「\(side.label.zh)」，请选择变更")
        case .modifyChangesNothing:
            LocalizedText(
                en: "the new terms are the same as the ruling's: uphold it instead", zh: "新的裁决内容与原裁决相同，请选择维持")
        case .modifyChangesSide(let from, let to):
            LocalizedText(
                en: "the new terms turn a \(from.label.en) ruling \(to.label.en): that is an overturn",
                zh: "新内容将「\(from.label.zh)」改为「\(to.label.zh)」，应选择撤销")
        case .upholdWithTerms:
            LocalizedText(en: "upholding keeps the ruling's terms: give no new remedies", zh: "维持原裁决时不应提出新的救济")
        case .commentRequired:
            LocalizedText(
                en: "say what the mediator should revise: a returned ruling needs comments", zh: "退回修改时请写明意见")
        }
    }
}

/// The rules a ruling must satisfy, and who may review or decide on appeal: pure functions.
public enum RulingRules {
    /// Remedies whose amount may not exceed what the buyer paid.
    static let refunds: Set<String> = ["refund", "partial_refund", "return_and_refund", "price_reduction"]

    /// Every problem with a draft, in the order a mediator would fix them; empty when it may be submitted.
    ///
    /// - Parameters:
    ///   - issueIDs: the points in dispute on the case; each needs a finding.
    ///   - pack: the case's rule pack; its stage rules may be cited as "marketplace@1 merchant_response".
    public static func problems(
        _ draft: RulingDraft, orderAmount: Money, issueIDs: [Int64], catalogue: Catalogue, pack: RulePack
    ) -> [RulingError] {
        var found: [RulingError] = []
        if draft.remedies.isEmpty { found.append(.noRemedy) }
        var seen: Set<String> = []
        for ordered in draft.remedies {
            if !seen.insert(ordered.remedy).inserted { found.append(.repeatedRemedy(ordered.remedy)) }
            guard let remedy = catalogue.remedy(ordered.remedy) else {
                found.append(.unknownRemedy(ordered.remedy))
                continue
            }
            switch (remedy.amount, ordered.amount) {
            case (.required, nil): found.append(.amountRequired(remedy: remedy.id))
            case (.none, .some): found.append(.amountNotAllowed(remedy: remedy.id))
            case (.required, .some(let amount)) where amount.fen <= 0:
                found.append(.amountNotPositive(remedy: remedy.id))
            case (.required, .some(let amount)) where refunds.contains(remedy.id) && amount > orderAmount:
                found.append(.refundAboveOrder(remedy: remedy.id, amount: amount, order: orderAmount))
            default: break
            }
            if let calculator = remedy.calculator, let amount = ordered.amount {
                let award = calculator.award(pricePaid: orderAmount)
                let reason = ordered.overrideReason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                if amount != award.amount && reason.isEmpty {
                    found.append(.overrideNeedsReason(remedy: remedy.id, computed: award))
                }
            }
        }
        if draft.remedies.count > 1 && draft.remedies.contains(where: { $0.remedy == Catalogue.claimRejected }) {
            found.append(.rejectionWithRemedies)
        }
        let known = Set(issueIDs)
        let answered = Set(draft.findings.map(\.issueID))
        for finding in draft.findings {
            if !known.contains(finding.issueID) {
                found.append(.unknownIssue(issueID: finding.issueID))
            } else if finding.note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                found.append(.emptyFinding(issueID: finding.issueID))
            }
        }
        for issue in issueIDs where !answered.contains(issue) { found.append(.missingFinding(issueID: issue)) }
        if draft.reasons.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { found.append(.reasonsRequired) }
        let citations = draft.citations.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if citations.isEmpty { found.append(.citationsRequired) }
        for citation in citations where !isCitable(citation, catalogue: catalogue, pack: pack) {
            found.append(.unknownCitation(citation))
        }
        // A statutory amount must cite the statute that gives it.
        for ordered in draft.remedies {
            guard let remedy = catalogue.remedy(ordered.remedy), remedy.calculator != nil, !remedy.basis.isEmpty
            else { continue }
            if !remedy.basis.contains(where: citations.contains) {
                found.append(.basisNotCited(remedy: remedy.id, statutes: remedy.basis))
            }
        }
        if !draft.declaresNoConflict { found.append(.conflictNotDeclared) }
        return found
    }

    /// Whether a citation names a catalogue statute or one of the pack's stage rules.
    public static func isCitable(_ citation: String, catalogue: Catalogue, pack: RulePack) -> Bool {
        if catalogue.statute(citation) != nil { return true }
        let parts = citation.split(separator: " ")
        guard parts.count == 2, parts[0] == pack.reference, let stage = Stage(rawValue: String(parts[1])) else {
            return false
        }
        return pack.rule(for: stage) != nil
    }

    /// The draft with statutory amounts filled in from their calculators where none was given,
    /// and every statutory amount's working attached.
    public static func withStatutoryAmounts(_ draft: RulingDraft, orderAmount: Money, catalogue: Catalogue)
        -> RulingDraft
    {
        var filled = draft
        for index in filled.remedies.indices {
            guard let calculator = catalogue.remedy(filled.remedies[index].remedy)?.calculator else { continue }
            let award = calculator.award(pricePaid: orderAmount)
            if filled.remedies[index].amount == nil { filled.remedies[index].amount = award.amount }
            filled.remedies[index].formula = award.formula
            if filled.remedies[index].amount == award.amount { filled.remedies[index].overrideReason = nil }
        }
        return filled
    }

    /// Whether `reviewer` may review `ruling`: nobody reviews their own.
    public static func checkReview(of ruling: Ruling, by reviewer: String) -> Result<Void, RulingError> {
        reviewer == ruling.mediator ? .failure(.ownRuling(name: reviewer, caseID: ruling.caseID)) : .success(())
    }

    /// Whether `decider` may decide an appeal against a case's rulings: not anyone who wrote or
    /// approved any revision of them.
    public static func checkAppealDecision(rulings: [Ruling], by decider: String) -> Result<Void, RulingError> {
        for ruling in rulings {
            if ruling.mediator == decider {
                return .failure(.involvedInRuling(name: decider, caseID: ruling.caseID, how: "wrote"))
            }
            if ruling.reviewer == decider {
                return .failure(.involvedInRuling(name: decider, caseID: ruling.caseID, how: "reviewed"))
            }
        }
        return .success(())
    }

    /// Whether an appeal outcome fits the terms it comes with.
    public static func checkAppealOutcome(
        _ outcome: AppealOutcome, original: Ruling, newTerms: RulingDraft?, claim: Money, catalogue: Catalogue
    ) -> Result<Void, RulingError> {
        switch outcome {
        case .uphold:
            return newTerms == nil || newTerms?.remedies.isEmpty == true ? .success(()) : .failure(.upholdWithTerms)
        case .modify, .overturn:
            guard let terms = newTerms, !terms.remedies.isEmpty else { return .failure(.noRemedy) }
            let side = terms.favours(claim: claim, catalogue: catalogue)
            if outcome == .overturn {
                return side == original.favours ? .failure(.overturnKeepsSide(side)) : .success(())
            }
            if terms.remedies == original.draft.remedies { return .failure(.modifyChangesNothing) }
            if side != original.favours && (side == .merchant || original.favours == .merchant) {
                return .failure(.modifyChangesSide(from: original.favours, to: side))
            }
            return .success(())
        }
    }
}
