import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    /// The case with everything on it, to read or to replay.
    public func caseFile(id: Int64) throws -> CaseFile {
        try writer.read { db in
            guard let item = try Self.fetchCase(db, id: id) else { throw StoreError.caseNotFound(id) }
            return try Self.loadFile(db, item, reading: Set(CaseFile.Part.allCases))
        }
    }

    /// The parts of a case's file an intent reads, and the next free numbers when it may add records.
    static func loadFile(_ db: Database, _ item: Case, reading parts: Set<CaseFile.Part>) throws -> CaseFile {
        var file = CaseFile(item: item)
        guard !parts.isEmpty else { return file }
        if parts.contains(.evidence) { file.evidence = try evidence(db, caseID: item.id) }
        if parts.contains(.issues) { file.issues = try issues(db, caseID: item.id) }
        if parts.contains(.requests) { file.requests = try evidenceRequests(db, caseID: item.id) }
        if parts.contains(.decisions) { file.decisions = try decisions(db, caseID: item.id) }
        file.next = try nextIDs(db)
        return file
    }

    /// The next free number of every kind of record.
    static func nextIDs(_ db: Database) throws -> NextIDs {
        func next(_ table: String) throws -> Int64 {
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT ifnull(max(id), 0) + 1 FROM \(table)")) ?? 1
        }
        return NextIDs(
            evidence: try next("evidence"), issue: try next("issues"), request: try next("evidence_requests"),
            ruling: try next("rulings"), obligation: try next("obligations"), appeal: try next("appeals"))
    }
}
