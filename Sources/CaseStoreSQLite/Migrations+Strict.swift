extension Migrations {
    /// Every table declares its column types and SQLite enforces them (STRICT tables): a value
    /// of the wrong type can no longer be stored by any writer, and `PRAGMA integrity_check`
    /// (run by verify) checks every stored one. Each table is rebuilt with the same columns,
    /// its rows copied and its indexes recreated; the search indexes (FTS5) stay as they are.
    /// A row that already holds a wrongly typed value stops the upgrade with SQLite's message
    /// naming the column, and the database is left as it was.
    static let v13 = """
        CREATE TABLE evidence_strict (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            description TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            content BLOB NOT NULL,
            submitted_at INTEGER NOT NULL
        ) STRICT;
        INSERT INTO evidence_strict SELECT * FROM evidence;
        DROP TABLE evidence;
        ALTER TABLE evidence_strict RENAME TO evidence;
        CREATE INDEX evidence_by_case ON evidence(case_id, submitted_at, id);
        CREATE TABLE audit_strict (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            case_id INTEGER REFERENCES cases(id),
            detail TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            kind TEXT,
            payload TEXT,
            login TEXT
        ) STRICT;
        INSERT INTO audit_strict SELECT * FROM audit;
        DROP TABLE audit;
        ALTER TABLE audit_strict RENAME TO audit;
        CREATE INDEX audit_by_case ON audit(case_id, id);
        CREATE INDEX audit_by_time ON audit(at);
        CREATE TABLE settings_strict (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        INSERT INTO settings_strict SELECT * FROM settings;
        DROP TABLE settings;
        ALTER TABLE settings_strict RENAME TO settings;
        CREATE TABLE staff_strict (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            added_at INTEGER NOT NULL,
            added_by TEXT NOT NULL
        ) STRICT;
        INSERT INTO staff_strict SELECT * FROM staff;
        DROP TABLE staff;
        ALTER TABLE staff_strict RENAME TO staff;
        CREATE TABLE issues_strict (
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
        ) STRICT;
        INSERT INTO issues_strict SELECT * FROM issues;
        DROP TABLE issues;
        ALTER TABLE issues_strict RENAME TO issues;
        CREATE INDEX issues_by_case ON issues(case_id, id);
        CREATE TABLE issue_evidence_strict (
            issue_id INTEGER NOT NULL REFERENCES issues(id),
            evidence_id INTEGER NOT NULL REFERENCES evidence(id),
            PRIMARY KEY (issue_id, evidence_id)
        ) STRICT;
        INSERT INTO issue_evidence_strict SELECT * FROM issue_evidence;
        DROP TABLE issue_evidence;
        ALTER TABLE issue_evidence_strict RENAME TO issue_evidence;
        CREATE TABLE evidence_requests_strict (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            party TEXT NOT NULL,
            what TEXT NOT NULL,
            opened_at INTEGER NOT NULL,
            due_at INTEGER NOT NULL
        ) STRICT;
        INSERT INTO evidence_requests_strict SELECT * FROM evidence_requests;
        DROP TABLE evidence_requests;
        ALTER TABLE evidence_requests_strict RENAME TO evidence_requests;
        CREATE INDEX evidence_requests_by_case ON evidence_requests(case_id, id);
        CREATE TABLE parties_strict (
            account TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        ) STRICT;
        INSERT INTO parties_strict SELECT * FROM parties;
        DROP TABLE parties;
        ALTER TABLE parties_strict RENAME TO parties;
        CREATE TABLE orders_strict (
            order_id TEXT PRIMARY KEY,
            buyer_account TEXT NOT NULL REFERENCES parties(account),
            merchant_account TEXT NOT NULL REFERENCES parties(account),
            amount_fen INTEGER NOT NULL
        ) STRICT;
        INSERT INTO orders_strict SELECT * FROM orders;
        DROP TABLE orders;
        ALTER TABLE orders_strict RENAME TO orders;
        CREATE TABLE cases_strict (
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
        ) STRICT;
        INSERT INTO cases_strict SELECT * FROM cases;
        DROP TABLE cases;
        ALTER TABLE cases_strict RENAME TO cases;
        CREATE INDEX cases_by_deadline ON cases(ifnull(stage_deadline, 9223372036854775807), id);
        CREATE INDEX cases_by_expiry ON cases(stage_deadline) WHERE stage_deadline IS NOT NULL;
        CREATE INDEX cases_by_stage ON cases(stage);
        CREATE INDEX cases_by_claim ON cases(-claim_amount_fen, id);
        CREATE INDEX cases_by_age ON cases(created_at, id);
        CREATE INDEX cases_by_priority ON cases(priority * 10000000000 + ifnull(stage_deadline, 9999999999), id);
        CREATE TABLE rulings_strict (
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
        ) STRICT;
        INSERT INTO rulings_strict SELECT * FROM rulings;
        DROP TABLE rulings;
        ALTER TABLE rulings_strict RENAME TO rulings;
        CREATE INDEX rulings_by_status ON rulings(status, created_at);
        CREATE TABLE observer_signoffs_strict (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases(id),
            observer TEXT NOT NULL,
            statement TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            at INTEGER NOT NULL
        ) STRICT;
        INSERT INTO observer_signoffs_strict SELECT * FROM observer_signoffs;
        DROP TABLE observer_signoffs;
        ALTER TABLE observer_signoffs_strict RENAME TO observer_signoffs;
        CREATE INDEX observer_signoffs_by_case ON observer_signoffs(case_id);
        CREATE TABLE obligations_strict (
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
        ) STRICT;
        INSERT INTO obligations_strict SELECT * FROM obligations;
        DROP TABLE obligations;
        ALTER TABLE obligations_strict RENAME TO obligations;
        CREATE INDEX obligations_by_case ON obligations(case_id, id);
        CREATE INDEX obligations_due ON obligations(due_at) WHERE status = 'open';
        CREATE TABLE appeals_strict (
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
        ) STRICT;
        INSERT INTO appeals_strict SELECT * FROM appeals;
        DROP TABLE appeals;
        ALTER TABLE appeals_strict RENAME TO appeals;
        CREATE INDEX appeals_by_case ON appeals(case_id, id);
        """
}
