import CaseModel
import Foundation

/// The hand-written example cases shipped with CaseDesk, loaded into a new database.
///
/// They are case documents like any import: times written relative to the moment of loading
/// (`now-70h`), so the examples always show live countdowns, and a pinned `now` gives a
/// reproducible database.
public enum Examples {
    package struct File: Decodable, Sendable {
        package var staff: [StaffMember]
        package var cases: [CaseDocument]
    }

    /// The example file's staff and cases.
    package static func load() throws -> File {
        guard let url = Bundle.module.url(forResource: "examples", withExtension: "json") else {
            throw ExampleFileError(reason: "examples.json is missing from the CaseInterchange bundle")
        }
        do {
            return try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        } catch {
            throw ExampleFileError(reason: "\(error)")
        }
    }
}

/// The example file could not be read (a broken build, a hand-edited file).
package struct ExampleFileError: Error {
    /// What went wrong.
    package var reason: String
}
