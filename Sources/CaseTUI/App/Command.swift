import CaseModel

/// Every user action at the console, by name. The keymap, help, hint bar and
/// (later) the palette are all read from `CommandTable`, so they cannot drift.
public enum CommandID: String, CaseIterable, Sendable {
    case moveDown = "move-down"
    case moveUp = "move-up"
    case first
    case last
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case nextPane = "next-pane"
    case previousPane = "previous-pane"
    case open
    case back
    case help
    case quit
    case steps
    case take
    case release
    case choose
    case toggleChoice = "toggle-choice"
    case search
    case filter
    case sort
    case submit
    case erase
    case nextView = "next-view"
    case note
    case urge
    case requestEvidence = "request-evidence"
    case addEvidence = "add-evidence"
    case nextField = "next-field"
    case previousField = "previous-field"
    case chooseLeft = "choose-left"
    case chooseRight = "choose-right"
    case timeline
    case partyAction = "party-action"
    case addIssue = "add-issue"
    case linkEvidence = "link-evidence"
    case palette
    case nextMatch = "next-match"
    case previousMatch = "previous-match"
    case complete
    case undo
    case decide
    case observe
    case fulfil
    case notice
    case dashboard
    case replay
    case replayForward = "replay-forward"
    case replayBack = "replay-back"
    case nextNote = "next-note"
    case previousNote = "previous-note"
    case advanceTime = "advance-time"
    case brief
    case finish
}

/// One row of the command table.
public struct CommandSpec: Sendable {
    /// The command's name, as the palette and config files write it.
    public let id: CommandID
    /// The default keys.
    public let keys: [Key]
    /// What help says about it.
    public let help: LocalizedText
    /// The word the hint bar shows, if the command earns a place there.
    public let hint: LocalizedText?
    /// Where it applies.
    public let contexts: Set<Context>
    /// Who may use it.
    public let roles: Set<StaffRole>
    /// Whether it exists only in training mode.
    public var trainingOnly = false
}

/// The one command table.
public enum CommandTable {
    static let panes: Set<Context> = Set(Pane.allCases.map(Context.pane))
    static let everyone = Set(StaffRole.allCases)
    static let caseWorkers: Set<StaffRole> = Set(StaffRole.allCases.filter { Permissions.allows($0, .step) })
    static let rulers: Set<StaffRole> = Set(StaffRole.allCases.filter { Permissions.allows($0, .rule) })

    /// Every command, in the order help lists them.
    public static let all: [CommandSpec] = [
        CommandSpec(
            id: .moveDown, keys: [.char("j"), .down],
            help: LocalizedText(en: "Next row", zh: "下一行"),
            hint: LocalizedText(en: "move", zh: "移动"), contexts: panes.union([.steps, .document, .help]),
            roles: everyone),
        CommandSpec(
            id: .moveUp, keys: [.char("k"), .up],
            help: LocalizedText(en: "Previous row", zh: "上一行"), hint: nil,
            contexts: panes.union([.steps, .document, .help]),
            roles: everyone),
        CommandSpec(
            id: .first, keys: [.char("g"), .home],
            help: LocalizedText(en: "First row", zh: "第一行"), hint: nil, contexts: panes.union([.document]),
            roles: everyone),
        CommandSpec(
            id: .last, keys: [.char("G"), .end],
            help: LocalizedText(en: "Last row", zh: "最后一行"), hint: nil, contexts: panes.union([.document]),
            roles: everyone),
        CommandSpec(
            id: .halfPageDown, keys: [.ctrl("d")],
            help: LocalizedText(en: "Half a page down", zh: "向下半页"), hint: nil, contexts: panes.union([.document]),
            roles: everyone),
        CommandSpec(
            id: .halfPageUp, keys: [.ctrl("u")],
            help: LocalizedText(en: "Half a page up", zh: "向上半页"), hint: nil, contexts: panes.union([.document]),
            roles: everyone),
        CommandSpec(
            id: .pageDown, keys: [.pageDown],
            help: LocalizedText(en: "Page down", zh: "向下翻页"), hint: nil, contexts: panes.union([.document, .help]),
            roles: everyone),
        CommandSpec(
            id: .pageUp, keys: [.pageUp],
            help: LocalizedText(en: "Page up", zh: "向上翻页"), hint: nil, contexts: panes.union([.document, .help]),
            roles: everyone),
        CommandSpec(
            id: .nextPane, keys: [.tab],
            help: LocalizedText(en: "Next pane", zh: "下一个窗格"),
            hint: LocalizedText(en: "pane", zh: "窗格"), contexts: panes, roles: everyone),
        CommandSpec(
            id: .previousPane, keys: [.backTab],
            help: LocalizedText(en: "Previous pane", zh: "上一个窗格"), hint: nil, contexts: panes, roles: everyone),
        CommandSpec(
            id: .open, keys: [.enter],
            help: LocalizedText(en: "Open the case, or the evidence item", zh: "打开案件或证据"),
            hint: LocalizedText(en: "open", zh: "打开"), contexts: [.pane(.queue), .pane(.evidence)], roles: everyone),
        CommandSpec(
            id: .back, keys: [.escape],
            help: LocalizedText(
                en: "Back out: close help or a menu, return to the queue, or clear a search or filter",
                zh: "返回：关闭帮助或菜单，回到队列，或清除搜索与筛选"),
            hint: LocalizedText(en: "back", zh: "返回"),
            contexts: [
                .pane(.queue), .pane(.detail), .pane(.evidence), .help, .steps, .confirm, .prompt, .form,
                .document,
            ],
            roles: everyone),
        CommandSpec(
            id: .help, keys: [.char("?")],
            help: LocalizedText(en: "Show or hide this help", zh: "显示或隐藏帮助"),
            hint: LocalizedText(en: "help", zh: "帮助"), contexts: panes.union([.help]), roles: everyone),
        CommandSpec(
            id: .quit, keys: [.char("q")],
            help: LocalizedText(en: "Quit CaseDesk", zh: "退出 CaseDesk"),
            hint: LocalizedText(en: "quit", zh: "退出"), contexts: panes.union([.help, .document]),
            roles: everyone),
        CommandSpec(
            id: .steps, keys: [.char("A")],
            help: LocalizedText(en: "Advance: the lifecycle steps open to the case", zh: "推进：当前可执行的流程操作"),
            hint: LocalizedText(en: "advance", zh: "推进"), contexts: panes, roles: caseWorkers),
        CommandSpec(
            id: .take, keys: [.char("T")],
            help: LocalizedText(en: "Take the case (claim it)", zh: "领取案件"),
            hint: LocalizedText(en: "take", zh: "领取"), contexts: panes, roles: caseWorkers),
        CommandSpec(
            id: .release, keys: [.char("R")],
            help: LocalizedText(en: "Release the case back to the queue", zh: "释放案件"),
            hint: nil, contexts: panes, roles: caseWorkers),
        CommandSpec(
            id: .choose, keys: [.enter],
            help: LocalizedText(en: "Choose the highlighted item", zh: "选择当前项"),
            hint: LocalizedText(en: "choose", zh: "选择"), contexts: [.steps, .confirm], roles: everyone),
        CommandSpec(
            id: .toggleChoice, keys: [.tab, .left, .right, .char("h"), .char("l")],
            help: LocalizedText(en: "Switch between Cancel and the step", zh: "在取消与确认之间切换"),
            hint: LocalizedText(en: "switch", zh: "切换"), contexts: [.confirm], roles: everyone),
        CommandSpec(
            id: .search, keys: [.char("/")],
            help: LocalizedText(en: "Search cases and evidence (Chinese or English)", zh: "搜索案件与证据（中英文）"),
            hint: LocalizedText(en: "search", zh: "搜索"), contexts: [.pane(.queue)], roles: everyone),
        CommandSpec(
            id: .filter, keys: [.char("\\")],
            help: LocalizedText(
                en: "Limit the queue: stage:… assignee:… overdue open category:… flag:… amount:>=…",
                zh: "筛选队列：stage:… assignee:… overdue open category:… flag:… amount:>=…"),
            hint: LocalizedText(en: "limit", zh: "筛选"), contexts: [.pane(.queue)], roles: everyone),
        CommandSpec(
            id: .sort, keys: [.char("s")],
            help: LocalizedText(en: "Sort by deadline, amount, age or priority (cycles)", zh: "排序：期限、金额、时间、优先级（循环）"),
            hint: LocalizedText(en: "sort", zh: "排序"), contexts: [.pane(.queue)], roles: everyone),
        CommandSpec(
            id: .nextView, keys: [.char("v")],
            help: LocalizedText(
                en: "Next saved view: all, mine, unassigned, due today, overdue, awaiting review",
                zh: "切换视图：全部、我的、未领取、今日到期、已超时、待审核"),
            hint: LocalizedText(en: "view", zh: "视图"), contexts: [.pane(.queue)], roles: everyone),
        CommandSpec(
            id: .submit, keys: [.enter],
            help: LocalizedText(en: "Run the search or apply the filter", zh: "执行搜索或应用筛选"),
            hint: LocalizedText(en: "apply", zh: "应用"), contexts: [.prompt, .form], roles: everyone),
        CommandSpec(
            id: .erase, keys: [.backspace],
            help: LocalizedText(en: "Delete the last character", zh: "删除最后一个字符"), hint: nil,
            contexts: [.prompt, .form], roles: everyone),
        CommandSpec(
            id: .note, keys: [.char("C")],
            help: LocalizedText(en: "Add a note to the case", zh: "添加备注"),
            hint: LocalizedText(en: "note", zh: "备注"), contexts: panes, roles: everyone),
        CommandSpec(
            id: .urge, keys: [.char("U")],
            help: LocalizedText(en: "Urge a slow party", zh: "督促当事人"), hint: nil, contexts: panes, roles: caseWorkers),
        CommandSpec(
            id: .requestEvidence, keys: [.char("W")],
            help: LocalizedText(en: "Request evidence (opens its window)", zh: "要求举证（开启举证期）"), hint: nil,
            contexts: panes, roles: caseWorkers),
        CommandSpec(
            id: .addEvidence, keys: [.char("E")],
            help: LocalizedText(en: "Add evidence: a file (hashed) or pasted text", zh: "添加证据：文件（计算哈希）或粘贴文本"),
            hint: nil, contexts: panes, roles: caseWorkers),
        CommandSpec(
            id: .partyAction, keys: [.char("P")],
            help: LocalizedText(en: "Record a buyer's or merchant's action on their behalf", zh: "代录买家或商家的操作"),
            hint: nil, contexts: panes, roles: caseWorkers),
        CommandSpec(
            id: .addIssue, keys: [.char("I")],
            help: LocalizedText(en: "Add a point in dispute (the burden of proof follows)", zh: "添加争议焦点（自动确定举证责任）"),
            hint: nil, contexts: panes, roles: caseWorkers),
        CommandSpec(
            id: .linkEvidence, keys: [.char("L")],
            help: LocalizedText(en: "Link evidence to a point in dispute", zh: "将证据关联到争议焦点"), hint: nil,
            contexts: panes, roles: caseWorkers),
        CommandSpec(
            id: .palette, keys: [.char(":")],
            help: LocalizedText(en: "Run any command by name, with completion (Tab)", zh: "按名称执行命令（Tab 补全）"),
            hint: nil, contexts: panes, roles: everyone),
        CommandSpec(
            id: .nextMatch, keys: [.char("n")],
            help: LocalizedText(en: "Next search result (wraps)", zh: "下一个搜索结果"), hint: nil, contexts: [.pane(.queue)],
            roles: everyone),
        CommandSpec(
            id: .previousMatch, keys: [.char("N")],
            help: LocalizedText(en: "Previous search result (wraps)", zh: "上一个搜索结果"), hint: nil,
            contexts: [.pane(.queue)], roles: everyone),
        CommandSpec(
            id: .complete, keys: [.tab],
            help: LocalizedText(en: "Complete the command name", zh: "补全命令名"), hint: nil, contexts: [.prompt],
            roles: everyone),
        CommandSpec(
            id: .undo, keys: [.char("u")],
            help: LocalizedText(
                en: "Undo the last reversible command (take, release, suspend, resume) by its inverse",
                zh: "撤销上一条可撤销的操作（领取、释放、中止、恢复）"),
            hint: nil, contexts: panes, roles: caseWorkers),
        CommandSpec(
            id: .timeline, keys: [.char("t")],
            help: LocalizedText(en: "Case details or the case's timeline (its audit trail)", zh: "案件详情或时间线（审计记录）"),
            hint: LocalizedText(en: "timeline", zh: "时间线"), contexts: [.pane(.detail)], roles: everyone),
        CommandSpec(
            id: .nextField, keys: [.tab, .down],
            help: LocalizedText(en: "Next field", zh: "下一项"), hint: LocalizedText(en: "field", zh: "字段"),
            contexts: [.form], roles: everyone),
        CommandSpec(
            id: .previousField, keys: [.backTab, .up],
            help: LocalizedText(en: "Previous field", zh: "上一项"), hint: nil, contexts: [.form], roles: everyone),
        CommandSpec(
            id: .chooseLeft, keys: [.left],
            help: LocalizedText(en: "Previous choice", zh: "上一个选项"), hint: nil, contexts: [.form], roles: everyone),
        CommandSpec(
            id: .chooseRight, keys: [.right],
            help: LocalizedText(en: "Next choice", zh: "下一个选项"), hint: LocalizedText(en: "choose", zh: "选择"),
            contexts: [.form], roles: everyone),
        CommandSpec(
            id: .decide, keys: [.char("J")],
            help: LocalizedText(
                en: "Judge: write the ruling, review it, or decide the appeal (what the case needs)",
                zh: "裁决：作出裁决、审核裁决或裁决申诉（按案件所需）"),
            hint: LocalizedText(en: "judge", zh: "裁决"), contexts: panes, roles: rulers),
        CommandSpec(
            id: .observe, keys: [.char("O")],
            help: LocalizedText(
                en: "Record an independent observer's sign-off (platform-interest cases)", zh: "记录独立观察员签署意见（平台利益相关案件）"),
            hint: nil, contexts: panes, roles: rulers.union([.observer])),
        CommandSpec(
            id: .fulfil, keys: [.char("F")],
            help: LocalizedText(en: "Record an obligation as fulfilled", zh: "记录义务已履行"), hint: nil, contexts: panes,
            roles: caseWorkers),
        CommandSpec(
            id: .notice, keys: [.char("M")],
            help: LocalizedText(en: "The ruling notice the parties receive", zh: "当事人收到的裁决通知书"), hint: nil,
            contexts: panes, roles: everyone),
        CommandSpec(
            id: .dashboard, keys: [.char("D")],
            help: LocalizedText(
                en: "Dashboard: backlog, breaches, mediators, outcomes, appeals", zh: "统计面板：积压、超时、调解员、裁决结果、申诉"),
            hint: nil, contexts: panes, roles: everyone),
        CommandSpec(
            id: .replay, keys: [.char("Y")],
            help: LocalizedText(
                en: "Replay the case step by step from its audit trail", zh: "按审计记录逐步回放案件"),
            hint: nil, contexts: panes, roles: everyone),
        CommandSpec(
            id: .replayForward, keys: [.char("]"), .right],
            help: LocalizedText(en: "Replay: the next step", zh: "回放：下一步"),
            hint: nil, contexts: [.document], roles: everyone),
        CommandSpec(
            id: .replayBack, keys: [.char("["), .left],
            help: LocalizedText(en: "Replay: the step before", zh: "回放：上一步"), hint: nil, contexts: [.document],
            roles: everyone),
        CommandSpec(
            id: .advanceTime, keys: [.char(">")],
            help: LocalizedText(
                en: "Training: advance time to the next event or deadline", zh: "培训：推进时间到下一个事件或期限"),
            hint: LocalizedText(en: "time", zh: "推进时间"), contexts: panes, roles: everyone, trainingOnly: true),
        CommandSpec(
            id: .nextNote, keys: [.char("]")],
            help: LocalizedText(en: "Training: the next step's note", zh: "培训：下一步说明"),
            hint: LocalizedText(en: "step", zh: "下一步"), contexts: panes, roles: everyone, trainingOnly: true),
        CommandSpec(
            id: .previousNote, keys: [.char("[")],
            help: LocalizedText(en: "Training: the step before", zh: "培训：上一步说明"), hint: nil, contexts: panes,
            roles: everyone, trainingOnly: true),
        CommandSpec(
            id: .brief, keys: [.char("B")],
            help: LocalizedText(en: "Training: the brief and every step note", zh: "培训：案例说明和全部步骤"),
            hint: nil, contexts: panes, roles: everyone, trainingOnly: true),
        CommandSpec(
            id: .finish, keys: [.char("=")],
            help: LocalizedText(en: "Training: finish and see the score", zh: "培训：结束并查看得分"),
            hint: LocalizedText(en: "score", zh: "评分"), contexts: panes, roles: everyone, trainingOnly: true),
    ]

    /// The row for a command.
    public static func spec(_ id: CommandID) -> CommandSpec {
        all.first { $0.id == id }!
    }

    /// The commands that apply in a context, in table order.
    public static func available(in context: Context) -> [CommandSpec] {
        all.filter { $0.contexts.contains(context) }
    }

    /// The commands a role may use in a context: what help and the hint bar show.
    ///
    /// - Parameter training: whether the console is in training mode: training commands show only
    ///   then, and first, so help's first page and a narrow hint bar still show them.
    public static func available(in context: Context, for role: StaffRole, training: Bool = false) -> [CommandSpec] {
        let usable = available(in: context).filter { $0.roles.contains(role) }
        guard training else { return usable.filter { !$0.trainingOnly } }
        return usable.filter(\.trainingOnly) + usable.filter { !$0.trainingOnly }
    }
}
