import CaseModel
import CaseStore

/// The console's own words in both interface languages (case data is shown as it was written).
enum UIText {
    static let stage = LocalizedText(en: "Stage", zh: "阶段")
    static let expiry = LocalizedText(en: "Expiry", zh: "超时")
    static let buyer = LocalizedText(en: "Buyer", zh: "买家")
    static let merchant = LocalizedText(en: "Merchant", zh: "商家")
    static let order = LocalizedText(en: "Order", zh: "订单")
    static let paid = LocalizedText(en: "paid", zh: "实付")
    static let claim = LocalizedText(en: "Claim", zh: "诉求")
    static let category = LocalizedText(en: "Category", zh: "类型")
    static let assignee = LocalizedText(en: "Assignee", zh: "处理人")
    static let unassigned = LocalizedText(en: "unassigned", zh: "未领取")
    static let filed = LocalizedText(en: "Filed", zh: "提交")
    static let requested = LocalizedText(en: "Asked", zh: "举证要求")
    static let urged = LocalizedText(en: "Urged", zh: "督促")
    static let dueIn = LocalizedText(en: "due in ", zh: "剩余")
    static let from = LocalizedText(en: "from", zh: "原阶段")
    static let caseTitle = LocalizedText(en: "Case", zh: "案件")
    static let timelineTitle = LocalizedText(en: "Case · timeline (t)", zh: "案件 · 时间线 (t)")
    static let noCase = LocalizedText(en: "No case selected.", zh: "未选择案件。")
    static let evidence = LocalizedText(en: "Evidence", zh: "证据")
    static let noEvidence = LocalizedText(en: "No evidence yet.", zh: "暂无证据。")
    static let onTime = LocalizedText(en: "on time", zh: "按期")
    static let late = LocalizedText(en: "LATE", zh: "逾期")
    static let queueBy = LocalizedText(en: "Queue · by ", zh: "队列 · 按")
    static let queueSearch = LocalizedText(en: "Queue · search", zh: "队列 · 搜索")
    static let columnStage = LocalizedText(en: "Stage", zh: "阶段")
    static let columnDue = LocalizedText(en: "Due", zh: "期限")
    static let columnClaim = LocalizedText(en: "Claim", zh: "金额")
    static let columnTitle = LocalizedText(en: "Title", zh: "标题")
    static let noCases = LocalizedText(en: "No cases.", zh: "没有案件。")
    static let noMatch = LocalizedText(en: "No case matches. Esc clears.", zh: "没有匹配的案件，按 Esc 清除。")
    static let cases = LocalizedText(en: "cases", zh: "件")
    static let helpTitle = LocalizedText(en: "Help · keys in the ", zh: "帮助 · 按键：")
    static let helpClose = LocalizedText(en: "Esc or ? closes this help", zh: "按 Esc 或 ? 关闭帮助")
    static let readOnly = LocalizedText(en: "│ READ-ONLY ", zh: "│ 只读 ")
    static let simulated = LocalizedText(en: "│ SIMULATED ", zh: "│ 模拟 ")
    /// The status bar while the sweeper applies expired deadlines.
    public static let saving = LocalizedText(en: "saving…", zh: "正在保存…")
    public static let loading = LocalizedText(en: "loading…", zh: "正在读取…")
    public static let sweeping = LocalizedText(en: "applying expired deadlines…", zh: "正在执行超时处理…")
    static func anchored(_ age: LocalizedText) -> LocalizedText {
        LocalizedText(en: "│ anchored \(age.en) ago ", zh: "│ 锚定于 \(age.zh)前 ")
    }
    /// "5m", "3h", "2d": how long ago, for the status bar.
    static func anchorAge(seconds: Double) -> LocalizedText {
        let minutes = max(0, Int(seconds / 60))
        if minutes < 60 { return LocalizedText(en: "\(minutes)m", zh: "\(minutes)分钟") }
        if minutes < 48 * 60 { return LocalizedText(en: "\(minutes / 60)h", zh: "\(minutes / 60)小时") }
        return LocalizedText(en: "\(minutes / 1440)d", zh: "\(minutes / 1440)天")
    }
    static let page = LocalizedText(en: "page", zh: "页")
    static let training = LocalizedText(en: "│ TRAINING ", zh: "│ 培训模式 ")
    static let trainingStep = LocalizedText(en: "Step", zh: "步骤")
    static let briefTitle = LocalizedText(en: "Training brief", zh: "培训说明")
    static let scoreTitle = LocalizedText(en: "Score", zh: "得分")
    static let replayTitle = LocalizedText(en: "Replay", zh: "回放")
    static let replayKeys = LocalizedText(en: "] next step  [ previous step  ", zh: "] 下一步  [ 上一步  ")
    static let narrativeCut = LocalizedText(
        en: "(cut here: the whole account is in `casedesk case show`)", zh: "（以下省略，完整内容见 casedesk case show）")
    static let noticeTitle = LocalizedText(en: "Ruling notice", zh: "裁决通知书")
    static let dashboardTitle = LocalizedText(en: "Dashboard", zh: "统计面板")
    static let documentKeys = LocalizedText(en: "j/k PgUp/PgDn scroll · Esc close", zh: "j/k 翻页键滚动 · Esc 关闭")
    static let ruling = LocalizedText(en: "Ruling", zh: "裁决")
    static let review = LocalizedText(en: "Review", zh: "审核")
    static let owed = LocalizedText(en: "Owed", zh: "履行")
    static let appeal = LocalizedText(en: "Appeal", zh: "申诉")
    static let observer = LocalizedText(en: "Observer", zh: "观察员")
    static let issue = LocalizedText(en: "Issue", zh: "焦点")
    static let burden = LocalizedText(en: "burden", zh: "举证")

    static func paneName(_ pane: Pane) -> LocalizedText {
        switch pane {
        case .queue: LocalizedText(en: "queue", zh: "队列")
        case .detail: LocalizedText(en: "case detail", zh: "案件详情")
        case .evidence: LocalizedText(en: "evidence", zh: "证据")
        }
    }

    static func order(_ order: QueueOrder) -> LocalizedText {
        switch order {
        case .deadline: LocalizedText(en: "deadline", zh: "期限")
        case .amount: LocalizedText(en: "amount", zh: "金额")
        case .age: LocalizedText(en: "age", zh: "提交时间")
        case .priority: LocalizedText(en: "priority", zh: "优先级")
        }
    }
}
