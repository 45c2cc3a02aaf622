import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

extension CaseDatabase {
    /// The case changed since the caller read it: a conflict naming who changed it last.
    static func conflict(_ db: Database, _ current: Case, expected: Int) throws -> StoreError {
        let lastActor = try String.fetchOne(
            db, sql: "SELECT actor FROM audit WHERE case_id = ? ORDER BY id DESC LIMIT 1", arguments: [current.id])
        return StoreError.conflict(
            caseID: current.id, expectedVersion: expected, actualVersion: current.version, changedBy: lastActor)
    }
}
