import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    /// How many cases one seeding transaction (and one audit record) covers.
    public static let seedBatch = 5_000

    /// Adds `count` deterministic synthetic cases with their evidence, in batches.
    ///
    /// Each batch is one transaction with one audit record that names the cases and
    /// evidence it added and fixes a digest of every evidence hash in it, so `verify`
    /// covers seeded evidence as it covers evidence added one by one.
    /// - Parameter progress: called after each batch with the number of cases written so far.
    public func seed(
        cases count: Int, seed: UInt64, now: Date, by staff: StaffMember, progress: (Int) -> Void = { _ in }
    ) throws {
        var generator = SyntheticCases(seed: seed, now: now)
        var written = 0
        // A larger page cache while bulk loading keeps the indexes' hot pages in memory.
        // and the search index merges its segments once at the end rather than after every batch.
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -32768")
            for table in ["case_search", "evidence_search"] {
                try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES ('automerge', 0)")
            }
        }
        defer {
            try? writer.writeWithoutTransaction { db in
                for table in ["case_search", "evidence_search"] {
                    try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES ('automerge', 4)")
                    try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES ('merge', 500)")
                }
                try db.execute(sql: "PRAGMA cache_size = -2000")
            }
        }
        while written < count {
            let batch = min(Self.seedBatch, count - written)
            try writer.write { db in
                let member = try Self.require(db, staff, .administer)
                var insertCase = try BulkStatement(
                    db,
                    sql:
                        "INSERT INTO cases (\(CaseRecord.columns.replacingOccurrences(of: "id, title", with: "title"))) "
                        + "VALUES (\(Array(repeating: "?", count: 22).joined(separator: ", ")))")
                var insertEvidence = try BulkStatement(
                    db,
                    sql: """
                        INSERT INTO evidence (case_id, kind, source, description, sha256, content, submitted_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """)
                let pack = try Self.currentRulePack(db)
                var firstCase: Int64 = 0
                var lastCase: Int64 = 0
                var firstEvidence: Int64 = 0
                var lastEvidence: Int64 = 0
                var digest = Data()
                for index in 0..<batch {
                    var (item, evidence) = generator.nextCase()
                    item.rulePack = pack
                    try Self.recordParties(db, item)
                    CaseRecord.bind(item, to: &insertCase)
                    try insertCase.step(db)
                    let caseID = db.lastInsertedRowID
                    if index == 0 { firstCase = caseID }
                    lastCase = caseID
                    item.id = caseID
                    try Self.indexCase(db, item)
                    for (kind, source, description, content) in evidence {
                        let hash = Hashing.sha256Hex(content)
                        insertEvidence.bind(caseID)
                        insertEvidence.bind(kind.rawValue)
                        insertEvidence.bind(source.rawValue)
                        insertEvidence.bind(description)
                        insertEvidence.bind(hash)
                        insertEvidence.bind(content)
                        insertEvidence.bind(Timestamp.seconds(item.createdAt))
                        try insertEvidence.step(db)
                        lastEvidence = db.lastInsertedRowID
                        try Self.indexEvidence(db, id: lastEvidence, description: description)
                        if firstEvidence == 0 { firstEvidence = lastEvidence }
                        digest.append(contentsOf: hash.utf8)
                    }
                }
                try Self.appendEvent(
                    db,
                    .seeded(
                        cases: firstCase...lastCase, evidence: firstEvidence == 0 ? nil : firstEvidence...lastEvidence,
                        seed: seed, digest: Hashing.sha256Hex(digest)),
                    at: now, actor: member.name, caseID: nil)
            }
            written += batch
            progress(written)
        }
    }
}
