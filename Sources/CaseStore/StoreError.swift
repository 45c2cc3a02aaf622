import CaseModel
import Foundation

/// Why a store operation failed, in words a mediator can act on.
public enum StoreError: Error, Equatable, Sendable {
    /// The database was written by a newer CaseDesk; it is left untouched.
    case newerSchema(path: String, unknownMigrations: [String])
    /// No case has this number.
    case caseNotFound(Int64)
    /// Someone else changed the case since it was read.
    case conflict(caseID: Int64, expectedVersion: Int, actualVersion: Int, changedBy: String?)
    /// The lifecycle refused the step.
    case lifecycle(LifecycleError)
    /// The database file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The example cases shipped with CaseDesk could not be read.
    case examplesUnreadable(reason: String)
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
    /// Another process held the database past the busy timeout.
    case locked(path: String, holders: [String])
    /// The database was opened read-only.
    case readOnly(path: String)
    /// The disk (or the file-size limit) is full; nothing was written.
    case diskFull(path: String)

    /// A message a mediator can act on, in both languages.
    public var message: LocalizedText {
        switch self {
        case .newerSchema(let path, let unknown):
            LocalizedText(
                en: "\(path) was written by a newer CaseDesk (migrations \(unknown.joined(separator: ", "))); "
                    + "upgrade CaseDesk to open it. The file was not changed.",
                zh: "\(path) 由更新版本的 CaseDesk 写入（迁移 \(unknown.joined(separator: ", "))），请升级后再打开；文件未被改动。")
        case .caseNotFound(let id):
            LocalizedText(en: "no case #\(id)", zh: "没有编号为 #\(id) 的案件")
        case .conflict(let id, let expected, let actual, let who):
            LocalizedText(
                en: "case #\(id) was changed by \(who ?? "someone else") (version \(expected) → \(actual)); "
                    + "reload it and try again",
                zh: "案件 #\(id) 已被 \(who ?? "他人") 修改（版本 \(expected) → \(actual)），请刷新后重试")
        case .lifecycle(let error):
            error.message
        case .cannotOpen(let path, let reason):
            LocalizedText(
                en: "cannot open the database \(path): \(reason)",
                zh: "无法打开数据库 \(path)：\(reason)")
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
        case .notPlatformInterest(let id):
            LocalizedText(
                en: "case #\(id) is not flagged platform-interest; flag it first if the platform may be co-liable",
                zh: "案件 #\(id) 未标记为平台利益相关")
        case .locked(let path, let holders):
            LocalizedText(
                en: "\(path) stayed locked for 5 seconds"
                    + (holders.isEmpty ? "" : ", held by \(holders.joined(separator: ", "))")
                    + "; nothing was written, try again when it finishes",
                zh: "\(path) 被占用超过 5 秒" + (holders.isEmpty ? "" : "（\(holders.joined(separator: "，"))）")
                    + "；未写入任何内容，请稍后重试")
        case .readOnly(let path):
            LocalizedText(
                en: "\(path) is open read-only (this user may not write it): nothing can be changed",
                zh: "\(path) 以只读方式打开（当前用户无写权限），不能修改")
        case .diskFull(let path):
            LocalizedText(
                en: "the disk holding \(path) is full: nothing was written, and the database is as it was",
                zh: "\(path) 所在磁盘已满：未写入任何内容，数据库保持原样")
        case .examplesUnreadable(let reason):
            LocalizedText(
                en: "the example cases could not be read: \(reason)",
                zh: "示例案件读取失败：\(reason)")
        }
    }
}

extension StoreError: LocalizedError {
    public var errorDescription: String? { message.en }
}
