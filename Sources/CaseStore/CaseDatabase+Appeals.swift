import CaseModel
import Foundation
import GRDB

extension CaseDatabase {
    /// Decides the open appeal on a case. Uphold closes the case; modify and overturn put new terms
    /// in force (execution when someone owes something, closed otherwise).
    @discardableResult
    public func decideAppeal(
        caseID: Int64, outcome: AppealOutcome, terms: RulingDraft?, reasons: String, by staff: StaffMember,
        at now: Date, rules: RulePackCatalog
    ) throws -> Appeal {
        let commit = try perform(
            .decideAppeal(outcome, terms: terms, reasons: reasons), on: caseID, by: staff, at: now, rules: rules)
        guard let appeal = commit.file.decisions.appeals.last(where: { $0.outcome != nil }) else {
            throw StoreError.caseNotFound(caseID)
        }
        return appeal
    }
}
