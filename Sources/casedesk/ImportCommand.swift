import ArgumentParser
import CaseStore
import Foundation

/// `casedesk import FILE`: party events (JSONL) through the lifecycle rules.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import party events from a JSONL file (format: docs/import-format.md).",
        discussion: """
            Every line is checked against the case as the lines before it left it. By default one \
            bad line rejects the whole file and nothing is written; every problem is listed as \
            `line N: reason`. With --skip-invalid the valid lines are kept and the rejected lines are \
            written to --rejects (default FILE.rejects). The exit status is 1 whenever anything was rejected.
            """)

    @Argument(help: "The JSONL file, or - for standard input.") var file: String
    @Flag(help: "Keep the valid lines; write the rejected ones to --rejects.") var skipInvalid = false
    @Option(help: "Where --skip-invalid writes rejected lines (default: FILE.rejects).") var rejects: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw CLIError("cannot read \(file)")
            }
            data = contents
        }
        let rules = try loadRules()
        let session = try database.open(now: Date())
        let report = try storeCall {
            try session.database.importEvents(data, by: session.staff, skipInvalid: skipInvalid, rules: rules)
        }
        for error in report.errors {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
        }
        if skipInvalid && !report.errors.isEmpty {
            let path = rejects ?? (file == "-" ? "rejects.jsonl" : file + ".rejects")
            let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            var out = Data()
            for error in report.errors where error.line - 1 < lines.count {
                out.append(contentsOf: lines[error.line - 1])
                out.append(UInt8(ascii: "\n"))
            }
            guard FileManager.default.createFile(atPath: path, contents: out) else {
                throw CLIError("cannot write the rejected lines to \(path)")
            }
            print("rejected lines written to \(path)")
        }
        if report.committed {
            print("imported \(report.applied) event(s), rejected \(report.errors.count)")
        } else {
            print("imported nothing: \(report.errors.count) line(s) rejected; the database is unchanged")
        }
        if !report.errors.isEmpty { throw ExitCode(1) }
    }
}
