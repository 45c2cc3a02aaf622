import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

/// The trainees' scores, kept in their own small database beside the case database, so that
/// sandboxes can come and go while the trainer's list stays.
public final class ScoreBook: ScoreKeeping {
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
            // Trainees' names and scores: only their owner reads the file, whatever the umask.
            if !FileManager.default.fileExists(atPath: path) { try FileModes.create(path: path, group: nil) }
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

    /// SQLite's own failures in words.
    public func explain(_ error: any Error) -> StoreError? { StoreError.translating(error, path: path) }
}
