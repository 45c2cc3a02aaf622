import CaseInterchange
import CaseModel
import CaseStore
import Foundation

extension CaseDatabase: CaseStore {
    /// SQLite's own failures (a lock held past the timeout, a full disk, a read-only file) in words.
    public func explain(_ error: any Error) -> StoreError? {
        StoreError.translating(error, path: path)
    }

    /// Files a case document with its history, in one transaction.
    public func file(_ document: CaseDocument, now: Date, actor: String, rules: RulePackCatalog?) throws -> Int64 {
        try writer.write { db in try Self.file(document, now: now, actor: actor, rules: rules, db) }
    }
}
