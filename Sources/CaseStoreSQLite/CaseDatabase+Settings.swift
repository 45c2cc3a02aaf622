import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    /// Whether this database's clock is simulated (a rehearsal, training or test database):
    /// only then may a command act at a time other than now, or any staff member act as another.
    public func isSimulated() throws -> Bool {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'clock'") == "simulated"
        }
    }

    /// Declares a new, empty database simulated; a database that already holds staff or cases
    /// was created live and stays live (`StoreError.liveClock`).
    public func declareSimulated() throws {
        try writer.write { db in
            if try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'clock'") == "simulated" { return }
            let used = try Int.fetchOne(db, sql: "SELECT (SELECT count(*) FROM staff) + (SELECT count(*) FROM cases)")
            guard used == 0 else { throw StoreError.liveClock(path: path) }
            try db.execute(sql: "INSERT INTO settings (key, value) VALUES ('clock', 'simulated')")
        }
    }

    /// The rule pack new cases in this database run under ("marketplace@1").
    public func rulePackReference() throws -> String {
        try writer.read { db in try Self.currentRulePack(db) }
    }

    static func currentRulePack(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'rule_pack'") ?? "marketplace@1"
    }

    /// Chooses the rule pack for cases filed from now on; open cases keep theirs.
    public func setRulePack(_ pack: RulePack, by staff: StaffMember, at now: Date) throws {
        try writer.write { db in
            let member = try Self.require(db, staff, .administer)
            let previous = try Self.currentRulePack(db)
            try db.execute(
                sql:
                    "INSERT INTO settings (key, value) VALUES ('rule_pack', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [pack.reference])
            try Self.appendEvent(
                db, .rulePackChosen(from: previous, to: pack.reference), at: now, actor: member.name, caseID: nil)
        }
    }
}
