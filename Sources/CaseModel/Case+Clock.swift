import Foundation

extension Case {
    /// The case after a lifecycle step, with the new stage's clock set by the rule pack.
    ///
    /// A suspension pauses the stage clock, keeping the time left in the stage's own
    /// kind of time; a resume gives exactly that time back. Any other step starts the
    /// new stage's clock at `clockStart` (the sweeper passes the moment the old clock
    /// ran out, so a late sweep does not lengthen the next stage) or at `now`.
    public func applying(
        _ event: LifecycleEvent, by actor: ActorKind, at now: Date, pack: RulePack, clockStart: Date? = nil
    ) -> Result<Case, LifecycleError> {
        let target: Stage
        switch Lifecycle.apply(event, to: stage, by: actor, suspendedFrom: suspendedFrom) {
        case .success(let next): target = next
        case .failure(let error): return .failure(error)
        }
        // A party's answer after its deadline is too late: the pack's default outcome governs
        // (a late appeal, a merchant answering after the default refund was due).
        if actor == .buyer || actor == .merchant, let deadline = stageDeadline, now > deadline,
            pack.rule(for: stage)?.onExpiry != nil
        {
            return .failure(.deadlinePassed(event: event, stage: stage, deadline: deadline))
        }
        let start = clockStart ?? now
        switch event {
        case .suspend:
            let remaining = stageDeadline.map { pack.remaining(in: stage, from: start, to: $0) }
            return applying(event, by: actor, at: now, deadline: pack.deadline(entering: .suspended, at: start))
                .map { suspended in
                    var paused = suspended
                    paused.pausedRemaining = remaining
                    return paused
                }
        case .resume:
            let deadline =
                pausedRemaining.map { pack.deadline(resuming: target, at: start, remaining: $0) }
                ?? pack.deadline(entering: target, at: start)
            return applying(event, by: actor, at: now, deadline: deadline)
        default:
            return applying(event, by: actor, at: now, deadline: pack.deadline(entering: target, at: start))
        }
    }

    /// What happens when the current stage's clock runs out under `pack`, if anything.
    public func expiryRule(in pack: RulePack) -> StageRule? {
        guard stage.isOpen, stageDeadline != nil, let rule = pack.rule(for: stage), rule.onExpiry != nil else {
            return nil
        }
        return rule
    }
}
