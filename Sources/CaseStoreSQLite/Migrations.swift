import CaseInterchange
import CaseStore
import GRDB

/// The schema's history. A shipped migration is never edited: add v2, v3… instead.
enum Migrations {
    /// The largest value SQLite integers hold; sorts cases without a deadline last.
    static let noDeadlineKey: Int64 = Int64.max

    /// Every migration, in order.
    static let all: [(identifier: String, sql: String)] = [
        ("v1", v1), ("v2", v2), ("v3", v3), ("v4", v4), ("v5", v5), ("v6", v6), ("v7", v7), ("v8", v8), ("v9", v9),
        ("v10", v10), ("v11", v11), ("v12", v12), ("v13", v13), ("v14", v14),
    ]

    /// v14: the sweeper's candidates by stage and deadline, so an idle sweep seeks the few stages
    /// whose clock does something on expiry instead of reading every overdue case.
    static let v14 = """
        CREATE INDEX cases_expiring ON cases(stage, stage_deadline) WHERE stage_deadline IS NOT NULL;
        """

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (identifier, sql) in all {
            migrator.registerMigration(identifier) { db in
                try db.execute(sql: sql)
                if identifier == "v6" { try backfillSearch(db) }
            }
        }
        return migrator
    }

    /// The SQL of one migration.
    static func sql(_ identifier: String) -> String {
        all.first { $0.identifier == identifier }!.sql
    }

    static let v1 = """
        CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            narrative TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL,
            request_type TEXT NOT NULL,
            buyer_account TEXT NOT NULL,
            buyer_name TEXT NOT NULL,
            merchant_account TEXT NOT NULL,
            merchant_name TEXT NOT NULL,
            order_id TEXT NOT NULL,
            order_amount_fen INTEGER NOT NULL,
            claim_amount_fen INTEGER NOT NULL,
            stage TEXT NOT NULL,
            stage_deadline INTEGER,
            suspended_from TEXT,
            assignee TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX cases_by_deadline ON cases(ifnull(stage_deadline, \(noDeadlineKey)), id);

        CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            description TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            content BLOB NOT NULL,
            submitted_at INTEGER NOT NULL
        );
        CREATE INDEX evidence_by_case ON evidence(case_id, submitted_at, id);

        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            case_id INTEGER REFERENCES cases(id),
            detail TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        CREATE INDEX audit_by_case ON audit(case_id, id);
        """

    /// Rule packs: each case records the pack it runs under; the database records which pack new cases get.
    /// Cases from a v1 database ran under the marketplace rules, the only ones v1 knew.
    static let v2 = """
        ALTER TABLE cases ADD COLUMN rule_pack TEXT NOT NULL DEFAULT 'marketplace@1';
        ALTER TABLE cases ADD COLUMN paused_remaining INTEGER;
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO settings (key, value) VALUES ('rule_pack', 'marketplace@1');
        CREATE INDEX cases_by_expiry ON cases(stage_deadline) WHERE stage_deadline IS NOT NULL;
        """

    /// Staff: who may use the database, in which role.
    static let v3 = """
        CREATE TABLE staff (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            added_at INTEGER NOT NULL,
            added_by TEXT NOT NULL
        );
        """

    /// Points in dispute with their burden and findings, their evidence, and evidence requests with windows.
    static let v4 = """
        CREATE TABLE issues (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            kind TEXT NOT NULL,
            description TEXT NOT NULL,
            burden TEXT NOT NULL,
            buyer_confirmed_receipt INTEGER NOT NULL DEFAULT 0,
            durable_within_six_months INTEGER NOT NULL DEFAULT 0,
            finding TEXT,
            finding_note TEXT,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX issues_by_case ON issues(case_id, id);
        CREATE TABLE issue_evidence (
            issue_id INTEGER NOT NULL REFERENCES issues(id),
            evidence_id INTEGER NOT NULL REFERENCES evidence(id),
            PRIMARY KEY (issue_id, evidence_id)
        );
        CREATE TABLE evidence_requests (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            party TEXT NOT NULL,
            what TEXT NOT NULL,
            opened_at INTEGER NOT NULL,
            due_at INTEGER NOT NULL
        );
        CREATE INDEX evidence_requests_by_case ON evidence_requests(case_id, id);
        """

    /// Counting by stage (the dashboard, the benchmark) from an index instead of the table.
    static let v5 = """
        CREATE INDEX cases_by_stage ON cases(stage);
        """

    /// Full-text search over cases and evidence descriptions, Chinese included (see SearchText).
    /// Contentless: the text lives in the tables it indexes; the index holds only tokens.
    static let v6 = """
        CREATE VIRTUAL TABLE case_search USING fts5(text, content='', tokenize='unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE evidence_search USING fts5(text, content='', tokenize='unicode61 remove_diacritics 2');
        """

    /// Indexes what an older database already holds. It reads only the columns v6 knew, so it
    /// keeps working however the cases table grows after it.
    static func backfillSearch(_ db: Database) throws {
        let cases = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, title, narrative, buyer_name, buyer_account, merchant_name, merchant_account, order_id
                FROM cases
                """)
        while let row = try cases.next() {
            let fields: [String] = (1...7).map { row[$0] }
            try CaseDatabase.indexCase(db, id: row[0], fields: fields)
        }
        let evidence = try Row.fetchCursor(db, sql: "SELECT id, description FROM evidence")
        while let row = try evidence.next() { try CaseDatabase.indexEvidence(db, id: row[0], description: row[1]) }
    }

    /// Sorting the queue by claim (largest first) and by age, each a walk of its own index.
    static let v7 = """
        CREATE INDEX cases_by_claim ON cases(-claim_amount_fen, id);
        CREATE INDEX cases_by_age ON cases(created_at, id);
        """

    /// Priority levels (1 most urgent … 4) and flags; the priority order is by level, then deadline.
    /// Existing cases get the level they would have been filed with.
    static let v8 = """
        ALTER TABLE cases ADD COLUMN priority INTEGER NOT NULL DEFAULT 3;
        ALTER TABLE cases ADD COLUMN flags TEXT NOT NULL DEFAULT '';
        UPDATE cases SET priority = CASE
            WHEN category IN ('safety', 'fraud') THEN 1
            WHEN category = 'counterfeit' OR claim_amount_fen >= 500000 THEN 2
            ELSE 3 END;
        CREATE INDEX cases_by_priority ON cases(priority * 10000000000 + ifnull(stage_deadline, 9999999999), id);
        """

    /// Parties and orders as tables of their own, and the cases table rebuilt (SQLite's way of
    /// adding constraints) so each case's buyer, merchant and order must exist. A case keeps the
    /// names as they were when it was filed; `parties` holds the current ones. No index on the
    /// referring columns: parents are never deleted, and each such index costs the bulk loads dearly.
    static let v9 = """
        CREATE TABLE parties (
            account TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE orders (
            order_id TEXT PRIMARY KEY,
            buyer_account TEXT NOT NULL REFERENCES parties(account),
            merchant_account TEXT NOT NULL REFERENCES parties(account),
            amount_fen INTEGER NOT NULL
        );
        INSERT OR IGNORE INTO parties (account, name, updated_at)
            SELECT buyer_account, buyer_name, updated_at FROM cases ORDER BY id;
        INSERT OR IGNORE INTO parties (account, name, updated_at)
            SELECT merchant_account, merchant_name, updated_at FROM cases ORDER BY id;
        INSERT OR IGNORE INTO orders (order_id, buyer_account, merchant_account, amount_fen)
            SELECT order_id, buyer_account, merchant_account, order_amount_fen FROM cases ORDER BY id;

        CREATE TABLE cases_v9 (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            narrative TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL,
            request_type TEXT NOT NULL,
            buyer_account TEXT NOT NULL REFERENCES parties(account),
            buyer_name TEXT NOT NULL,
            merchant_account TEXT NOT NULL REFERENCES parties(account),
            merchant_name TEXT NOT NULL,
            order_id TEXT NOT NULL REFERENCES orders(order_id),
            order_amount_fen INTEGER NOT NULL,
            claim_amount_fen INTEGER NOT NULL,
            stage TEXT NOT NULL,
            stage_deadline INTEGER,
            suspended_from TEXT,
            assignee TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            rule_pack TEXT NOT NULL DEFAULT 'marketplace@1',
            paused_remaining INTEGER,
            priority INTEGER NOT NULL DEFAULT 3,
            flags TEXT NOT NULL DEFAULT ''
        );
        INSERT INTO cases_v9 SELECT id, title, narrative, category, request_type, buyer_account, buyer_name,
            merchant_account, merchant_name, order_id, order_amount_fen, claim_amount_fen, stage, stage_deadline,
            suspended_from, assignee, created_at, updated_at, version, rule_pack, paused_remaining, priority, flags
            FROM cases;
        DROP TABLE cases;
        ALTER TABLE cases_v9 RENAME TO cases;
        CREATE INDEX cases_by_deadline ON cases(ifnull(stage_deadline, \(noDeadlineKey)), id);
        CREATE INDEX cases_by_expiry ON cases(stage_deadline) WHERE stage_deadline IS NOT NULL;
        CREATE INDEX cases_by_stage ON cases(stage);
        CREATE INDEX cases_by_claim ON cases(-claim_amount_fen, id);
        CREATE INDEX cases_by_age ON cases(created_at, id);
        CREATE INDEX cases_by_priority ON cases(priority * 10000000000 + ifnull(stage_deadline, 9999999999), id);
        """

    /// Rulings (each revision kept), observers' sign-offs, the obligations rulings create, and appeals.
    static let v10 = """
        CREATE TABLE rulings (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            revision INTEGER NOT NULL,
            mediator TEXT NOT NULL,
            terms TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            favours TEXT NOT NULL,
            total_fen INTEGER NOT NULL,
            status TEXT NOT NULL,
            review_reason TEXT,
            reviewer TEXT,
            review_comment TEXT,
            reviewed_at INTEGER,
            appeal_id INTEGER,
            created_at INTEGER NOT NULL,
            UNIQUE (case_id, revision)
        );
        CREATE INDEX rulings_by_status ON rulings(status, created_at);
        CREATE TABLE observer_signoffs (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            observer TEXT NOT NULL,
            statement TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE INDEX observer_signoffs_by_case ON observer_signoffs(case_id);
        CREATE TABLE obligations (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            ruling_id INTEGER NOT NULL REFERENCES rulings(id),
            obligor TEXT NOT NULL,
            task TEXT NOT NULL,
            amount_fen INTEGER,
            due_at INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'open',
            settled_at INTEGER,
            note TEXT
        );
        CREATE INDEX obligations_by_case ON obligations(case_id, id);
        CREATE INDEX obligations_due ON obligations(due_at) WHERE status = 'open';
        CREATE TABLE appeals (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            ruling_id INTEGER NOT NULL REFERENCES rulings(id),
            party TEXT NOT NULL,
            grounds TEXT NOT NULL,
            filed_at INTEGER NOT NULL,
            evidence_id INTEGER REFERENCES evidence(id),
            outcome TEXT,
            decided_by TEXT,
            reasons TEXT,
            decided_at INTEGER,
            new_ruling_id INTEGER REFERENCES rulings(id)
        );
        CREATE INDEX appeals_by_case ON appeals(case_id, id);
        CREATE INDEX audit_by_time ON audit(at);
        """

    /// Typed history: each audit record carries its event's kind and canonical JSON payload,
    /// which the hash chain covers. Records written before stay as they are (both NULL) and
    /// keep verifying by the fields they were hashed with.
    /// No index on kind: every event would pay a B-tree write for it, and verify reads the whole log anyway.
    static let v11 = """
        ALTER TABLE audit ADD COLUMN kind TEXT;
        ALTER TABLE audit ADD COLUMN payload TEXT;
        """

    /// Who really acted: each record from now on carries the operating-system login of the
    /// process that wrote it, and its hash covers that login and the record's own number.
    /// Older records keep NULL and verify as before.
    static let v12 = """
        ALTER TABLE audit ADD COLUMN login TEXT;
        """
}
