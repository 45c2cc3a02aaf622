/// Where each part of the main screen goes for a terminal size.
///
/// Row 0 is the status bar, the last row the hint bar. Between them the queue takes
/// the left (three fifths, up to 90 columns), detail the right top and
/// evidence the right bottom.
public struct Layout: Sendable {
    /// Below this many columns the console shows "terminal too small".
    public static let minimumWidth = 60
    /// Below this many rows the console shows "terminal too small".
    public static let minimumHeight = 16

    /// The status bar.
    public let status: Rect
    /// The hint bar.
    public let hints: Rect
    /// The queue pane, border included.
    public let queue: Rect
    /// The detail pane, border included.
    public let detail: Rect
    /// The evidence pane, border included.
    public let evidence: Rect
    /// The training banner under the status bar (the step note), when in training.
    public let banner: Rect?

    /// The layout for a terminal size.
    ///
    /// - Parameter banner: whether a training banner takes a row under the status bar.
    public init(width: Int, height: Int, banner: Bool = false) {
        status = Rect(x: 0, y: 0, width: width, height: 1)
        self.banner = banner ? Rect(x: 0, y: 1, width: width, height: 1) : nil
        let top = banner ? 2 : 1
        hints = Rect(x: 0, y: max(0, height - 1), width: width, height: 1)
        let bodyHeight = max(0, height - 1 - top)
        let queueWidth = min(90, max(30, width * 3 / 5))
        queue = Rect(x: 0, y: top, width: queueWidth, height: bodyHeight)
        let rightWidth = width - queueWidth
        let detailHeight = max(3, bodyHeight * 3 / 5)
        detail = Rect(x: queueWidth, y: top, width: rightWidth, height: detailHeight)
        evidence = Rect(x: queueWidth, y: top + detailHeight, width: rightWidth, height: bodyHeight - detailHeight)
    }

    /// Queue rows on screen: the inner height less the header row.
    public var queueRows: Int { max(1, queue.inner.height - 1) }
}
