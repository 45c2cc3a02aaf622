import CaseModel

/// A form over the panes: a label and value per field, the field being edited marked, choices
/// shown as ‹value›, and the reason a submit was refused in red.
enum FormView {
    /// The forms' words in Chinese; field labels double as keys, so they are translated here, on screen only.
    static let chinese: [String: String] = [
        "Add a note": "添加备注", "Urge a party": "督促当事人", "Request evidence": "要求举证", "Add evidence": "添加证据",
        "Record a party's action": "代录当事人操作", "Add a point in dispute": "添加争议焦点",
        "Link evidence to a point in dispute": "关联证据与争议焦点", "Note": "备注", "Party": "当事人", "Message": "督促内容",
        "From": "举证方", "What": "所需证据", "Kind": "类型", "Source": "来源", "Describe": "描述", "File path": "文件路径",
        "Or text": "或粘贴文本", "Action": "操作", "Their words": "当事人说明", "Tracking": "退货单号", "The point": "争议内容",
        "Confirmed": "已确认收货", "Durable <6m": "耐用品六月内", "Issue": "争议焦点", "Evidence": "证据", "case": "案件",
        "Tab next field · ←/→ choose · Enter save · Esc cancel": "Tab 下一项 · ←/→ 选择 · Enter 保存 · Esc 取消",
        "Rule on the case": "作出裁决", "Review the ruling": "审核裁决", "Decide the appeal": "裁决申诉",
        "Record the observer's sign-off": "记录观察员意见", "Record an obligation as done": "记录义务已履行",
        "Outcome": "裁决结果", "Amount ¥": "金额 ¥", "Statutory": "法定赔偿", "Reasons": "理由", "Cite": "依据",
        "No conflict": "无利益冲突", "Decision": "决定", "Comment": "意见", "New outcome": "新结果", "Observer": "观察员",
        "Statement": "观察意见", "Obligation": "义务",
    ]

    static func text(_ english: String, _ language: Language) -> String {
        guard language == .zh else { return english }
        if english.hasPrefix("Finding #") { return "认定 #" + english.dropFirst("Finding #".count) }
        if english.hasPrefix("Facts #") { return "事实 #" + english.dropFirst("Facts #".count) }
        return chinese[english] ?? english
    }

    static func render(_ form: Form, language: Language = .en, into screen: inout Screen) {
        let width = min(screen.width - 4, 72)
        // A long form (a ruling on many points in dispute) scrolls to keep the focused field in view.
        let visible = max(1, min(form.fields.count, screen.height - 2 - 6))
        let first = max(0, min(form.focused - visible + 1, form.fields.count - visible))
        let height = visible + 6
        let area = Rect(
            x: (screen.width - width) / 2, y: max(1, (screen.height - height) / 2), width: width, height: height)
        screen.fill(area)
        Box.draw(
            area, title: "\(text(form.kind.title, language)) · \(text("case", language)) #\(form.caseID)",
            focused: true,
            into: &screen)
        let inner = area.inner
        let labelWidth = max(10, form.fields.map { screen.measure.of(text($0.label, language)) }.max() ?? 0) + 2
        for (index, field) in form.fields.enumerated() where index >= first && index < first + visible {
            let y = inner.y + index - first
            let focused = index == form.focused
            screen.put(
                text(field.label, language), x: inner.x + 1, y: y, maxWidth: labelWidth - 1,
                style: Style(bold: focused, dim: !focused))
            let room = inner.width - labelWidth - 2
            var value = field.choices == nil ? field.text : "‹ \(field.text) ›"
            if field.choices == nil {
                while screen.measure.of(value) > room - 1, !value.isEmpty { value.removeFirst() }
            }
            let used = screen.put(
                value, x: inner.x + labelWidth, y: y, maxWidth: room, style: Style(underline: focused))
            if focused && field.choices == nil {
                screen.put(" ", x: inner.x + labelWidth + used, y: y, style: Style(reverse: true))
            }
        }
        if let notice = form.notice {
            screen.put(
                Sanitizer.clean(notice), x: inner.x + 1, y: inner.y + visible, maxWidth: inner.width - 2,
                style: Style(color: .yellow))
        }
        if let error = form.error {
            screen.put(
                error, x: inner.x + 1, y: inner.maxY - 2, maxWidth: inner.width - 2,
                style: Style(color: .red, bold: true))
        }
        let more = visible < form.fields.count ? " · \(form.focused + 1)/\(form.fields.count)" : ""
        screen.put(
            text("Tab next field · ←/→ choose · Enter save · Esc cancel", language) + more, x: inner.x + 1,
            y: inner.maxY - 1, maxWidth: inner.width - 2, style: Style(dim: true))
    }
}
