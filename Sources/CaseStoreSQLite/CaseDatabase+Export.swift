import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    /// Writes every case in number order, streaming: JSONL with evidence and its content, or
    /// CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read the Chinese, a header row).
    ///
    /// Importing the output into a new database and exporting again gives the same bytes.
    public func export(_ format: ExportFormat, write: (String) throws -> Void) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try writer.read { db in
            if format == .csv { try write("\u{FEFF}" + CSV.line(CaseCSV.header)) }
            let cases = try Row.fetchCursor(db, sql: "SELECT \(CaseRecord.columns) FROM cases ORDER BY id")
            let evidence = try db.cachedStatement(
                sql: """
                    SELECT id, case_id, kind, source, description, sha256, submitted_at, content
                    FROM evidence WHERE case_id = ? ORDER BY submitted_at, id
                    """)
            while let row = try cases.next() {
                let item = try CaseRecord.decode(row)
                switch format {
                case .csv:
                    try write(CSV.line(CaseCSV.fields(CaseDocument(item, evidence: []))))
                case .jsonl:
                    let items = try Row.fetchAll(evidence, arguments: [item.id]).map { e in
                        (
                            Evidence(
                                id: e[0], caseID: e[1], kind: try known(EvidenceKind.self, e[2], "evidence.kind"),
                                source: try known(EvidenceSource.self, e[3], "evidence.source"), description: e[4],
                                sha256: e[5], submittedAt: Timestamp.date(e[6])),
                            (e[7] as Data?) ?? Data()
                        )
                    }
                    let line = JSONOutput.escapingControls(
                        String(decoding: try encoder.encode(CaseDocument(item, evidence: items)), as: UTF8.self))
                    try write(line + "\n")
                }
            }
        }
    }
}
