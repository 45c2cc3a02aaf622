import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    /// Decides `intent` on a case and commits its events in one transaction: the acting person's
    /// role re-read, the version the caller read checked, the events applied to the tables and
    /// appended to the audit chain, or nothing at all.
    ///
    /// - Parameter contents: the content of evidence the intent adds, which events do not carry.
    @discardableResult
    public func perform(
        _ intent: CaseIntent, on caseID: Int64, as actor: CaseActor, expectedVersion: Int?, at now: Date,
        rules: RulePackCatalog, contents: [Data]
    ) throws -> Commit {
        try writer.write { db in
            try Self.perform(
                db, intent, on: caseID, by: actor, expectedVersion: expectedVersion, at: now, rules: rules,
                contents: contents)
        }
    }

    /// `perform` inside the caller's transaction (an import's, the sweeper's).
    @discardableResult
    static func perform(
        _ db: Database, _ intent: CaseIntent, on caseID: Int64, by actor: CaseActor, expectedVersion: Int?,
        at now: Date, rules: RulePackCatalog, contents: [Data] = []
    ) throws -> Commit {
        var resolved = actor
        if case .staff(let caller) = actor {
            // The role as the database holds it in this transaction, never the caller's copy.
            guard let member = try staffMember(db, caller.name) else {
                throw CaseError.permission(.unknownStaff(caller.name))
            }
            resolved = .staff(member)
        }
        guard let item = try fetchCase(db, id: caseID) else { throw StoreError.caseNotFound(caseID) }
        let file = try loadFile(db, item, reading: intent.reads)
        let decision = CaseDecider.decide(intent, on: file, by: resolved, at: now, rules: rules)
        if case .failure(let error) = decision, error.isAboutTheAsker { throw error }
        if let expectedVersion, item.version != expectedVersion {
            throw try conflict(db, item, expected: expectedVersion)
        }
        let events = try decision.get()
        var byHash: [String: Data] = [:]
        for content in contents { byHash[Hashing.sha256Hex(content)] = content }
        return try commit(db, events, to: file, by: intent.recordedActor(resolved), at: now, contents: byHash)
    }

    /// Applies events to the tables and the audit chain; the case row is written once, with one
    /// version step, when the events changed it.
    static func commit(
        _ db: Database, _ events: [CaseEvent], to file: CaseFile, by actor: String, at now: Date,
        contents: [String: Data]
    ) throws -> Commit {
        var current = file
        var recorded: [CaseEvent] = []
        for event in events {
            recorded.append(try record(event, on: &current, db, by: actor, at: now, contents: contents))
        }
        // A step always counts as a change, even one that leaves the row as it was (a second
        // evidence window inside the first), so other consoles see the case moved.
        if current.item != file.item || recorded.contains(where: { $0.move != nil }) {
            current.item.updatedAt = now.wholeSeconds
            try writeCase(db, current.item, replacing: file.item)
            current.item.version += 1
        }
        return Commit(file: current, events: recorded)
    }

    /// Records one event: sealed, projected into the tables beside the case row, folded into the
    /// file, and appended to the audit chain. Returns the event as recorded.
    @discardableResult
    static func record(
        _ event: CaseEvent, on file: inout CaseFile, _ db: Database, by actor: String, at now: Date,
        contents: [String: Data]
    ) throws -> CaseEvent {
        let sealed = try seal(event)
        try project(sealed, on: file, db, by: actor, at: now, contents: contents)
        file.apply(sealed, at: now, by: actor)
        try appendEvent(db, sealed, at: now, actor: actor, caseID: file.item.id)
        return sealed
    }

    /// The event with what only the store computes filled in: a ruling's SHA-256 over the terms it stores.
    static func seal(_ event: CaseEvent) throws -> CaseEvent {
        guard case .ruled(var entry) = event else { return event }
        entry.sha256 = Hashing.sha256Hex(Data(try termsJSON(entry.terms).utf8))
        return .ruled(entry)
    }

    /// The case row as the events left it, guarded by the version read in this transaction.
    ///
    /// Only the columns that changed are set: SQLite rewrites the entries of every index on a
    /// column named in SET, and a take that named the stage, deadline and priority would rewrite
    /// four indexes of a million rows for nothing.
    static func writeCase(_ db: Database, _ item: Case, replacing old: Case) throws {
        var columns: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        func set(_ column: String, _ value: (any DatabaseValueConvertible)?, if changed: Bool) {
            guard changed else { return }
            columns.append("\(column) = ?")
            arguments.append(value)
        }
        set("stage", item.stage.rawValue, if: item.stage != old.stage)
        set("stage_deadline", item.stageDeadline.map(Timestamp.seconds), if: item.stageDeadline != old.stageDeadline)
        set("suspended_from", item.suspendedFrom?.rawValue, if: item.suspendedFrom != old.suspendedFrom)
        set("paused_remaining", item.pausedRemaining, if: item.pausedRemaining != old.pausedRemaining)
        set("assignee", item.assignee, if: item.assignee != old.assignee)
        set("priority", item.priority, if: item.priority != old.priority)
        set("flags", flagsText(item.flags), if: item.flags != old.flags)
        set("updated_at", Timestamp.seconds(item.updatedAt), if: true)
        set("version", old.version + 1, if: true)
        arguments += [old.id, old.version]
        try db.cachedStatement(sql: "UPDATE cases SET \(columns.joined(separator: ", ")) WHERE id = ? AND version = ?")
            .execute(arguments: StatementArguments(arguments))
        guard db.changesCount == 1 else {
            throw StoreError.conflict(
                caseID: old.id, expectedVersion: old.version, actualVersion: old.version + 1, changedBy: nil)
        }
    }
}
