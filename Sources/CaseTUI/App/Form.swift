import CaseModel

/// A small form over the panes for a command that needs more than a key: a note, an urge,
/// an evidence request, new evidence. What is typed stays when a submit is refused.
public struct Form: Hashable, Sendable {
    /// What the form does.
    public enum Kind: Hashable, Sendable {
        case note, urge, requestEvidence, addEvidence, partyAction, issue, link
        case ruling, review, appeal, observer, fulfil

        /// The form's title.
        public var title: String {
            switch self {
            case .note: "Add a note"
            case .urge: "Urge a party"
            case .requestEvidence: "Request evidence"
            case .addEvidence: "Add evidence"
            case .partyAction: "Record a party's action"
            case .issue: "Add a point in dispute"
            case .link: "Link evidence to a point in dispute"
            case .ruling: "Rule on the case"
            case .review: "Review the ruling"
            case .appeal: "Decide the appeal"
            case .observer: "Record the observer's sign-off"
            case .fulfil: "Record an obligation as done"
            }
        }
    }

    /// One field: free text, or a choice among fixed values.
    public struct Field: Hashable, Sendable {
        /// The label on the left.
        public var label: String
        /// The text typed, or the chosen value.
        public var text: String
        /// The values a choice field cycles through; nil for text.
        public var choices: [String]?
        /// Whether the field may be left empty.
        public var optional = false
    }

    /// What the form does.
    public var kind: Kind
    /// The case it acts on.
    public var caseID: Int64
    /// The fields, top to bottom.
    public var fields: [Field]
    /// The field being edited.
    public var focused = 0
    /// Why the last submit was refused.
    public var error: String?
    /// A line shown above the fields' foot (a supervisor's comment on the ruling being revised).
    public var notice: String?
    /// The fields as the form opened, to tell whether anything was typed.
    public var initial: [Field] = []
    /// Whether one Esc has already asked before throwing typed text away.
    public var discardAsked = false

    /// Whether anything differs from how the form opened.
    public var isChanged: Bool { !initial.isEmpty && fields != initial }

    /// What the deciding forms offer: the catalogue's remedies, the statutory awards for this order,
    /// the points in dispute needing findings, the obligations still owed.
    public struct DecisionChoices: Hashable, Sendable {
        /// Remedy ids, in catalogue order.
        public var remedies: [String] = []
        /// "fraud_damages ¥3,897.00 (3 × ¥1,299.00 = ¥3,897.00)" for each statutory remedy.
        public var statutory: [String] = []
        /// The amount a money remedy starts at: the claim, capped at what was paid.
        public var amount = ""
        /// Outstanding obligations, as "#3".
        public var obligations: [String] = []
        /// Who may sign off as the observer: the registered observers (or only oneself, for an observer).
        public var observers: [String] = []

        /// Creates choices.
        public init(remedies: [String] = [], statutory: [String] = [], amount: String = "", obligations: [String] = [])
        {
            self.remedies = remedies
            self.statutory = statutory
            self.amount = amount
            self.obligations = obligations
        }
    }

    /// The form for a kind of command on a case; `issues` and `evidence` give the choices of the link form.
    public static func make(
        _ kind: Kind, caseID: Int64, issues: [Int64] = [], evidence: [Int64] = [],
        choices: DecisionChoices = DecisionChoices()
    ) -> Form {
        let parties = PartyRole.allCases.map(\.rawValue)
        let fields: [Field]
        switch kind {
        case .note:
            fields = [Field(label: "Note", text: "")]
        case .urge:
            fields = [Field(label: "Party", text: "merchant", choices: parties), Field(label: "Message", text: "")]
        case .requestEvidence:
            fields = [Field(label: "From", text: "merchant", choices: parties), Field(label: "What", text: "")]
        case .addEvidence:
            fields = [
                Field(label: "Kind", text: EvidenceKind.photo.rawValue, choices: EvidenceKind.allCases.map(\.rawValue)),
                Field(
                    label: "Source", text: EvidenceSource.buyer.rawValue,
                    choices: EvidenceSource.allCases.map(\.rawValue)),
                Field(label: "Describe", text: ""),
                Field(label: "File path", text: "", optional: true),
                Field(label: "Or text", text: "", optional: true),
            ]
        case .partyAction:
            let actions = PartyAction.allCases.filter { $0 != .submitEvidence }.map(\.rawValue)
            fields = [
                Field(label: "Party", text: "merchant", choices: parties),
                Field(label: "Action", text: PartyAction.respond.rawValue, choices: actions),
                Field(label: "Their words", text: "", optional: true),
                Field(label: "Tracking", text: "", optional: true),
            ]
        case .issue:
            fields = [
                Field(
                    label: "Kind", text: IssueKind.visibleDefect.rawValue, choices: IssueKind.allCases.map(\.rawValue)),
                Field(label: "The point", text: ""),
                Field(label: "Confirmed", text: "no", choices: ["no", "yes"]),
                Field(label: "Durable <6m", text: "no", choices: ["no", "yes"]),
            ]
        case .link:
            fields = [
                Field(label: "Issue", text: issues.first.map { "#\($0)" } ?? "", choices: issues.map { "#\($0)" }),
                Field(
                    label: "Evidence", text: evidence.first.map { "#\($0)" } ?? "", choices: evidence.map { "#\($0)" }),
            ]
        case .ruling:
            var list = [
                Field(label: "Outcome", text: choices.remedies.first ?? "", choices: choices.remedies),
                Field(label: "Amount ¥", text: choices.amount, optional: true),
                Field(label: "Statutory", text: "none", choices: ["none"] + choices.statutory),
            ]
            for issue in issues {
                list.append(
                    Field(
                        label: "Finding #\(issue)", text: Finding.proven.rawValue,
                        choices: Finding.allCases.map(\.rawValue)))
                list.append(Field(label: "Facts #\(issue)", text: ""))
            }
            fields =
                list + [
                    Field(label: "Reasons", text: ""),
                    Field(label: "Cite", text: ""),
                    Field(label: "No conflict", text: "no", choices: ["no", "yes"]),
                ]
        case .review:
            fields = [
                Field(label: "Decision", text: "approve", choices: ["approve", "return"]),
                Field(label: "Comment", text: "", optional: true),
            ]
        case .appeal:
            var list = [
                Field(
                    label: "Decision", text: AppealOutcome.uphold.rawValue,
                    choices: AppealOutcome.allCases.map(\.rawValue)),
                Field(label: "Reasons", text: ""),
                Field(label: "New outcome", text: "-", choices: ["-"] + choices.remedies),
                Field(label: "Amount ¥", text: choices.amount, optional: true),
                Field(label: "Statutory", text: "none", choices: ["none"] + choices.statutory),
                Field(label: "Cite", text: "", optional: true),
                Field(label: "No conflict", text: "no", choices: ["no", "yes"]),
            ]
            // New evidence may change what was found: "keep" leaves the original finding.
            for issue in issues {
                list.append(
                    Field(
                        label: "Finding #\(issue)", text: Self.keepFinding,
                        choices: [Self.keepFinding] + Finding.allCases.map(\.rawValue)))
                list.append(Field(label: "Facts #\(issue)", text: "", optional: true))
            }
            fields = list
        case .observer:
            fields = [
                Field(label: "Observer", text: choices.observers.first ?? "", choices: choices.observers),
                Field(label: "Statement", text: ""),
            ]
        case .fulfil:
            fields = [
                Field(label: "Obligation", text: choices.obligations.first ?? "", choices: choices.obligations),
                Field(label: "Note", text: "", optional: true),
            ]
        }
        var form = Form(kind: kind, caseID: caseID, fields: fields)
        form.initial = fields
        return form
    }

    /// A ruling form that revises `returned`: its terms typed back in, the supervisor's comment shown.
    public mutating func prefill(revising returned: Ruling, language: Language) {
        func set(_ label: String, _ text: String) {
            guard let index = fields.firstIndex(where: { $0.label == label }) else { return }
            if let choices = fields[index].choices, !choices.contains(text) { return }
            fields[index].text = text
        }
        let remedies = returned.draft.remedies
        if let main = remedies.first {
            set("Outcome", main.remedy)
            if let amount = main.amount {
                set("Amount ¥", String(format: "%lld.%02lld", amount.fen / 100, amount.fen % 100))
            }
        }
        if let statutory = fields.first(where: { $0.label == "Statutory" })?.choices?.first(where: { choice in
            remedies.dropFirst().contains { choice.hasPrefix($0.remedy + " ") }
        }) {
            set("Statutory", statutory)
        }
        for finding in returned.draft.findings {
            set("Finding #\(finding.issueID)", finding.finding.rawValue)
            set("Facts #\(finding.issueID)", finding.note)
        }
        set("Reasons", returned.draft.reasons)
        set("Cite", returned.draft.citations.joined(separator: ", "))
        set("No conflict", returned.draft.declaresNoConflict ? "yes" : "no")
        let who = returned.reviewer ?? "the supervisor"
        let comment = returned.reviewComment.map { $0.isEmpty ? "" : ": \($0)" } ?? ""
        notice =
            language == .zh
            ? "修改第 \(returned.revision) 版（\(who) 退回）\(comment)"
            : "revising r\(returned.revision), returned by \(who)\(comment)"
        initial = fields
    }

    /// The choice of an appeal form's finding that leaves the original ruling's finding standing.
    public static let keepFinding = "keep"

    /// The value of a field by label.
    public func value(_ label: String) -> String {
        fields.first { $0.label == label }?.text.trimmingCharacters(in: .whitespaces) ?? ""
    }

    /// Why the form cannot be submitted as it stands, or nil.
    public var problem: String? {
        // Every empty required field at once, never one per save.
        let missing = fields.filter {
            $0.choices == nil && !$0.optional && $0.text.trimmingCharacters(in: .whitespaces).isEmpty
        }.map(\.label)
        if missing.count == 1 { return "\(missing[0]) is required" }
        if !missing.isEmpty { return missing.joined(separator: ", ") + " are required" }
        if kind == .addEvidence && value("File path").isEmpty == value("Or text").isEmpty {
            return "give a file path or paste the text, one of the two"
        }
        if kind == .link && (value("Issue").isEmpty || value("Evidence").isEmpty) {
            return "the case needs a point in dispute (I) and evidence to link"
        }
        if kind == .fulfil && value("Obligation").isEmpty { return "nothing is owed on this case" }
        if kind == .appeal && value("Decision") != AppealOutcome.uphold.rawValue && value("New outcome") == "-" {
            return "choose the new outcome: \(value("Decision")) replaces the ruling's terms"
        }
        return nil
    }

    mutating func type(_ character: Character) {
        guard fields[focused].choices == nil else { return }
        fields[focused].text.append(character)
        error = nil
    }

    mutating func erase() {
        guard fields[focused].choices == nil, !fields[focused].text.isEmpty else { return }
        fields[focused].text.removeLast()
        error = nil
    }

    mutating func move(_ delta: Int) {
        focused = (focused + delta + fields.count) % fields.count
    }

    mutating func choose(_ delta: Int) {
        guard let choices = fields[focused].choices, let index = choices.firstIndex(of: fields[focused].text) else {
            return
        }
        fields[focused].text = choices[(index + delta + choices.count) % choices.count]
    }
}
