import Foundation

/// Who takes a lifecycle step.
public enum ActorKind: String, CaseIterable, Codable, Sendable {
    case mediator, supervisor, buyer, merchant, sweeper, system
}

/// A named step of the dispute lifecycle (docs/domain.md §3).
public enum LifecycleEvent: String, CaseIterable, Codable, Sendable {
    case route
    case merchantAgrees = "merchant_agrees"
    case merchantRejects = "merchant_rejects"
    case merchantSilent = "merchant_silent"
    case platformIntervenes = "platform_intervenes"
    case settle
    case escalate
    case buyerSilent = "buyer_silent"
    case requestEvidence = "request_evidence"
    case evidenceClosed = "evidence_closed"
    case sendToJury = "send_to_jury"
    case juryVerdict = "jury_verdict"
    case decideOnRecord = "decide_on_record"
    case rule
    case executed
    case appealFiled = "appeal_filed"
    case appealLapsed = "appeal_lapsed"
    case appealUpheldForExecution = "appeal_execute"
    case appealClosed = "appeal_close"
    case suspend
    case resume
    case refer
    case withdraw
}

/// One allowed step: the stages it leaves, the stage it reaches and who may take it.
public struct Transition: Hashable, Sendable {
    /// The step's name.
    public let event: LifecycleEvent
    /// The stages the step may start from.
    public let from: Set<Stage>
    /// The stage the step reaches; nil when it returns to the stage before a suspension.
    public let to: Stage?
    /// Who may take the step.
    public let actors: Set<ActorKind>
}

/// Why a lifecycle step was refused.
public enum LifecycleError: Error, Equatable, Sendable {
    /// The step is not allowed from the case's current stage.
    case notAllowed(event: LifecycleEvent, stage: Stage)
    /// The step is allowed here, but not for this actor.
    case actorNotAllowed(event: LifecycleEvent, actor: ActorKind)
    /// A resume was asked of a case that is not suspended or has no stage to return to.
    case nothingToResume(stage: Stage)
    /// A party acted after the stage's deadline, when the default outcome applies instead.
    case deadlinePassed(event: LifecycleEvent, stage: Stage, deadline: Date)

    /// A message a mediator can act on, in both languages.
    public var message: LocalizedText {
        switch self {
        case .notAllowed(let event, let stage):
            LocalizedText(
                en: "'\(event.rawValue)' is not possible while the case is in stage \(stage.rawValue)",
                zh: "案件处于「\(stage.label.zh)」阶段，不能执行「\(event.rawValue)」")
        case .actorNotAllowed(let event, let actor):
            LocalizedText(
                en: "a \(actor.rawValue) may not take the step '\(event.rawValue)'",
                zh: "\(actor.rawValue) 无权执行「\(event.rawValue)」")
        case .deadlinePassed(let event, let stage, let deadline):
            LocalizedText(
                en: "too late for '\(event.rawValue)': the \(stage.rawValue) deadline passed at "
                    + "\(Self.utc(deadline)); the stage's default outcome applies",
                zh: "「\(event.rawValue)」已超过期限：\(stage.label.zh)阶段的期限为 \(Self.utc(deadline))，按超时规则处理")
        case .nothingToResume(let stage):
            LocalizedText(
                en: "the case is in stage \(stage.rawValue), not suspended: nothing to resume",
                zh: "案件处于「\(stage.label.zh)」阶段，并未中止，无需恢复")
        }
    }
}

extension LifecycleError {
    static func utc(_ date: Date) -> String { ISO8601Time.string(date) }
}

/// The lifecycle state machine: a table of transitions, validated before any write.
public enum Lifecycle {
    static let openStages = Set(Stage.allCases.filter { $0.isOpen && $0 != .suspended })
    static let staff: Set<ActorKind> = [.mediator, .supervisor]

    /// Every allowed step, in the order docs/domain.md §3 draws them.
    public static let transitions: [Transition] = [
        Transition(event: .route, from: [.filed], to: .merchantResponse, actors: [.system, .mediator, .sweeper]),
        Transition(event: .merchantAgrees, from: [.merchantResponse], to: .execution, actors: [.merchant]),
        Transition(event: .merchantSilent, from: [.merchantResponse], to: .execution, actors: [.sweeper]),
        Transition(
            event: .platformIntervenes, from: [.merchantResponse], to: .intervention, actors: [.sweeper, .mediator]),
        Transition(event: .merchantRejects, from: [.merchantResponse], to: .negotiation, actors: [.merchant]),
        Transition(event: .settle, from: [.negotiation], to: .execution, actors: [.buyer, .merchant, .mediator]),
        Transition(event: .escalate, from: [.negotiation], to: .intervention, actors: [.buyer]),
        Transition(event: .buyerSilent, from: [.negotiation], to: .closed, actors: [.sweeper]),
        Transition(event: .requestEvidence, from: [.intervention], to: .evidence, actors: staff),
        Transition(event: .decideOnRecord, from: [.intervention], to: .decision, actors: staff.union([.sweeper])),
        Transition(event: .evidenceClosed, from: [.evidence], to: .decision, actors: staff.union([.sweeper])),
        Transition(event: .sendToJury, from: [.evidence], to: .juryReview, actors: staff),
        Transition(event: .juryVerdict, from: [.juryReview], to: .decision, actors: staff.union([.system])),
        Transition(event: .rule, from: [.decision], to: .execution, actors: staff),
        Transition(event: .executed, from: [.execution], to: .appealWindow, actors: staff.union([.system, .sweeper])),
        Transition(event: .appealLapsed, from: [.appealWindow], to: .closed, actors: [.sweeper, .system]),
        Transition(event: .appealFiled, from: [.appealWindow], to: .appealReview, actors: [.buyer, .merchant]),
        Transition(event: .appealUpheldForExecution, from: [.appealReview], to: .execution, actors: [.supervisor]),
        Transition(event: .appealClosed, from: [.appealReview], to: .closed, actors: [.supervisor]),
        Transition(event: .suspend, from: openStages, to: .suspended, actors: staff),
        Transition(event: .resume, from: [.suspended], to: nil, actors: staff.union([.sweeper])),
        Transition(event: .refer, from: openStages.union([.suspended]), to: .referred, actors: staff),
        Transition(
            event: .withdraw, from: openStages.union([.suspended]), to: .withdrawn, actors: [.buyer, .mediator]),
    ]

    /// Steps taken only through the ruling workflow (the ruling form and `casedesk case rule`,
    /// the appeal decision), because each records what it needs: terms, reasons, who decided.
    public static let rulingSteps: Set<LifecycleEvent> = [.rule, .appealUpheldForExecution, .appealClosed]

    /// The transition for an event.
    public static func transition(for event: LifecycleEvent) -> Transition {
        // Every event has exactly one row; the table test keeps it that way.
        transitions.first { $0.event == event }!
    }

    /// The events that may be taken from a stage, in table order.
    public static func events(from stage: Stage) -> [LifecycleEvent] {
        transitions.filter { $0.from.contains(stage) }.map(\.event)
    }

    /// The stage a case reaches by taking `event`, or why it may not.
    ///
    /// - Parameter suspendedFrom: the stage a suspended case returns to on resume.
    public static func apply(
        _ event: LifecycleEvent, to stage: Stage, by actor: ActorKind, suspendedFrom: Stage? = nil
    ) -> Result<Stage, LifecycleError> {
        let transition = transition(for: event)
        guard transition.from.contains(stage) else {
            if event == .resume { return .failure(.nothingToResume(stage: stage)) }
            return .failure(.notAllowed(event: event, stage: stage))
        }
        guard transition.actors.contains(actor) else {
            return .failure(.actorNotAllowed(event: event, actor: actor))
        }
        if let target = transition.to { return .success(target) }
        guard let previous = suspendedFrom, previous.isOpen, previous != .suspended else {
            return .failure(.nothingToResume(stage: stage))
        }
        return .success(previous)
    }
}
