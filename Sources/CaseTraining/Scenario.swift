import CaseInterchange
import CaseModel
import CaseStore
import Foundation

/// A training scenario in one language: a case as it stands at the start, what the parties do
/// and when, the steps the trainee is walked through, and the reference answer.
public struct Scenario: Sendable {
    /// The scenario's id ("merchant-silence").
    public var id: String
    /// Its title.
    public var title: String
    /// What it teaches, for the list and the handout.
    public var summary: String
    /// The role the trainee plays (mediator, or supervisor for an appeal).
    public var role: StaffRole
    /// The other staff the scenario's history names.
    public var staff: [StaffMember]
    /// The case as it stands when the scenario starts, with its times relative to the start.
    let document: CaseDocument
    /// What the buyer and merchant do, by hours after the start.
    public var events: [ScenarioEvent]
    /// The walkthrough.
    public var steps: [ScenarioStep]
    /// The answer the trainee is scored against.
    public var reference: TrainingReference
    /// Why the reference answer is right, for the score sheet and the handout.
    public var explanation: String
    /// The language it was loaded in.
    public var language: Language

    /// The case's title, for lists and handouts.
    public var caseTitle: String { document.title }
    /// The case's narrative.
    public var caseNarrative: String { document.narrative }

    /// The simulated moment every scenario starts at: Monday 2 November 2026, 09:00 in Shanghai.
    public static let start = Date(timeIntervalSince1970: 1_793_581_200)
}

/// Something a party does during a scenario, at a set time after its start.
public struct ScenarioEvent: Sendable {
    /// Hours after the start.
    public var atHours: Double
    /// Who acts.
    public var party: PartyRole
    /// What they do.
    public var action: PartyAction
    /// Their words.
    public var note: String?
    /// For ship_return.
    public var tracking: String?
    /// For submit_evidence (and optional for appeal).
    public var evidence: (kind: EvidenceKind, description: String, content: String)?

    /// The moment it happens.
    public var at: Date { Scenario.start.addingTimeInterval(atHours * 3600) }
}

/// One step of the walkthrough: what the trainee is told, and what the reference solution does.
public struct ScenarioStep: Sendable {
    /// The note shown to the trainee.
    public var note: String
    /// What a trainee who gets it right does at this step (the headless player does exactly this).
    public var actions: [ScenarioAction]
}

/// One action of a scenario's reference solution.
public enum ScenarioAction: Sendable {
    /// Take the case.
    case take
    /// Let simulated time pass; party events and deadlines in that time arrive.
    case wait(hours: Double)
    /// Take a lifecycle step.
    case step(LifecycleEvent)
    /// Ask a party for evidence.
    case request(party: PartyRole, what: String)
    /// Record a point in dispute.
    case issue(kind: IssueKind, description: String, buyerConfirmedReceipt: Bool)
    /// Submit the reference ruling.
    case rule(reasons: String, findingNote: String)
    /// Decide the open appeal with the reference terms.
    case decideAppeal(AppealOutcome, reasons: String)
    /// Record an independent observer's sign-off.
    case observe(observer: String, statement: String)
    /// Record every open obligation as met.
    case fulfil(note: String)

    /// The action as a scenario file writes it ("take", "wait 25h", "step decide_on_record").
    public var label: String {
        switch self {
        case .take: "take"
        case .wait(let hours): "wait \(hours)h"
        case .step(let event): "step \(event.rawValue)"
        case .request(let party, _): "request from the \(party.rawValue)"
        case .issue(let kind, _, _): "issue \(kind.rawValue)"
        case .rule: "rule"
        case .decideAppeal(let outcome, _): "decide_appeal \(outcome.rawValue)"
        case .observe: "observe"
        case .fulfil: "fulfil"
        }
    }
}

/// A scenario file that cannot be used, named with the problem.
public struct ScenarioError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, naming the file or scenario.
    public let description: String

    /// Creates the error.
    public init(description: String) { self.description = description }
}
