import CaseModel
import Foundation
import GRDB

/// The hand-written example cases shipped with CaseDesk, loaded into a new database.
///
/// Times in the file are offsets from the moment of loading, so the examples always
/// show live countdowns, and a pinned `now` gives a reproducible database.
public enum Examples {
    struct File: Decodable {
        var staff: [StaffMember]
        var cases: [ExampleCase]
    }

    struct ExampleCase: Decodable {
        var title: String
        var narrative: String
        var category: CaseModel.Category
        var requestType: RequestType
        var buyer: Party
        var merchant: Party
        var orderId: String
        var orderFen: Int64
        var claimFen: Int64
        var stage: Stage
        var suspendedFrom: Stage?
        var filedHoursAgo: Double
        var deadlineInHours: Double?
        var assignee: String?
        var evidence: [ExampleEvidence]
    }

    struct ExampleEvidence: Decodable {
        var kind: EvidenceKind
        var source: EvidenceSource
        var description: String
        var content: String
        var hoursAgo: Double
    }

    /// The example file's staff and cases.
    static func load() throws -> File {
        guard let url = Bundle.module.url(forResource: "examples", withExtension: "json") else {
            throw StoreError.examplesUnreadable(reason: "examples.json is missing from the CaseStore bundle")
        }
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            return try decoder.decode(File.self, from: Data(contentsOf: url))
        } catch {
            throw StoreError.examplesUnreadable(reason: "\(error)")
        }
    }
}

extension CaseDatabase {
    /// Loads the example cases if the database holds no case yet; returns how many were loaded.
    ///
    /// One transaction: either every example, its staff and its audit records arrive, or none do.
    @discardableResult
    public func loadExamplesIfEmpty(now: Date, actor: String = "system") throws -> Int {
        let file = try Examples.load()
        let examples = file.cases
        return try writer.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") == 0 else { return 0 }
            // The example cases' mediators and a supervisor and trainer, to try roles with --as.
            for member in file.staff where try Self.staffMember(db, member.name) == nil {
                try Self.insertStaff(db, member, by: actor, at: now)
            }
            func ago(_ hours: Double) -> Date { now.addingTimeInterval(-hours * 3600) }
            for example in examples {
                let filed = ago(example.filedHoursAgo)
                let stored = try Self.insertCase(
                    db,
                    Case(
                        id: 0, title: example.title, narrative: example.narrative, category: example.category,
                        requestType: example.requestType, buyer: example.buyer, merchant: example.merchant,
                        orderID: example.orderId, orderAmount: Money(fen: example.orderFen),
                        claimAmount: Money(fen: example.claimFen), stage: example.stage,
                        stageDeadline: example.deadlineInHours.map { now.addingTimeInterval($0 * 3600) },
                        suspendedFrom: example.suspendedFrom, assignee: example.assignee, createdAt: filed,
                        updatedAt: filed),
                    actor: actor)
                for item in example.evidence {
                    try Self.addEvidence(
                        db, caseID: stored.id, kind: item.kind, source: item.source, description: item.description,
                        content: Data(item.content.utf8), at: ago(item.hoursAgo), actor: actor)
                }
            }
            return examples.count
        }
    }
}
