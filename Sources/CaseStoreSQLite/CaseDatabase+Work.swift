import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
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
