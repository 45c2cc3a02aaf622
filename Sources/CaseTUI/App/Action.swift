import CaseModel
import CaseStore
import Foundation

/// Everything that can happen to the console: commands, time, size, and the results of effects.
public enum Action: Sendable {
    case command(CommandID)
    case tick(Date)
    case resize(width: Int, height: Int)
    case queueLoaded(QueueRequest, [QueueRow], total: Int?)
    case queueRefreshed(before: [QueueRow], from: [QueueRow], offset: Int, total: Int, followed: Bool = false)
    case changeToken(Int64)
    case sweepDue(Date)
    case swept(applied: Int, problems: [String])
    case caseChanged(Case, message: String, undoable: Undoable? = nil)
    /// A character typed into the open prompt.
    case input(Character)
    /// A form's command was refused: the form stays open with the reason.
    case formRefused(String)
    /// Results of a full-text search, newest first.
    case searchLoaded([QueueRow])
    case caseLoaded(
        Case?, [Evidence], issues: [DisputeIssue] = [], requests: [EvidenceRequest] = [], timeline: [AuditEntry] = [],
        decisions: CaseDecisions = CaseDecisions(), olderRecords: Bool = false)
    /// A page of older audit records for the open case's timeline (oldest first), and whether more remain.
    case olderTimelineLoaded(caseID: Int64, [AuditEntry], olderRecords: Bool)
    /// A document to show over the panes.
    case documentLoaded(Document)
    /// A digit typed before a motion.
    case countDigit(Int)
    /// Simulated time moved on in training: what happened, and the new time.
    case trainingAdvanced([String], now: Date)
    /// Training: how many walkthrough steps the trainee has done.
    case trainingProgress(done: Int)
    case failed(String)
    /// A slow read is running (nil: it ended): the status bar says so.
    case busy(LocalizedText?)
    /// A write was handed to the store (the status bar shows it until it finishes).
    case effectStarted(Effect)
    /// A write's result has been applied.
    case effectFinished(Effect)
}

/// Work the update asks for; the effect runner does it and answers with actions.
public enum Effect: Hashable, Sendable {
    case loadQueue(QueueRequest, QueueQuery)
    case search(String)
    case submitForm(Form)
    case loadCase(Int64)
    /// The page of the case's timeline before record `before`.
    case loadOlderTimeline(caseID: Int64, before: Int64)
    case checkForChanges
    case sweep(Date)
    case step(caseID: Int64, event: LifecycleEvent, version: Int?)
    case take(caseID: Int64, version: Int?)
    case release(caseID: Int64, version: Int?)
    case loadNotice(Int64)
    case loadDashboard(Date)
    /// Training: move simulated time to the next event or deadline.
    case advanceTraining
    /// Training: score the trainee against the reference and keep the score.
    case finishTraining
    /// Training: find how far through the walkthrough the trainee is.
    case checkTrainingProgress
    /// Open one evidence item of the open case, content and all.
    case loadEvidence(Evidence)
    /// Rebuild a case's history from its audit trail.
    case loadReplay(Int64)

    /// Whether the effect changes the store (it then always runs, once, in order, and the status bar
    /// shows it running); every other effect only reads.
    public var isWrite: Bool {
        switch self {
        case .submitForm, .step, .take, .release, .sweep, .advanceTraining, .finishTraining: true
        default: false
        }
    }
}

/// A document shown over the panes.
public enum Document: Sendable {
    /// The ruling notice of a case, as the parties receive it.
    case notice(caseID: Int64, text: String)
    /// The supervisors' dashboard.
    case dashboard(Dashboard)
    /// Training: the scenario's brief and every step note so far.
    case brief(String)
    /// Training: the score sheet.
    case score(String)
    /// One evidence item in full, with its content.
    case evidence(Evidence, text: String)
    /// A case's history from its audit trail, showing the case as it stood after record `index`.
    case replay(CaseHistory, index: Int)
}
