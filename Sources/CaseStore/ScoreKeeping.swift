import CaseModel
import Foundation

/// One finished scenario: who, which, the score and the differences named.
public struct ScoreRecord: Hashable, Codable, Sendable {
    /// The trainee's name.
    public var trainee: String
    /// The scenario's id.
    public var scenario: String
    /// The language it was played in.
    public var language: Language
    /// The score out of 100.
    public var percent: Int
    /// Each difference from the reference, in the language played.
    public var differences: [String]
    /// When it was finished (wall-clock time).
    public var finishedAt: Date

    /// Creates a record.
    public init(
        trainee: String, scenario: String, language: Language, percent: Int, differences: [String], finishedAt: Date
    ) {
        self.trainee = trainee
        self.scenario = scenario
        self.language = language
        self.percent = percent
        self.differences = differences
        self.finishedAt = finishedAt
    }
}

/// The trainer's overview: per trainee and scenario, how many attempts, the best and the latest score.
public enum ScoreSummary {
    /// "xiao.li  withdrawal  attempts 3  best 100  latest 80", trainees and scenarios in order.
    public static func lines(_ records: [ScoreRecord]) -> [String] {
        var groups: [String: [ScoreRecord]] = [:]
        for record in records { groups["\(record.trainee)\u{0}\(record.scenario)", default: []].append(record) }
        return groups.keys.sorted().compactMap { key in
            guard let attempts = groups[key], let latest = attempts.last else { return nil }
            let best = attempts.map(\.percent).max() ?? 0
            return
                "\(latest.trainee)  \(latest.scenario)  attempts \(attempts.count)  best \(best)  latest \(latest.percent)"
        }
    }
}

/// Where trainees' scores are kept: a small database of its own beside the case database.
public protocol ScoreKeeping: Sendable {
    /// Where the book lives, for messages.
    var path: String { get }
    /// Keeps one finished attempt.
    func record(_ record: ScoreRecord) throws
    /// Every attempt, oldest first; only one trainee's when named.
    func records(trainee: String?) throws -> [ScoreRecord]
    /// The book's own failure (a lock, a full disk) in words a person can act on, if it is one.
    func explain(_ error: any Error) -> StoreError?
}
