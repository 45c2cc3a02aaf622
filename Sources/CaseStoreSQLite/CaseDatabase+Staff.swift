import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    /// The registered person with this name, for commands run as them.
    ///
    /// On a database with no staff yet, the first person to use it is registered as its
    /// admin (and the audit log says so); `bootstrapped` is then true.
    public func authenticate(_ name: String, at now: Date) throws -> (member: StaffMember, bootstrapped: Bool) {
        // A registered person is only looked up: signing in never waits on another process's write.
        if let member = try writer.read({ db in try Self.staffMember(db, name) }) { return (member, false) }
        return try writer.write { db in
            if let member = try Self.staffMember(db, name) { return (member, false) }
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM staff") == 0 else {
                throw CaseError.permission(.unknownStaff(name))
            }
            try Self.validateStaffName(name)
            let member = StaffMember(name: name, role: .admin)
            try Self.insertStaff(db, member, by: name, at: now)
            return (member, true)
        }
    }

    /// Registers a person in a role; only an admin may.
    public func addStaff(_ member: StaffMember, by actor: StaffMember, at now: Date) throws {
        try Self.validateStaffName(member.name)
        try writer.write { db in
            try Self.require(db, actor, .administer)
            if let existing = try Self.staffMember(db, member.name) {
                guard existing.role != member.role else { return }
                try db.execute(
                    sql: "UPDATE staff SET role = ? WHERE name = ?", arguments: [member.role.rawValue, member.name])
                try Self.appendEvent(
                    db, .staffRoleChanged(name: member.name, from: existing.role, to: member.role), at: now,
                    actor: actor.name, caseID: nil)
                return
            }
            try Self.insertStaff(db, member, by: actor.name, at: now)
        }
    }

    /// Everyone registered, by name.
    public func staff() throws -> [StaffMember] {
        try writer.read(Self.staff)
    }

    static func staff(_ db: Database) throws -> [StaffMember] {
        try Row.fetchAll(db, sql: "SELECT name, role FROM staff ORDER BY name").map { row in
            StaffMember(name: row[0], role: try known(StaffRole.self, row[1], "staff.role"))
        }
    }

    static func staffMember(_ db: Database, _ name: String) throws -> StaffMember? {
        guard let row = try Row.fetchOne(db, sql: "SELECT name, role FROM staff WHERE name = ?", arguments: [name])
        else { return nil }
        return StaffMember(name: row[0], role: try known(StaffRole.self, row[1], "staff.role"))
    }

    /// Checks, inside the write transaction, that the person is registered with a role that allows the operation.
    ///
    /// The role is read from the database, not taken from the caller, so a stale or forged value cannot widen it.
    @discardableResult
    static func require(_ db: Database, _ actor: StaffMember, _ operation: Permission) throws -> StaffMember {
        guard let member = try staffMember(db, actor.name) else {
            throw CaseError.permission(.unknownStaff(actor.name))
        }
        if case .failure(let error) = member.check(operation) { throw CaseError.permission(error) }
        return member
    }

    static func insertStaff(_ db: Database, _ member: StaffMember, by actor: String, at now: Date) throws {
        try db.execute(
            sql: "INSERT INTO staff (name, role, added_at, added_by) VALUES (?, ?, ?, ?)",
            arguments: [member.name, member.role.rawValue, Timestamp.seconds(now), actor])
        try appendEvent(db, .staffAdded(name: member.name, role: member.role), at: now, actor: actor, caseID: nil)
    }

    static func validateStaffName(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                || ".-_".unicodeScalars.contains($0)
        }
        guard (1...64).contains(name.count), allowed else { throw CaseError.invalidStaffName(name) }
    }
}
