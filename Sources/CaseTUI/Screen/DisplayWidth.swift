/// Display width of text in terminal columns, per grapheme cluster and East Asian width.
///
/// Measured here rather than with `wcwidth`, whose answer depends on the machine's
/// locale: the same string then lays out the same way everywhere, tests included.
public struct DisplayWidth: Sendable {
    /// Whether East Asian Ambiguous characters (box drawing, some symbols) take two columns.
    public var ambiguousIsWide: Bool

    /// Creates a measure; ambiguous characters are narrow unless asked otherwise.
    public init(ambiguousIsWide: Bool = false) { self.ambiguousIsWide = ambiguousIsWide }

    /// The standard measure: ambiguous characters narrow.
    public static let standard = DisplayWidth()

    /// Columns taken by one grapheme cluster: 0, 1 or 2.
    public func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // An emoji presentation selector or a keycap/flag sequence makes the cluster wide.
        if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        if scalars.count > 1 && scalars.contains(where: { $0.value == 0x200D }) && first.properties.isEmoji {
            return 2
        }
        return scalarWidth(first)
    }

    /// Columns taken by a string.
    public func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Columns taken by one scalar standing alone.
    func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return ambiguousIsWide && Self.isAmbiguous(value) ? 2 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }
        if Self.isWide(value) { return 2 }
        if scalar.properties.isEmojiPresentation { return 2 }
        if ambiguousIsWide && Self.isAmbiguous(value) { return 2 }
        return 1
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15, EastAsianWidth.txt, merged).
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1AFF0...0x1B2FF,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
        0x1F260...0x1F265, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
        0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    static func isWide(_ value: UInt32) -> Bool {
        if value < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if value < range.lowerBound {
                high = mid - 1
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// The commonest East Asian Ambiguous ranges: Latin-1 symbols, Greek, Cyrillic,
    /// general punctuation, arrows, maths, box drawing, geometric shapes.
    static let ambiguousRanges: [ClosedRange<UInt32>] = [
        0xA1...0xA1, 0xA4...0xA4, 0xA7...0xA8, 0xAA...0xAA, 0xAD...0xAE, 0xB0...0xB4, 0xB6...0xBA,
        0xBC...0xBF, 0xC6...0xC6, 0xD0...0xD0, 0xD7...0xD8, 0xDE...0xE1, 0xE6...0xE6, 0xE8...0xEA,
        0xEC...0xED, 0xF0...0xF0, 0xF2...0xF3, 0xF7...0xFA, 0xFC...0xFC, 0xFE...0xFE,
        0x391...0x3C9, 0x401...0x451, 0x2010...0x2027, 0x2030...0x203E, 0x2103...0x2103,
        0x2116...0x2116, 0x2121...0x2122, 0x2160...0x216B, 0x2190...0x2199, 0x2200...0x22FF,
        0x2460...0x24FF, 0x2500...0x257F, 0x2580...0x25FF, 0x2605...0x2606, 0x2640...0x2642,
        0x266A...0x266F,
    ]

    static func isAmbiguous(_ value: UInt32) -> Bool {
        ambiguousRanges.contains { $0.contains(value) }
    }
}
