/// A foreground colour from the terminal's palette; the background stays the terminal's own.
public enum Color: Int, CaseIterable, Sendable {
    case red = 1
    case green, yellow, blue, magenta, cyan
}

/// How a cell is drawn. Every style reads without colour too (bold, reverse, underline).
public struct Style: Hashable, Sendable {
    /// The foreground colour, if any.
    public var color: Color?
    /// Bold text.
    public var bold = false
    /// Reverse video.
    public var reverse = false
    /// Underlined text.
    public var underline = false
    /// Dimmed text.
    public var dim = false

    /// Creates a style.
    public init(
        color: Color? = nil, bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.color = color
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    /// Plain text.
    public static let plain = Style()
}
