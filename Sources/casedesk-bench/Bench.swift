import ArgumentParser
import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTUI
import CaseTraining
import Foundation
import RulePacks

/// `casedesk-bench`: builds a database of N cases and measures the store, beside direct SQLite.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casedesk-bench",
        abstract: "Measure CaseDesk at scale: medians and p99s, each store query beside the same query in raw SQLite.")

    @Option(help: "How many cases.") var cases: Int = 1_000_000
    @Option(help: "Timed runs per query.") var runs: Int = 300
    @Option(help: "The database file (default: a new temporary file, removed afterwards).") var db: String?
    @Option(help: "Also write the Markdown table here.") var out: String?

    func run() throws {
        let path =
            db
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("casedesk-bench-\(getpid()).sqlite").path
        let temporary = db == nil
        defer {
            if temporary {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }
        let now = Date(timeIntervalSince1970: 1_795_766_400)  // 2026-11-27T08:00:00Z: fixed, so runs compare
        let database = try CaseDatabase(path: path)
        let (admin, _) = try database.authenticate("bench", at: now)
        var rows: [(String, String, String, String, String)] = []
        func row(_ name: String, _ store: Samples, _ direct: Samples?) {
            let ratio = direct.map { String(format: "%.2f×", store.median / max($0.median, 0.000_001)) } ?? "–"
            rows.append((name, ms(store.median), ms(store.p99), direct.map { ms($0.median) } ?? "–", ratio))
            print(name, ms(store.median), ms(store.p99), direct.map { ms($0.median) } ?? "-", ratio)
        }

        let existing = try database.caseCount()
        var seedRate = "reused \(existing) cases"
        if existing < cases {
            let start = Date()
            try database.seed(cases: cases - existing, seed: 42, now: now, by: admin)
            let seconds = Date().timeIntervalSince(start)
            seedRate = String(
                format: "%.0f cases/s (%d cases in %.1f s)", Double(cases - existing) / seconds, cases - existing,
                seconds)
            print("seed", seedRate)
        }
        let direct = try DirectSQLite(path: path)
        let total = try database.caseCount()
        let sortKey = "ifnull(stage_deadline, 9223372036854775807)"
        let columns = "id, stage, stage_deadline, claim_amount_fen, title, assignee"

        // Queue: first page.
        let first = try Samples.measure(runs: runs) { _ = try database.queuePage(limit: 50) }
        let firstDirect = try Samples.measure(runs: runs) {
            try direct.run("SELECT \(columns) FROM cases ORDER BY \(sortKey), id LIMIT 50")
        }
        row("queue page, first (50 rows)", first, firstDirect)

        // Queue: a deep page, from a cursor in the middle.
        let middleID = try direct.firstInteger(
            "SELECT id FROM cases ORDER BY \(sortKey), id LIMIT 1 OFFSET ?", [Int64(total / 2)])
        let middle = QueueCursor(of: try database.fetchCase(id: middleID)!)
        let deep = try Samples.measure(runs: runs) { _ = try database.queuePage(after: middle, limit: 50) }
        // The same two seeks the store makes: the rows tied with the cursor's key, then those past it.
        let deepDirect = try Samples.measure(runs: runs) {
            let ties = try direct.run(
                "SELECT \(columns) FROM cases WHERE \(sortKey) = ? AND id > ? ORDER BY id LIMIT 50",
                [middle.key, middle.id])
            if ties < 50 {
                try direct.run(
                    "SELECT \(columns) FROM cases WHERE \(sortKey) > ? ORDER BY \(sortKey), id LIMIT ?",
                    [middle.key, Int64(50 - ties)])
            }
        }
        row("queue page, deep (50 rows at the middle)", deep, deepDirect)

        // A filtered page: open counterfeit cases claiming ¥1,000 or more, by deadline.
        var filtered = QueueQuery()
        filtered.categories = [.counterfeit]
        filtered.minClaim = .yuan(1000)
        filtered.openOnly = true
        let filteredPage = try Samples.measure(runs: runs) { _ = try database.queuePage(filtered, limit: 50) }
        let filteredDirect = try Samples.measure(runs: runs) {
            try direct.run(
                "SELECT \(columns) FROM cases INDEXED BY cases_by_deadline WHERE category = 'counterfeit' "
                    + "AND claim_amount_fen >= 100000 AND stage NOT IN ('closed', 'referred', 'withdrawn') "
                    + "ORDER BY \(sortKey), id LIMIT 50")
        }
        row("queue page, filtered (open counterfeit ≥ ¥1,000)", filteredPage, filteredDirect)
        let byAmount = try Samples.measure(runs: runs) {
            _ = try database.queuePage(QueueQuery(order: .amount), limit: 50)
        }
        let byAmountDirect = try Samples.measure(runs: runs) {
            try direct.run("SELECT \(columns) FROM cases ORDER BY -claim_amount_fen, id LIMIT 50")
        }
        row("queue page, sorted by amount", byAmount, byAmountDirect)

        // Full-text search: a common Chinese term, a rarer Chinese phrase, an English word.
        for (label, text) in [
            ("search, Chinese 运输途中", "运输途中"), ("search, Chinese 婴儿奶粉 过期", "婴儿奶粉 过期"),
            ("search, English keyboard", "keyboard"),
        ] {
            let query = SearchText.query(text)!
            let found = try Samples.measure(runs: runs) { _ = try database.search(text) }
            let foundDirect = try Samples.measure(runs: runs) {
                let ids = try direct.integers(
                    "SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid DESC LIMIT 50", query)
                _ = try direct.integers(
                    "SELECT DISTINCT case_id FROM evidence WHERE id IN (SELECT rowid FROM evidence_search "
                        + "WHERE evidence_search MATCH ? ORDER BY rowid DESC LIMIT 50)", query)
                try direct.run(
                    "SELECT \(columns) FROM cases WHERE id IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY id DESC"
                )
            }
            row(label, found, foundDirect)
        }

        // Count of the whole queue (the status bar's total).
        let count = try Samples.measure(runs: max(10, runs / 10)) { _ = try database.caseCount() }
        let countDirect = try Samples.measure(runs: max(10, runs / 10)) { try direct.run("SELECT count(*) FROM cases") }
        row("count all cases", count, countDirect)

        // Count by stage (the dashboard).
        let byStage = try Samples.measure(runs: max(10, runs / 10)) { _ = try database.countByStage() }
        let byStageDirect = try Samples.measure(runs: max(10, runs / 10)) {
            try direct.run("SELECT stage, count(*) FROM cases GROUP BY stage")
        }
        row("count by stage", byStage, byStageDirect)

        // Open a case: the case, its evidence and its audit trail.
        var generator = SplitMix64(seed: 7)
        let open = try Samples.measure(runs: runs) {
            let id = Int64(generator.next() % UInt64(total)) + 1
            _ = try database.fetchCase(id: id)
            _ = try database.evidence(caseID: id)
            _ = try database.auditTrail(caseID: id)
        }
        var directGenerator = SplitMix64(seed: 7)
        let openDirect = try Samples.measure(runs: runs) {
            let id = Int64(directGenerator.next() % UInt64(total)) + 1
            try direct.run("SELECT * FROM cases WHERE id = ?", [id])
            try direct.run(
                "SELECT id, case_id, kind, source, description, sha256, submitted_at FROM evidence WHERE case_id = ? ORDER BY submitted_at, id",
                [id])
            try direct.run("SELECT * FROM audit WHERE case_id = ? ORDER BY id", [id])
        }
        row("open a case (case, evidence, audit)", open, openDirect)

        // Take a case: one write transaction (role, version, the case row, the audit record), each run
        // on a different unassigned case spread over the table.
        let spread = max(1, total / (runs * 10))
        var free = try direct.integers(
            "SELECT id FROM cases WHERE assignee IS NULL AND id % \(spread) = 0 ORDER BY id LIMIT \(runs * 3)", "")
        guard free.count >= 2 * (runs + 5) else { throw BenchError("too few unassigned cases to time takes") }
        free.reverse()
        let take = try Samples.measure(runs: runs) {
            _ = try database.take(caseID: free.removeLast(), by: admin, at: now)
        }
        let writer = try DirectSQLite(path: path, writable: true)
        let takeDirect = try Samples.measure(runs: runs) {
            let id = free.removeLast()
            try writer.run("BEGIN IMMEDIATE")
            try writer.run("SELECT * FROM cases WHERE id = ?", [id])
            try writer.run("UPDATE cases SET assignee = 'bench', version = version + 1 WHERE id = ?", [id])
            try writer.run("SELECT hash FROM audit ORDER BY id DESC LIMIT 1")
            try writer.run(
                "INSERT INTO audit (at, actor, action, case_id, detail, prev_hash, hash) "
                    + "VALUES (1795766400, 'bench', 'take', ?, 'assignee none → bench', '', '')", [id])
            try writer.run("COMMIT")
        }
        row("take a case (one write transaction)", take, takeDirect)

        // Headless first frame: what `casedesk` does before the first paint.
        let rules = try RulePackCatalog.shipped()
        let frame = Samples.measure(runs: max(20, runs / 10), warmup: 2) {
            var state = AppState(width: 100, height: 30, now: now, databaseLabel: "bench")
            state.rules = rules
            state.staff = admin
            let driver = AppDriver(state: state, database: database)
            _ = driver.render()
        }
        row("headless first frame (100×30)", frame, nil)

        let memory = peakMemoryMB()

        // Import rate: export 20,000 seeded cases (JSONL, with evidence) and import them into a new database.
        let importCases = 20_000
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("casedesk-bench-import-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let exporter = try CaseDatabase(path: scratch.appendingPathComponent("from.sqlite").path)
        let (exportAdmin, _) = try exporter.authenticate("bench", at: now)
        try exporter.seed(cases: importCases, seed: 9, now: now, by: exportAdmin)
        var jsonl = ""
        try exporter.export(.jsonl) { jsonl += $0 }
        let importer = try CaseDatabase(path: scratch.appendingPathComponent("to.sqlite").path)
        let (importAdmin, _) = try importer.authenticate("bench", at: now)
        let importStart = Date()
        let report = try importer.importFile(Data(jsonl.utf8), by: importAdmin, skipInvalid: false, rules: rules)
        let importSeconds = Date().timeIntervalSince(importStart)
        let importRate = String(
            format: "%.0f cases/s (%d cases with evidence in %.2f s, %d rejected)",
            Double(report.applied) / importSeconds,
            report.applied, importSeconds, report.errors.count)
        print("import", importRate)
        var table = """
            | operation | store median ms | store p99 ms | direct SQLite median ms | ratio |
            |---|---:|---:|---:|---:|

            """
        for (name, median, p99, directMedian, ratio) in rows {
            table += "| \(name) | \(median) | \(p99) | \(directMedian) | \(ratio) |\n"
        }
        table +=
            "\nCases: \(total). Seed: \(seedRate). Import: \(importRate). "
            + "Peak memory before the import step: \(String(format: "%.1f", memory)) MB. Runs per query: \(runs).\n"
        print("")
        print(table)
        if let out {
            try table.write(toFile: out, atomically: true, encoding: .utf8)
        }
    }
}
