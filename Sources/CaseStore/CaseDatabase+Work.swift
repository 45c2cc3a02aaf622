import CaseModel
import Foundation
import GRDB

extension CaseDatabase {
    /// Claims a case for the acting mediator. Taking a case someone else holds is refused, naming them.
    @discardableResult
    public func take(caseID: Int64, by staff: StaffMember, expectedVersion: Int? = nil, at now: Date) throws -> Case {
        try perform(.take, on: caseID, by: staff, expectedVersion: expectedVersion, at: now, rules: .none).item
    }

    /// Gives a case back to the queue. Only its assignee, a supervisor or an admin may.
    @discardableResult
    public func release(caseID: Int64, by staff: StaffMember, expectedVersion: Int? = nil, at now: Date) throws -> Case
    {
        try perform(.release, on: caseID, by: staff, expectedVersion: expectedVersion, at: now, rules: .none).item
    }

    /// Urges a slow party (DOMAIN.md §1: a slow merchant can be urged); the message goes on the record.
    public func urge(caseID: Int64, party: PartyRole, message: String, by staff: StaffMember, at now: Date) throws {
        try perform(.urge(party, message: message), on: caseID, by: staff, at: now, rules: .none)
    }

    /// Adds a note to the case record.
    public func addNote(caseID: Int64, text: String, by staff: StaffMember, at now: Date) throws {
        try perform(.note(text), on: caseID, by: staff, at: now, rules: .none)
    }

    /// Sets a case's priority level (1 most urgent … 4).
    @discardableResult
    public func setPriority(caseID: Int64, level: Int, by staff: StaffMember, at now: Date) throws -> Case {
        try perform(.setPriority(level), on: caseID, by: staff, at: now, rules: .none).item
    }

    /// Raises or lowers a flag on a case.
    @discardableResult
    public func setFlag(_ flag: CaseFlag, on: Bool, caseID: Int64, by staff: StaffMember, at now: Date) throws -> Case {
        try perform(.setFlag(flag, on: on), on: caseID, by: staff, at: now, rules: .none).item
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
}

extension RulePackCatalog {
    /// No packs: for intents that no rule pack governs (taking a case, a note).
    static let none = RulePackCatalog([])
}
