import Foundation

/// Where an obligation stands.
public enum ObligationStatus: String, CaseIterable, Codable, Sendable {
    /// Not yet carried out; its deadline has not passed.
    case open
    /// Carried out (or enforced by the platform), recorded by staff.
    case fulfilled
    /// Its deadline passed first; the pack's default consequence applies until it is carried out.
    case defaulted

    /// A label for the detail pane.
    public var label: LocalizedText {
        switch self {
        case .open: LocalizedText(en: "open", zh: "待履行")
        case .fulfilled: LocalizedText(en: "fulfilled", zh: "已履行")
        case .defaulted: LocalizedText(en: "DEFAULTED", zh: "逾期未履行")
        }
    }
}

/// Something a ruling orders one party to do by a deadline (docs/domain.md §9).
public struct Obligation: Hashable, Codable, Sendable, Identifiable {
    /// The task a buyer has when the goods go back first.
    public static let returnGoods = "return_goods"

    /// The obligation's number.
    public var id: Int64
    /// The case.
    public var caseID: Int64
    /// The ruling that ordered it.
    public var rulingID: Int64
    /// Who must do it.
    public var obligor: PartyRole
    /// A remedy id from the catalogue, or `return_goods`.
    public var task: String
    /// The sum to pay, if it is a payment.
    public var amount: Money?
    /// When it must be done.
    public var dueAt: Date
    /// Where it stands.
    public var status: ObligationStatus
    /// When it was fulfilled, or found in default.
    public var settledAt: Date?
    /// What staff recorded about it.
    public var note: String?

    /// Creates an obligation.
    public init(
        id: Int64 = 0, caseID: Int64, rulingID: Int64, obligor: PartyRole, task: String, amount: Money?, dueAt: Date,
        status: ObligationStatus = .open, settledAt: Date? = nil, note: String? = nil
    ) {
        self.id = id
        self.caseID = caseID
        self.rulingID = rulingID
        self.obligor = obligor
        self.task = task
        self.amount = amount
        self.dueAt = dueAt
        self.status = status
        self.settledAt = settledAt
        self.note = note
    }

    /// Whether it is still owed: open or in default.
    public var isOutstanding: Bool { status != .fulfilled }

    /// Whether it is late at `now`.
    public func isOverdue(at now: Date) -> Bool { status == .defaulted || (status == .open && now > dueAt) }

    /// "Merchant: full refund ¥120.00" in the language asked.
    public func label(_ catalogue: Catalogue) -> LocalizedText {
        let what: LocalizedText
        if task == Self.returnGoods {
            what = LocalizedText(en: "return the goods", zh: "退回商品")
        } else {
            what = catalogue.remedy(task)?.label ?? LocalizedText(en: task, zh: task)
        }
        let money = amount.map { " \($0.formatted)" } ?? ""
        return LocalizedText(
            en: "\(obligor.label.en): \(what.en)\(money)", zh: "\(obligor.label.zh)：\(what.zh)\(money)")
    }
}

/// The obligations a ruling creates: one per remedy someone must carry out, and the buyer's
/// return of the goods first where the remedy needs it.
public enum ObligationPlan {
    /// The obligations of `draft` ordered at `now` under `pack`, not yet numbered.
    public static func obligations(
        for draft: RulingDraft, caseID: Int64, rulingID: Int64, catalogue: Catalogue, pack: RulePack, at now: Date
    ) -> [Obligation] {
        func due(_ party: PartyRole) -> Date {
            let spec = pack.obligations.deadlines[party] ?? .days(3)
            return spec.deadline(from: now, calendar: pack.calendar)
        }
        var result: [Obligation] = []
        if draft.remedies.contains(where: { catalogue.remedy($0.remedy)?.buyerReturnsGoods == true }) {
            result.append(
                Obligation(
                    caseID: caseID, rulingID: rulingID, obligor: .buyer, task: Obligation.returnGoods, amount: nil,
                    dueAt: due(.buyer)))
        }
        for ordered in draft.remedies {
            guard let remedy = catalogue.remedy(ordered.remedy), let obligor = remedy.obligor else { continue }
            result.append(
                Obligation(
                    caseID: caseID, rulingID: rulingID, obligor: obligor, task: remedy.id, amount: ordered.amount,
                    dueAt: due(obligor)))
        }
        return result
    }
}
