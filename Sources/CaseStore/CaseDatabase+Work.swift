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
                throw StoreError.takenBy(caseID: caseID, assignee: holder)
            }
            guard current.assignee != member.name else { return current }
            return try Self.reassign(db, current, to: member.name, by: member, action: "take", at: now)
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
            else { throw StoreError.notAssignee(caseID: caseID, assignee: current.assignee) }
            return try Self.reassign(db, current, to: nil, by: member, action: "release", at: now)
        }
    }

    /// Urges a slow party (DOMAIN.md §1: a slow merchant can be urged); the message goes on the record.
    public func urge(caseID: Int64, party: PartyRole, message: String, by staff: StaffMember, at now: Date) throws {
        let text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw StoreError.emptyText(field: "the urging message") }
        try writer.write { db in
            let member = try Self.require(db, staff, .urge)
            guard let current = try Self.fetchCase(db, id: caseID) else { throw StoreError.caseNotFound(caseID) }
            guard current.stage.isOpen else { throw StoreError.finalStage(caseID: caseID, stage: current.stage) }
            try Self.appendAudit(
                db, at: now, actor: member.name, action: "urge", caseID: caseID,
                detail: "urged the \(party.rawValue): \(text)")
        }
    }

    /// Adds a note to the case record.
    public func addNote(caseID: Int64, text: String, by staff: StaffMember, at now: Date) throws {
        let note = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw StoreError.emptyText(field: "the note") }
        try writer.write { db in
            let member = try Self.require(db, staff, .note)
            guard try Self.fetchCase(db, id: caseID) != nil else { throw StoreError.caseNotFound(caseID) }
            try Self.appendAudit(db, at: now, actor: member.name, action: "note", caseID: caseID, detail: note)
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
        _ db: Database, _ current: Case, to assignee: String?, by member: StaffMember, action: String, at now: Date
    ) throws -> Case {
        var updated = current
        updated.assignee = assignee
        updated.updatedAt = now
        updated.version += 1
        try db.execute(
            sql: "UPDATE cases SET assignee = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?",
            arguments: [assignee, Timestamp.seconds(now), updated.version, current.id, current.version])
        try appendAudit(
            db, at: now, actor: member.name, action: action, caseID: current.id,
            detail: "assignee \(current.assignee ?? "none") → \(assignee ?? "none")")
        return updated
    }
}
