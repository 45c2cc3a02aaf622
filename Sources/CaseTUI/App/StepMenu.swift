import CaseModel

/// The lifecycle steps the person at the console may take on the open case now.
public struct StepMenu: Hashable, Sendable {
    /// The case.
    public var caseID: Int64
    /// The version the menu was built from; a step on a changed case is a conflict.
    public var version: Int
    /// The case's stage.
    public var stage: Stage
    /// The steps, in lifecycle-table order.
    public var events: [LifecycleEvent]
    /// The highlighted step.
    public var selected = 0

    /// The staff steps open to a case for an actor kind. Requesting evidence needs a form
    /// (who, what) and is left to `casedesk case request-evidence` for now.
    public static func events(for item: Case, kind: ActorKind) -> [LifecycleEvent] {
        Lifecycle.events(from: item.stage).filter { event in
            // Evidence requests and rulings have their own forms (W, J).
            event != .requestEvidence && !Lifecycle.rulingSteps.contains(event)
                && Lifecycle.transition(for: event).actors.contains(kind)
                && (event != .resume || item.suspendedFrom != nil)
        }
    }

    /// Whether a step cannot be undone: it ends the case.
    public static func isIrreversible(_ event: LifecycleEvent, from stage: Stage) -> Bool {
        guard let target = Lifecycle.transition(for: event).to else { return false }
        return target.isTerminal || event == .rule || event == .appealUpheldForExecution
    }
}

/// A question before an irreversible step; Cancel is the default answer.
public struct Confirmation: Hashable, Sendable {
    /// The case.
    public var caseID: Int64
    /// The version the question was asked about.
    public var version: Int
    /// The step.
    public var event: LifecycleEvent
    /// Whether the confirm button (not Cancel) is highlighted.
    public var confirmSelected = false
}
