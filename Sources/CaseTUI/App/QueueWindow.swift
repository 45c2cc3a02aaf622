import CaseStore

/// A request for a slice of the queue.
public enum QueueRequest: Hashable, Sendable {
    case head
    case tail
    case after(QueueCursor)
    case before(QueueCursor)
    /// Reload around the selection after the data changed. With `follow` (the user's own change
    /// to the selected case) the selection follows the case wherever it moved; otherwise (a change
    /// made elsewhere, the sweeper) it stays where it was in the queue, on the same case when that
    /// case is still within the rows reloaded there.
    case refresh(QueueCursor, follow: Bool)
    /// Load the rows around one case, selecting it (a jump to a case number).
    case around(caseID: Int64)
}

/// The part of the queue held in memory: a few screens around the selection.
///
/// The queue may hold a million cases; the console keeps at most `capacity` rows and
/// fetches more by keyset paging as the selection nears either edge.
public struct QueueWindow: Sendable {
    /// Rows fetched per request.
    public static let pageSize = 150
    /// The most rows held at once.
    public static let capacity = 450
    /// How close to an edge the selection may come before more rows are fetched.
    public static let margin = 60

    /// The rows held, in queue order.
    public private(set) var rows: [QueueRow] = []
    /// The selected row, as an index into `rows`.
    public private(set) var selected = 0
    /// The first row on screen, as an index into `rows`.
    public private(set) var top = 0
    /// The queue position (0-based) of `rows[0]`, when known.
    public private(set) var offset = 0
    /// Whether `rows[0]` is the first row of the queue.
    public private(set) var atStart = true
    /// Whether the last row held is the last of the queue.
    public private(set) var atEnd = true
    /// How many rows the whole queue has.
    public var total = 0
    /// The order the rows are in; cursors are taken in it.
    public var order: QueueOrder = .deadline

    /// An empty window.
    public init() {}

    /// The selected row, if any.
    public var selectedRow: QueueRow? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// The selection's position in the whole queue (0-based).
    public var position: Int { offset + selected }

    /// Moves the selection by `delta` rows within what is held; returns the fetches now needed.
    public mutating func move(by delta: Int, visible: Int) -> [QueueRequest] {
        guard !rows.isEmpty else { return [] }
        selected = min(max(0, selected + delta), rows.count - 1)
        scroll(visible: visible)
        return fetchesNeeded()
    }

    /// What to fetch so the selection keeps a margin of rows on both sides.
    public func fetchesNeeded() -> [QueueRequest] {
        var requests: [QueueRequest] = []
        if let last = rows.last, !atEnd, rows.count - 1 - selected < Self.margin {
            requests.append(.after(last.cursor(order)))
        }
        if let first = rows.first, !atStart, selected < Self.margin {
            requests.append(.before(first.cursor(order)))
        }
        return requests
    }

    /// Takes in rows reloaded around the selection: `before` it, then from it on.
    ///
    /// A selection on the queue's first row stays on the first row (the most urgent case) unless
    /// the user's own change moved it (`followed`); otherwise it stays on its case if the case is
    /// among the reloaded rows, else at its place in the queue.
    public mutating func receiveRefresh(
        before: [QueueRow], from: [QueueRow], offset: Int, visible: Int, followed: Bool = false
    ) {
        let screenRow = selected - top
        let previous = selectedRow?.id
        let wasFirst = position == 0
        rows = before + from
        selected =
            followed
            ? min(before.count, max(0, rows.count - 1))
            : wasFirst && offset == 0
                ? 0 : rows.firstIndex { $0.id == previous } ?? min(before.count, max(0, rows.count - 1))
        top = max(0, selected - screenRow)
        self.offset = offset
        atStart = offset == 0
        atEnd = from.count < Self.pageSize
        scroll(visible: visible)
    }

    /// Rows fetched before the selection when refreshing.
    public static let refreshBefore = 50

    /// Takes in fetched rows.
    public mutating func receive(_ request: QueueRequest, rows fetched: [QueueRow], visible: Int) {
        let complete = fetched.count < Self.pageSize
        switch request {
        case .head:
            rows = fetched
            selected = 0
            top = 0
            offset = 0
            atStart = true
            atEnd = complete
        case .tail:
            rows = fetched
            selected = max(0, fetched.count - 1)
            offset = max(0, total - fetched.count)
            atEnd = true
            atStart = complete
            top = max(0, selected - visible + 1)
        case .after:
            rows += fetched
            atEnd = complete
            let excess = rows.count - Self.capacity
            if excess > 0 {
                rows.removeFirst(excess)
                selected -= excess
                top -= excess
                offset += excess
                atStart = false
            }
        case .refresh, .around:
            return  // refreshed rows arrive through receiveRefresh, with what lies before the anchor
        case .before:
            rows = fetched + rows
            selected += fetched.count
            top += fetched.count
            offset -= fetched.count
            atStart = complete
            if complete { offset = 0 }
            let excess = rows.count - Self.capacity
            if excess > 0 {
                rows.removeLast(excess)
                atEnd = false
            }
        }
        selected = min(max(0, selected), max(0, rows.count - 1))
        scroll(visible: visible)
    }

    /// Keeps the selection on screen, and the screen full: no blank rows below while held rows
    /// are hidden above.
    mutating func scroll(visible: Int) {
        let height = max(1, visible)
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        top = min(max(0, top), max(0, rows.count - height))
    }
}
