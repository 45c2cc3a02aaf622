/// The screen shown below the minimum size: what is wrong, and that q still quits.
enum TooSmallView {
    static func render(_ state: AppState, into screen: inout Screen) {
        let message =
            state.language == .zh
            ? "终端太小：\(state.width)x\(state.height)。CaseDesk 至少需要 \(Layout.minimumWidth)x\(Layout.minimumHeight)。"
                + "请放大窗口，或按 q 退出。"
            : "Terminal too small: \(state.width)x\(state.height). "
                + "CaseDesk needs at least \(Layout.minimumWidth)x\(Layout.minimumHeight). "
                + "Enlarge the window, or press q to quit."
        let lines = screen.measure.wrap(message, width: max(1, state.width - 2))
        let top = max(0, (state.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (state.width - screen.measure.of(line)) / 2)
            screen.put(line, x: x, y: top + index, style: Style(bold: true))
        }
        // Training stays visible even here: the first row says so.
        if state.training != nil, state.height > 0 {
            let label = state.language == .zh ? "培训模式" : "TRAINING"
            screen.put(
                label, x: 0, y: 0, maxWidth: state.width, style: Style(color: .yellow, bold: true, reverse: true))
        }
    }
}
