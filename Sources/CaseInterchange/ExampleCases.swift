import CaseModel
import Foundation

/// The hand-written example cases shipped with CaseDesk, loaded into a new database.
///
/// Times in the file are offsets from the moment of loading, so the examples always
/// show live countdowns, and a pinned `now` gives a reproducible database.
public enum Examples {
    package struct File: Decodable, Sendable {
        package var staff: [StaffMember]
        package var cases: [ExampleCase]
    }

    public struct ExampleCase: Decodable, Sendable {
        package var title: String
        package var narrative: String
        package var category: CaseModel.Category
        package var requestType: RequestType
        package var buyer: Party
        package var merchant: Party
        package var orderId: String
        package var orderFen: Int64
        package var claimFen: Int64
        package var stage: Stage
        package var suspendedFrom: Stage?
        package var filedHoursAgo: Double
        package var deadlineInHours: Double?
        package var assignee: String?
        package var evidence: [ExampleEvidence]
        package var flags: [CaseFlag]?
        package var issues: [ExampleIssue]?
        package var signoff: ExampleSignoff?
        package var ruling: ExampleRuling?
        package var appeal: ExampleAppeal?
    }

    package struct ExampleIssue: Decodable, Sendable {
        package var kind: IssueKind
        package var description: String
        package var buyerConfirmedReceipt: Bool?
        package var finding: Finding?
        package var findingNote: String?
        package var hoursAgo: Double
    }

    package struct ExampleSignoff: Decodable, Sendable {
        package var observer: String
        package var statement: String
        package var hoursAgo: Double
    }

    /// A decided example: the ruling as written, with its obligations spelled out.
    package struct ExampleRuling: Decodable, Sendable {
        package var mediator: String
        package var hoursAgo: Double
        package var remedies: [ExampleRemedy]
        package var favours: Favours
        package var reasons: String
        package var citations: [String]
        package var status: RulingStatus
        package var reviewReason: String?
        package var reviewer: String?
        package var reviewedHoursAgo: Double?
        package var obligations: [ExampleObligation]
    }

    package struct ExampleRemedy: Decodable, Sendable {
        package var remedy: String
        package var amountFen: Int64?
        package var formula: String?
    }

    package struct ExampleObligation: Decodable, Sendable {
        package var obligor: PartyRole
        package var task: String
        package var amountFen: Int64?
        package var dueInHours: Double
        package var status: ObligationStatus
        package var note: String?
    }

    package struct ExampleAppeal: Decodable, Sendable {
        package var party: PartyRole
        package var grounds: String
        package var hoursAgo: Double
    }

    package struct ExampleEvidence: Decodable, Sendable {
        package var kind: EvidenceKind
        package var source: EvidenceSource
        package var description: String
        package var content: String
        package var hoursAgo: Double
    }

    /// The example file's staff and cases.
    package static func load() throws -> File {
        guard let url = Bundle.module.url(forResource: "examples", withExtension: "json") else {
            throw ExampleFileError(reason: "examples.json is missing from the CaseInterchange bundle")
        }
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(File.self, from: Data(contentsOf: url))
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
