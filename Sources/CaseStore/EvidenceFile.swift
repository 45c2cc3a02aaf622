import CaseModel
import Foundation

/// Reading an evidence file from disk for the CLI and the console: its size is checked before a
/// byte is read, so a 1 GiB file is refused at once with a clear message, never read whole and
/// handed to SQLite.
public enum EvidenceFile {
    /// The largest evidence file accepted: 64 MiB (`$CASEDESK_MAX_EVIDENCE_MB` sets another).
    public static var maximumBytes: Int {
        let configured = ProcessInfo.processInfo.environment["CASEDESK_MAX_EVIDENCE_MB"].flatMap(Int.init)
        return (configured.map { min(max($0, 1), 1024) } ?? 64) << 20
    }

    /// The file's bytes, or why they cannot be evidence, in both languages.
    public static func read(_ path: String, maximumBytes: Int = maximumBytes) throws(EvidenceFileError) -> Data {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular else {
            throw EvidenceFileError(path: path, problem: .unreadable)
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumBytes else {
            throw EvidenceFileError(path: path, problem: .tooLarge(size: size, limit: maximumBytes))
        }
        guard let handle = FileHandle(forReadingAtPath: path),
            let data = try? handle.read(upToCount: maximumBytes + 1)
        else { throw EvidenceFileError(path: path, problem: .unreadable) }
        try? handle.close()
        // A file that grew while being read is refused too.
        guard data.count <= maximumBytes else {
            throw EvidenceFileError(path: path, problem: .tooLarge(size: data.count, limit: maximumBytes))
        }
        return data
    }
}

/// An evidence file that cannot be used.
public struct EvidenceFileError: ExplainedError, Equatable {
    public enum Problem: Equatable, Sendable {
        case unreadable
        case tooLarge(size: Int, limit: Int)
    }

    public var path: String
    public var problem: Problem

    public var message: LocalizedText {
        func mib(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
        switch problem {
        case .unreadable:
            return LocalizedText(en: "cannot read the evidence file \(path)", zh: "无法读取证据文件 \(path)")
        case .tooLarge(let size, let limit):
            return LocalizedText(
                en: "\(path) is \(mib(size)); an evidence file may be at most \(mib(limit)) (nothing was added)",
                zh: "\(path) 大小为 \(mib(size))，证据文件最大 \(mib(limit))（未添加）")
        }
    }
}
