import CaseModel
import Foundation
import Testing

@Suite("Lifecycle state machine")
struct LifecycleTests {
    @Test func everyEventHasExactlyOneTransition() {
        for event in LifecycleEvent.allCases {
            #expect(Lifecycle.transitions.filter { $0.event == event }.count == 1, "event \(event)")
        }
    }

    @Test(arguments: [
        (LifecycleEvent.route, Stage.filed, ActorKind.system, Stage.merchantResponse),
        (.merchantAgrees, .merchantResponse, .merchant, .execution),
        (.merchantSilent, .merchantResponse, .sweeper, .execution),
        (.merchantRejects, .merchantResponse, .merchant, .negotiation),
        (.settle, .negotiation, .buyer, .execution),
        (.escalate, .negotiation, .buyer, .intervention),
        (.buyerSilent, .negotiation, .sweeper, .closed),
        (.requestEvidence, .intervention, .mediator, .evidence),
        (.evidenceClosed, .evidence, .sweeper, .decision),
        (.sendToJury, .evidence, .mediator, .juryReview),
        (.juryVerdict, .juryReview, .system, .decision),
        (.rule, .decision, .mediator, .execution),
        (.executed, .execution, .mediator, .appealWindow),
        (.appealLapsed, .appealWindow, .sweeper, .closed),
        (.appealFiled, .appealWindow, .buyer, .appealReview),
        (.appealUpheldForExecution, .appealReview, .supervisor, .execution),
        (.appealClosed, .appealReview, .supervisor, .closed),
        (.suspend, .evidence, .mediator, .suspended),
        (.refer, .intervention, .supervisor, .referred),
        (.withdraw, .negotiation, .buyer, .withdrawn),
    ])
    func allowedStepReachesItsStage(event: LifecycleEvent, from: Stage, actor: ActorKind, to: Stage) {
        #expect(Lifecycle.apply(event, to: from, by: actor) == .success(to))
    }

    @Test func nothingLeavesAFinalStage() {
        for stage in Stage.allCases where stage.isTerminal {
            for event in LifecycleEvent.allCases {
                for actor in ActorKind.allCases {
                    if case .success(let next) = Lifecycle.apply(event, to: stage, by: actor, suspendedFrom: .evidence)
                    {
                        Issue.record("\(event) by \(actor) left \(stage) for \(next)")
                    }
                }
            }
        }
    }

    @Test func refusedStepNamesTheStageAndTheEvent() throws {
        let result = Lifecycle.apply(.rule, to: .negotiation, by: .mediator)
        #expect(result == .failure(.notAllowed(event: .rule, stage: .negotiation)))
        guard case .failure(let error) = result else { return }
        #expect(error.message.en.contains("negotiation"))
        #expect(error.message.en.contains("rule"))
        #expect(error.message.zh.contains("协商中"))
    }

    @Test func aMerchantCannotTakeTheSweepersDefault() {
        #expect(
            Lifecycle.apply(.merchantSilent, to: .merchantResponse, by: .merchant)
                == .failure(.actorNotAllowed(event: .merchantSilent, actor: .merchant)))
    }

    @Test func suspendThenResumeReturnsToTheStageBefore() throws {
        let filed = Date(timeIntervalSince1970: 1_800_000_000)
        let original = Case(
            id: 7, title: "t", category: .damaged, requestType: .refundOnly,
            buyer: Party(account: "b", name: "买家"), merchant: Party(account: "m", name: "商家"),
            orderID: "1", orderAmount: .yuan(10), claimAmount: .yuan(10), stage: .evidence, createdAt: filed)
        let suspended = try original.applying(.suspend, by: .mediator, at: filed, deadline: nil).get()
        #expect(suspended.stage == .suspended)
        #expect(suspended.suspendedFrom == .evidence)
        #expect(suspended.version == original.version + 1)
        let resumed = try suspended.applying(.resume, by: .mediator, at: filed, deadline: nil).get()
        #expect(resumed.stage == .evidence)
        #expect(resumed.suspendedFrom == nil)
    }

    @Test func resumingACaseThatIsNotSuspendedIsRefused() {
        #expect(Lifecycle.apply(.resume, to: .evidence, by: .mediator) == .failure(.nothingToResume(stage: .evidence)))
    }

    @Test func aFinalStageClearsTheDeadline() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let open = Case(
            id: 1, title: "t", category: .quality, requestType: .repair,
            buyer: Party(account: "b", name: "b"), merchant: Party(account: "m", name: "m"), orderID: "1",
            orderAmount: .yuan(1), claimAmount: .yuan(1), stage: .negotiation, stageDeadline: now, createdAt: now)
        let closed = try open.applying(.buyerSilent, by: .sweeper, at: now, deadline: now).get()
        #expect(closed.stage == .closed)
        #expect(closed.stageDeadline == nil)
    }
}
