import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation
import RulePacks

/// The rule packs shipped with CaseDesk; a broken pack stops the command with its file, line and key.
func loadRules() throws -> RulePackCatalog {
    do {
        return try RulePackCatalog.shipped()
    } catch {
        throw CLIError("rule pack error: \(error)")
    }
}

/// The database the command opened, for messages about SQLite's own errors.
nonisolated(unsafe) var currentDatabasePath = "the database"

/// Runs a store call, turning store errors into one-line messages for the user.
func storeCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as any ExplainedError {
        throw CLIError(error.message.en)
    } catch {
        if let known = StoreError.translating(error, path: currentDatabasePath) { throw CLIError(known.message.en) }
        throw error
    }
}

/// Prints a value as pretty, key-sorted JSON.
func printJSON<T: Encodable>(_ value: T) throws {
    print(try JSONOutput.text(value))
}
