import CaseModel
import Foundation
import GRDB

extension CaseDatabase {
    /// Claims a case for the acting mediator. Taking a case someone else holds is refused, naming them.
    @discardableResult
    public func take(caseID: Int64, by staff: StaffMember, expectedVersion: Int? = nil, at now: Date) throws -> Case {
        try writer.write { db in
            let member = try Self.require(db, staff, .take)
            let current = try Self.current(db, caseID, expectedVersion)
            if let holder = current.assignee, holder != member.name {
                throw CaseError.takenBy(caseID: caseID, assignee: holder)
            }
            guard current.assignee != member.name else { return current }
            return try Self.reassign(
                db, current, to: member.name, by: member, event: .taken(from: current.assignee, to: member.name),
                at: now)
        }
    }

    /// Gives a case back to the queue. Only its assignee, a supervisor or an admin may.
    @discardableResult
    public func release(caseID: Int64, by staff: StaffMember, expectedVersion: Int? = nil, at now: Date) throws -> Case
    {
        try writer.write { db in
            let member = try Self.require(db, staff, .release)
            let current = try Self.current(db, caseID, expectedVersion)
            guard current.assignee == member.name || member.role == .supervisor || member.role == .admin,
                current.assignee != nil
            else { throw CaseError.notAssignee(caseID: caseID, assignee: current.assignee) }
            return try Self.reassign(
                db, current, to: nil, by: member, event: .released(from: current.assignee ?? ""), at: now)
        }
    }

    /// Urges a slow party (DOMAIN.md §1: a slow merchant can be urged); the message goes on the record.
    public func urge(caseID: Int64, party: PartyRole, message: String, by staff: StaffMember, at now: Date) throws {
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CaseError.emptyText(field: "the urging message") }
        try writer.write { db in
            let member = try Self.require(db, staff, .urge)
            guard let current = try Self.fetchCase(db, id: caseID) else { throw StoreError.caseNotFound(caseID) }
            guard current.stage.isOpen else { throw CaseError.finalStage(caseID: caseID, stage: current.stage) }
            try Self.appendEvent(db, .urged(party: party, message: text), at: now, actor: member.name, caseID: caseID)
        }
    }

    /// Adds a note to the case record.
    public func addNote(caseID: Int64, text: String, by staff: StaffMember, at now: Date) throws {
        let note = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw CaseError.emptyText(field: "the note") }
        try writer.write { db in
            let member = try Self.require(db, staff, .note)
            guard try Self.fetchCase(db, id: caseID) != nil else { throw StoreError.caseNotFound(caseID) }
            try Self.appendEvent(db, .noted(text: note), at: now, actor: member.name, caseID: caseID)
        }
    }

    /// The case, checked against the version the caller read, if given.
    static func current(_ db: Database, _ id: Int64, _ expectedVersion: Int?) throws -> Case {
        guard let current = try fetchCase(db, id: id) else { throw StoreError.caseNotFound(id) }
        if let expectedVersion, current.version != expectedVersion {
            let lastActor = try String.fetchOne(
                db, sql: "SELECT actor FROM audit WHERE case_id = ? ORDER BY id DESC LIMIT 1", arguments: [id])
            throw StoreError.conflict(
                caseID: id, expectedVersion: expectedVersion, actualVersion: current.version, changedBy: lastActor)
        }
        return current
    }

    static func reassign(
        _ db: Database, _ current: Case, to assignee: String?, by member: StaffMember, event: CaseEvent, at now: Date
    ) throws -> Case {
        var updated = current
        updated.assignee = assignee
        updated.updatedAt = now
        updated.version += 1
        try db.execute(
            sql: "UPDATE cases SET assignee = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?",
            arguments: [assignee, Timestamp.seconds(now), updated.version, current.id, current.version])
        try appendEvent(db, event, at: now, actor: member.name, caseID: current.id)
        return updated
    }
}

extension CaseDatabase {
    /// Sets a case's priority level (1 most urgent … 4).
    @discardableResult
    public func setPriority(caseID: Int64, level: Int, by staff: StaffMember, at now: Date) throws -> Case {
        guard Priority.levels.contains(level) else { throw CaseError.invalidPriority(level) }
        return try writer.write { db in
            let member = try Self.require(db, staff, .step)
            var updated = try Self.current(db, caseID, nil)
            let before = updated.priority
            guard before != level else { return updated }
            updated.priority = level
            try Self.rewriteHandling(db, updated, by: member, event: .priorityChanged(from: before, to: level), at: now)
            updated.version += 1
            updated.updatedAt = now
            return updated
        }
    }

    /// Raises or lowers a flag on a case.
    @discardableResult
    public func setFlag(_ flag: CaseFlag, on: Bool, caseID: Int64, by staff: StaffMember, at now: Date) throws -> Case {
        guard flag.isManual else { throw CaseError.automaticFlag(flag) }
        return try writer.write { db in
            let member = try Self.require(db, staff, .step)
            var updated = try Self.current(db, caseID, nil)
            guard updated.flags.contains(flag) != on else { return updated }
            if on { updated.flags.insert(flag) } else { updated.flags.remove(flag) }
            try Self.rewriteHandling(db, updated, by: member, event: .flagChanged(flag: flag, raised: on), at: now)
            updated.version += 1
            updated.updatedAt = now
            return updated
        }
    }

    /// Writes priority and flags with a version bump and an audit record.
    static func rewriteHandling(
        _ db: Database, _ item: Case, by member: StaffMember, event: CaseEvent, at now: Date
    ) throws {
        try db.execute(
            sql:
                "UPDATE cases SET priority = ?, flags = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
            arguments: [item.priority, flagsText(item.flags), Timestamp.seconds(now), item.id, item.version])
        try appendEvent(db, event, at: now, actor: member.name, caseID: item.id)
    }
}
