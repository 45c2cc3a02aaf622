/// One terminal cell: a grapheme cluster and its style.
///
/// A wide character fills its own cell and marks the next one as its continuation,
/// so no later write can leave half of it on screen.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn here; empty for the right half of a wide character.
    public var text: String
    /// How it is drawn.
    public var style: Style

    /// A blank cell.
    public static let blank = Cell(text: " ", style: .plain)
    static let continuation = Cell(text: "", style: .plain)

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
}

/// A grid of cells that views draw into and the terminal backend paints.
public struct Screen: Sendable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Cells, row by row.
    public private(set) var cells: [Cell]
    /// How wide each character is.
    public let measure: DisplayWidth

    /// A blank screen.
    public init(width: Int, height: Int, measure: DisplayWidth = .standard) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.measure = measure
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole screen as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at a position.
    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes `text` (sanitised) from (x, y), clipped to `maxWidth` columns and the screen.
    ///
    /// Returns the columns used. A wide character that does not fit is replaced by spaces.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        for character in Sanitizer.clean(text) {
            let columns = measure.of(character)
            if columns == 0 { continue }  // stray marks with nothing to attach to
            if column + columns > limit {
                while column < limit {
                    setCell(x: column, y: y, Cell(text: " ", style: style))
                    column += 1
                }
                break
            }
            if column >= 0 {
                setCell(x: column, y: y, Cell(text: String(character), style: style))
                if columns == 2 { setCell(x: column + 1, y: y, Cell(text: "", style: style)) }
            }
            column += columns
        }
        return column - x
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(_ rect: Rect, with text: String = " ", style: Style = .plain) {
        for row in rect.y..<min(rect.maxY, height) where row >= 0 {
            for column in rect.x..<min(rect.maxX, width) where column >= 0 {
                setCell(x: column, y: row, Cell(text: text, style: style))
            }
        }
    }

    /// Changes only the style of the cells in a rectangle (selection bars).
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        for row in rect.y..<min(rect.maxY, height) where row >= 0 {
            for column in rect.x..<min(rect.maxX, width) where column >= 0 {
                change(&cells[row * width + column].style)
            }
        }
    }

    /// Sets one cell, blanking the other half of any wide character it cuts through.
    mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        if cells[index].isContinuation && x > 0 && !cell.isContinuation {
            cells[index - 1].text = " "
        }
        if !cells[index].isContinuation && x + 1 < width && cells[index + 1].isContinuation && !cell.isContinuation {
            cells[index + 1].text = " "
        }
        cells[index] = cell
    }

    /// The screen as plain text, one line per row, trailing spaces kept.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                line += cells[row * width + column].text
            }
            return line
        }
    }

    /// The screen as plain text with trailing spaces removed, as `casedesk snapshot` prints it.
    public var text: String {
        lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }
}
