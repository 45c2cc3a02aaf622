import CaseModel
import CaseStore
import Foundation

extension TrainingSandbox {
    /// The record of a score, to keep in the score book.
    public func record(_ score: TrainingScore, at wallClock: Date) -> ScoreRecord {
        ScoreRecord(
            trainee: trainee.name, scenario: scenario.id, language: scenario.language, percent: score.percent,
            differences: score.differences.map { "[\($0.area.rawValue)] " + $0.explanation.text(scenario.language) },
            finishedAt: wallClock)
    }
}
