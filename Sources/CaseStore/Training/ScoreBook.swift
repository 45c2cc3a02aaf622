import CaseModel
import Foundation
import GRDB

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

/// The trainees' scores, kept in their own small database beside the case database, so that
/// sandboxes can come and go while the trainer's list stays.
public final class ScoreBook: Sendable {
    let queue: DatabaseQueue
    /// The file.
    public let path: String

    /// Opens (creating if needed) the score book at `path`.
    public init(path: String) throws {
        self.path = path
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            queue = try DatabaseQueue(path: path, configuration: configuration)
            var migrator = DatabaseMigrator()
            migrator.registerMigration("v1") { db in
                try db.execute(
                    sql: """
                        CREATE TABLE scores (
                            id INTEGER PRIMARY KEY,
                            trainee TEXT NOT NULL,
                            scenario TEXT NOT NULL,
                            language TEXT NOT NULL,
                            percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
                            differences TEXT NOT NULL,
                            finished_at INTEGER NOT NULL
                        );
                        CREATE INDEX scores_by_trainee ON scores (trainee, finished_at);
                        """)
            }
            try migrator.migrate(queue)
        } catch {
            throw StoreError.translating(error, path: path) ?? error
        }
    }

    /// Keeps a finished scenario's score.
    public func record(_ record: ScoreRecord) throws {
        let differences = String(decoding: try JSONEncoder().encode(record.differences), as: UTF8.self)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO scores (trainee, scenario, language, percent, differences, finished_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    record.trainee, record.scenario, record.language.rawValue, record.percent, differences,
                    Int64(record.finishedAt.timeIntervalSince1970),
                ])
        }
    }

    /// Every score, or one trainee's, oldest first.
    public func records(trainee: String? = nil) throws -> [ScoreRecord] {
        try queue.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT trainee, scenario, language, percent, differences, finished_at FROM scores
                    WHERE ?1 IS NULL OR trainee = ?1 ORDER BY finished_at, id
                    """, arguments: [trainee])
            return rows.map { row in
                let text: String = row["differences"]
                return ScoreRecord(
                    trainee: row["trainee"], scenario: row["scenario"],
                    language: Language(rawValue: row["language"]) ?? .en, percent: row["percent"],
                    differences: (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? [],
                    finishedAt: Date(timeIntervalSince1970: TimeInterval(row["finished_at"] as Int64)))
            }
        }
    }
}

extension TrainingSandbox {
    /// The record of a score, to keep in the score book.
    public func record(_ score: TrainingScore, at wallClock: Date = Date()) -> ScoreRecord {
        ScoreRecord(
            trainee: trainee.name, scenario: scenario.id, language: scenario.language, percent: score.percent,
            differences: score.differences.map { "[\($0.area.rawValue)] " + $0.explanation.text(scenario.language) },
            finishedAt: wallClock)
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
