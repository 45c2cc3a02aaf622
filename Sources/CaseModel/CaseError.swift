import Foundation

/// An error a person can act on: it says what happened and what to do, in both languages.
public protocol ExplainedError: Error {
    /// The message, in English and Chinese.
    var message: LocalizedText { get }
}

/// Why the rules refused what someone asked of a case; `decide` returns one, the store passes it on.
public enum CaseError: ExplainedError, Equatable, Sendable {
    /// The lifecycle refused the step.
    case lifecycle(LifecycleError)
    /// The acting person is unknown or lacks the permission.
    case permission(PermissionError)
    /// No issue with this number on the case.
    case issueNotFound(caseID: Int64, issueID: Int64)
    /// No evidence item with this number on the case.
    case evidenceNotFound(caseID: Int64, evidenceID: Int64)
    /// The case is closed, referred or withdrawn: nothing more happens on it.
    case finalStage(caseID: Int64, stage: Stage)
    /// The case is claimed by someone else.
    case takenBy(caseID: Int64, assignee: String)
    /// The platform-interest flag cannot be lifted here.
    case platformInterestLocked(caseID: Int64, reason: PlatformInterestLock)
    /// The case is held by someone else, and this is the holder's work (or a supervisor's).
    case heldByAnother(caseID: Int64, assignee: String, permission: Permission)
    /// Only the assignee, a supervisor or an admin may release a case.
    case notAssignee(caseID: Int64, assignee: String?)
    /// A party's action that the case's stage does not accept.
    case partyActionNotNow(action: PartyAction, stage: Stage)
    /// A priority outside 1…4.
    case invalidPriority(Int)
    /// A party action the party cannot take (or one this path does not take).
    case partyCannot(party: PartyRole, action: PartyAction)
    /// A required text was empty.
    case emptyText(field: String)
    /// A staff name that cannot be registered.
    case invalidStaffName(String)
    /// A case runs under a rule pack this CaseDesk does not have.
    case unknownRulePack(caseID: Int64?, reference: String)
    /// A ruling, review or appeal decision broke the ruling rules; every problem is listed.
    case ruling([RulingError])
    /// The step needs the case in another stage.
    case wrongStage(caseID: Int64, stage: Stage, needed: Stage, doing: String)
    /// The case is someone else's (or nobody's) and the step is the assignee's.
    case notYourCase(caseID: Int64, assignee: String?)
    /// A ruling is already waiting for review.
    case rulingPending(caseID: Int64)
    /// There is no ruling waiting for review, or none in force.
    case noRuling(caseID: Int64, what: LocalizedText)
    /// Obligations are still open.
    case obligationsOutstanding(caseID: Int64, labels: [String])
    /// No such obligation on the case, or it is already fulfilled.
    case obligationNotOpen(caseID: Int64, obligationID: Int64)
    /// The step belongs to a dedicated command that records what it needs.
    case useCommand(event: LifecycleEvent, command: String)
    /// The pack allows no more appeals.
    case appealLimit(caseID: Int64, allowed: Int, pack: String)
    /// The flag follows the case's state and is not set by hand.
    case automaticFlag(CaseFlag)
    /// Observer sign-off on a case that is not flagged platform-interest.
    case notPlatformInterest(caseID: Int64)
    /// The named observer wrote, reviewed or works the case: no independent observer.
    case observerNotIndependent(caseID: Int64, observer: String)
    /// The named observer is not registered staff of the observer role.
    case observerNotRegistered(observer: String)
    /// An observer may sign off only in their own name.
    case observerSignsForThemselves(observer: String, named: String)

    /// A message a mediator can act on, in both languages.
    public var message: LocalizedText {
        switch self {
        case .lifecycle(let error):
            error.message
        case .permission(let error):
            error.message
        case .issueNotFound(let caseID, let issueID):
            LocalizedText(en: "case #\(caseID) has no issue #\(issueID)", zh: "案件 #\(caseID) 没有争议焦点 #\(issueID)")
        case .evidenceNotFound(let caseID, let evidenceID):
            LocalizedText(en: "case #\(caseID) has no evidence #\(evidenceID)", zh: "案件 #\(caseID) 没有证据 #\(evidenceID)")
        case .finalStage(let id, let stage):
            LocalizedText(
                en: "case #\(id) is \(stage.rawValue); nothing more can be done on it",
                zh: "案件 #\(id) 已\(stage.label.zh)，不能再操作")
        case .takenBy(let id, let assignee):
            LocalizedText(en: "case #\(id) is taken by \(assignee)", zh: "案件 #\(id) 已由 \(assignee) 领取")
        case .platformInterestLocked(let id, .supervisorOnly):
            LocalizedText(
                en: "case #\(id): only a supervisor or an admin may lift the platform-interest flag, with a reason",
                zh: "案件 #\(id)：只有主管或管理员可以取消“平台利益相关”标记，并须说明理由")
        case .platformInterestLocked(let id, .citesPlatformLiability(let ruling)):
            LocalizedText(
                en: "case #\(id): ruling #\(ruling) cites ECL-38 (the platform's co-liability), so the case keeps "
                    + "its platform-interest flag",
                zh: "案件 #\(id)：裁决 #\(ruling) 援引电子商务法第38条（平台连带责任），案件须保留“平台利益相关”标记")
        case .heldByAnother(let id, let assignee, let permission):
            LocalizedText(
                en: "case #\(id) is taken by \(assignee): only they, a supervisor or an admin may "
                    + permission.phrase.en + " on it",
                zh: "案件 #\(id) 由 \(assignee) 领取：只有领取人、主管或管理员可以" + permission.phrase.zh)
        case .notAssignee(let id, let assignee):
            LocalizedText(
                en: "case #\(id) is " + (assignee.map { "taken by \($0)" } ?? "not taken")
                    + "; only its assignee, a supervisor or an admin may release it",
                zh: "案件 #\(id) " + (assignee.map { "由 \($0) 领取" } ?? "未被领取") + "，只有领取人、主管或管理员可以释放")
        case .partyActionNotNow(let action, let stage):
            LocalizedText(
                en: "'\(action.rawValue)' is not possible while the case is in stage \(stage.rawValue)",
                zh: "案件处于「\(stage.label.zh)」阶段，不能执行「\(action.rawValue)」")
        case .invalidPriority(let level):
            LocalizedText(
                en: "priority \(level) is not a level; use 1 (most urgent) to 4", zh: "优先级 \(level) 无效，请使用 1（最急）至 4")
        case .partyCannot(let party, let action):
            LocalizedText(
                en: action == .submitEvidence
                    ? "evidence is added with its content: use add evidence"
                    : "a \(party.rawValue) cannot '\(action.rawValue)'",
                zh: action == .submitEvidence ? "请通过“添加证据”提交证据内容" : "\(party.label.zh)不能执行「\(action.rawValue)」")
        case .emptyText(let field):
            LocalizedText(en: "\(field) must not be empty", zh: "\(field) 不能为空")
        case .invalidStaffName(let name):
            LocalizedText(
                en: "'\(name)' is not a usable staff name: use 1 to 64 letters, digits, '.', '-' or '_'",
                zh: "「\(name)」不能作为人员名称：请使用 1 至 64 个字母、数字、点、连字符或下划线")
        case .unknownRulePack(let id, let reference):
            LocalizedText(
                en: (id.map { "case #\($0) runs under" } ?? "the database names") + " rule pack \(reference), "
                    + "which this CaseDesk does not have; install a CaseDesk that ships it",
                zh: (id.map { "案件 #\($0) 适用" } ?? "数据库指定") + "规则包 \(reference)，当前版本的 CaseDesk 未包含该规则包")
        case .ruling(let problems):
            LocalizedText(
                en: problems.map(\.message.en).joined(separator: "; "),
                zh: problems.map(\.message.zh).joined(separator: "；"))
        case .wrongStage(let id, let stage, let needed, let doing):
            LocalizedText(
                en: "case #\(id) is in stage \(stage.rawValue); \(doing) needs stage \(needed.rawValue)",
                zh: "案件 #\(id) 处于「\(stage.label.zh)」阶段；\(doing)须在「\(needed.label.zh)」阶段进行")
        case .notYourCase(let id, let assignee):
            LocalizedText(
                en: assignee.map { "case #\(id) is assigned to \($0): only they or a supervisor may rule on it" }
                    ?? "case #\(id) is not assigned: take it first (T, or `casedesk case take \(id)`)",
                zh: assignee.map { "案件 #\(id) 由 \($0) 承办，仅承办人或主管可以裁决" } ?? "案件 #\(id) 尚未领取，请先领取")
        case .rulingPending(let id):
            LocalizedText(
                en: "the ruling on case #\(id) is waiting for a supervisor's review; it can be revised once returned",
                zh: "案件 #\(id) 的裁决正在等待主管审核，退回后方可修改")
        case .noRuling(let id, let what):
            LocalizedText(en: "case #\(id) has no \(what.en)", zh: "案件 #\(id) 没有\(what.zh)")
        case .obligationsOutstanding(let id, let labels):
            LocalizedText(
                en: "case #\(id) still has open obligations: \(labels.joined(separator: "; ")); "
                    + "record each as fulfilled (`casedesk case fulfil`) or let it default",
                zh: "案件 #\(id) 仍有未履行的义务：\(labels.joined(separator: "；"))")
        case .obligationNotOpen(let id, let obligation):
            LocalizedText(
                en: "case #\(id) has no outstanding obligation #\(obligation)", zh: "案件 #\(id) 没有待履行的义务 #\(obligation)")
        case .useCommand(let event, let command):
            LocalizedText(
                en: "'\(event.rawValue)' is taken by `\(command)`, which records what it needs",
                zh: "「\(event.rawValue)」请通过 `\(command)` 办理")
        case .appealLimit(let id, let allowed, let pack):
            LocalizedText(
                en: "case #\(id) has had the \(allowed) appeal(s) the \(pack) rules allow",
                zh: "案件 #\(id) 已用尽 \(pack) 规则允许的 \(allowed) 次申诉")
        case .automaticFlag(let flag):
            LocalizedText(
                en: "\(flag.rawValue) follows the case's state and is not set by hand",
                zh: "「\(flag.label.zh)」由系统维护，不能手动设置")
        case .observerNotIndependent(let id, let observer):
            LocalizedText(
                en: "case #\(id): \(observer) wrote, reviewed or works this case and cannot sign off as its "
                    + "independent observer",
                zh: "案件 #\(id)：\(observer) 参与了本案的裁决、审核或承办，不能作为独立观察员签署")
        case .observerNotRegistered(let observer):
            LocalizedText(
                en: "\(observer) is not registered as an observer; an admin registers one with "
                    + "`casedesk staff add NAME --role observer`",
                zh: "\(observer) 未登记为观察员；请管理员执行 `casedesk staff add 姓名 --role observer` 登记")
        case .observerSignsForThemselves(let observer, let named):
            LocalizedText(
                en: "\(observer) is an observer and may sign off only in their own name, not as \(named)",
                zh: "\(observer) 是观察员，只能以本人名义签署，不能代 \(named) 签署")
        case .notPlatformInterest(let id):
            LocalizedText(
                en: "case #\(id) is not flagged platform-interest; flag it first if the platform may be co-liable",
                zh: "案件 #\(id) 未标记为平台利益相关")
        }
    }
}

extension CaseError {
    /// Whether the refusal is about who asks or what they typed, not about the case as it stands:
    /// such a refusal is reported before a concurrent change to the case is (a viewer's take on a
    /// stale copy is refused for the permission, not for the stale copy).
    public var isAboutTheAsker: Bool {
        switch self {
        case .permission, .emptyText, .invalidPriority, .partyCannot, .useCommand, .automaticFlag, .invalidStaffName:
            true
        default: false
        }
    }
}

extension CaseError: LocalizedError {
    public var errorDescription: String? { message.en }
}

/// Why the platform-interest flag stays on.
public enum PlatformInterestLock: Hashable, Sendable {
    /// Only a supervisor or an admin may lift it.
    case supervisorOnly
    /// A ruling on the case cites the platform's co-liability.
    case citesPlatformLiability(rulingID: Int64)
}
