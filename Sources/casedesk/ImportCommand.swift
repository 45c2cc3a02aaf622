import ArgumentParser
import CaseInterchange
import CaseStore
import CaseStoreSQLite
import CaseTUI
import CaseTraining
import Foundation

/// `casedesk import FILE`: party events (JSONL) through the lifecycle rules.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import cases and party events (JSONL) or cases (CSV); formats in docs/import-format.md.",
        discussion: """
            Every line is checked against the case as the lines before it left it. By default one \
            bad line rejects the whole file and nothing is written; every problem is listed as \
            `line N: reason`. With --skip-invalid the valid lines are kept and the rejected lines are \
            written to --rejects (default FILE.rejects). The exit status is 1 whenever anything was rejected.
            """)

    @Argument(help: "The file, or - for standard input.") var file: String
    @Option(help: "jsonl or csv (default: from the file's extension, else jsonl).") var format: ImportFormat?
    @Flag(help: "Keep the valid lines; write the rejected ones to --rejects.") var skipInvalid = false
    @Option(help: "Where --skip-invalid writes rejected lines (default: FILE.rejects).") var rejects: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let chosen = format ?? (file.lowercased().hasSuffix(".csv") ? .csv : .jsonl)
        // JSONL is streamed from the file (flat memory whatever its size); CSV is read whole.
        let handle: FileHandle
        if file == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let opened = FileHandle(forReadingAtPath: file) else { throw CLIError("cannot read \(file)") }
            handle = opened
        }
        // Standard input is read whole before the import's transaction starts, so a slow producer
        // never holds the write lock; a file is streamed inside it.
        let data = chosen == .csv || file == "-" ? try readAll(handle) : nil
        let rules = try loadRules()
        let now = Date()
        let session = try database.open(now: now, examples: false)
        let report = try storeCall {
            try session.database.importFile(
                data.map(ImportSource.data) ?? .file(handle), format: chosen, by: session.staff,
                skipInvalid: skipInvalid, rules: rules, now: now)
        }
        for error in report.errors {
            warn("\(error)")
        }
        if skipInvalid && !report.errors.isEmpty {
            let path = rejects ?? (file == "-" ? "rejects.\(chosen.rawValue)" : file + ".rejects")
            var out = Data()
            if let data, chosen == .csv {
                let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                // A CSV record may span lines: each rejected record is kept whole, under the file's header.
                let spans = ImportParser.csvRecordSpans(data)
                if let header = lines.first {
                    out.append(contentsOf: header)
                    out.append(UInt8(ascii: "\n"))
                }
                for line in Set(report.errors.map(\.line)).sorted() where line - 1 < lines.count {
                    for index in (line - 1)..<min(spans[line] ?? line, lines.count) {
                        out.append(contentsOf: lines[index])
                        out.append(UInt8(ascii: "\n"))
                    }
                }
            } else {
                // JSONL: the store kept each rejected line's bytes.
                for line in report.rejectedLines.keys.sorted() {
                    out.append(report.rejectedLines[line]!)
                    out.append(UInt8(ascii: "\n"))
                }
            }
            let rejected = try OutputFile(path: path)
            try rejected.write(out)
            try rejected.commit()
            print("rejected lines written to \(path)")
        }
        if report.committed {
            print("imported \(report.applied) line(s), rejected \(report.errors.count)")
        } else {
            print("imported nothing: \(report.errors.count) line(s) rejected; the database is unchanged")
        }
        if !report.errors.isEmpty { throw ExitCode(1) }
    }
}

/// The whole of a file or standard input.
private func readAll(_ handle: FileHandle) throws -> Data {
    do {
        return try handle.readToEnd() ?? Data()
    } catch {
        throw CLIError("cannot read the import: \(error)")
    }
}

extension ImportFormat: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

/// `casedesk export --format jsonl|csv [--out FILE]`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export every case: JSONL with evidence, or CSV for spreadsheets. Imports back identically.")

    @Option(help: "jsonl or csv.") var format: ExportFormat = .jsonl
    @Option(help: "Write here instead of standard output.") var out: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let session = try database.open(now: Date(), examples: false)
        // To a file: beside it first, renamed into place when whole. To standard output: checked writes.
        let file = try out.map { try OutputFile(path: $0) }
        func emit(_ data: Data) throws {
            if let file {
                try file.write(data)
            } else {
                do {
                    // Shown on a terminal, case data is sanitised; piped or redirected, it is exact.
                    let shown =
                        isatty(STDOUT_FILENO) == 1
                        ? Data(Sanitizer.cleanKeepingLayout(String(decoding: data, as: UTF8.self)).utf8) : data
                    try OutputFile.writeAll(shown, to: STDOUT_FILENO)
                } catch {
                    throw CLIError("cannot write the export to standard output: \(error)")
                }
            }
        }
        var buffer = Data()
        try storeCall {
            try session.database.export(format) { text in
                buffer.append(contentsOf: text.utf8)
                if buffer.count > 1 << 20 {
                    try emit(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        try emit(buffer)
        try file?.commit()
    }
}
