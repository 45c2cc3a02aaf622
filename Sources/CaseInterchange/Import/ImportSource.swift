import Foundation

/// Where an import's bytes come from: bytes already in memory, or a file read a chunk at a time so
/// that a file of any size is imported in flat memory (JSONL is parsed and applied line by line).
public enum ImportSource: Sendable {
    case data(Data)
    /// An open file (or standard input), read to its end.
    case file(FileHandle)

    /// How many bytes are read from a file at once.
    static let chunk = 1 << 20

    /// Calls `body` with each line's number (from 1) and bytes, without the newline.
    package func forEachLine(_ body: (Int, Data) throws -> Void) throws {
        var number = 0
        switch self {
        case .data(let data):
            for raw in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                number += 1
                try body(number, Data(raw))
            }
        case .file(let handle):
            var pending = Data()
            while let read = try handle.read(upToCount: Self.chunk), !read.isEmpty {
                pending.append(read)
                var start = pending.startIndex
                while let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                    number += 1
                    try body(number, Data(pending[start..<newline]))
                    start = pending.index(after: newline)
                }
                pending = Data(pending[start...])
            }
            // What follows the last newline is a line too, as when splitting bytes in memory.
            number += 1
            try body(number, pending)
        }
    }

    /// Every byte (CSV records may span lines, so a CSV file is parsed whole).
    package func readAll() throws -> Data {
        switch self {
        case .data(let data): data
        case .file(let handle): try handle.readToEnd() ?? Data()
        }
    }
}
