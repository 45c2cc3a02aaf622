import CaseInterchange
import CaseModel
import CaseStore
import Foundation

extension CaseDatabase: CaseStore {
    /// SQLite's own failures (a lock held past the timeout, a full disk, a read-only file) in words.
    public func explain(_ error: any Error) -> StoreError? {
        StoreError.translating(error, path: path)
    }

    /// Files a case as a file describes it, with its history, in one transaction.
    public func fileExample(_ example: Examples.ExampleCase, now: Date, actor: String) throws -> Int64 {
        try writer.write { db in try Self.insertExample(example, now: now, actor: actor, db) }
    }
}
