import CaseModel
import CaseStore
import Foundation

/// Runs the update–effect cycle: the same code behind the live console, snapshots and tests.
public struct AppDriver: Sendable {
    /// The current state.
    public private(set) var state: AppState
    let runner: EffectRunner

    /// A driver over a database, with the queue and first case loaded.
    ///
    /// - Parameters:
    ///   - clock: the time writes are stamped with.
    ///   - training: the scenario being played, in training mode (the state shows its notes).
    public init(
        state: AppState, database: any CaseStore, clock: @escaping @Sendable () -> Date = Date.init,
        training: TrainingSession? = nil
    ) {
        var state = state
        if let training { state.training = TrainingStatus(scenario: training.sandbox.scenario) }
        // The registered observers, offered by the sign-off form (the roster changes only by `staff add`).
        state.observers = ((try? database.staff()) ?? []).filter { $0.role == .observer }.map(\.name)
        self.state = state
        self.runner = EffectRunner(
            database: database, rules: state.rules, staff: state.staff, language: state.language, clock: clock,
            training: training)
        run([.loadQueue(.head, state.query), .checkForChanges])
    }

    /// Applies an action and every effect that follows from it, synchronously.
    public mutating func send(_ action: Action) {
        let effects = Update.update(&state, action)
        run(effects)
    }

    /// Applies an action and returns the effects it asks for, without running them (the live
    /// loop hands them to its worker thread).
    mutating func handle(_ action: Action) -> [Effect] {
        Update.update(&state, action)
    }

    /// Looks a key up in the keymap for the current context and sends its command.
    public mutating func press(_ key: Key) {
        if let action = action(for: key) { send(action) }
    }

    /// What a key means now: a command from the keymap for the current context, a count digit, or
    /// text typed into a prompt or form. Below the minimum size only quitting works, so a tiny
    /// terminal can always be left.
    func action(for key: Key) -> Action? {
        if state.isTooSmall {
            return state.keymap.command(for: key, in: .pane(.queue)) == .quit ? .command(.quit) : nil
        }
        if case .pane = state.context, case .char(let character) = key, let digit = character.wholeNumberValue,
            character.isASCII, digit > 0 || state.count != nil
        {
            return .countDigit(digit)
        }
        guard let id = state.keymap.command(for: key, in: state.context) else {
            // In a prompt, every other character is text (a Chinese character from an input method included).
            if state.prompt != nil || state.form != nil, case .char(let character) = key { return .input(character) }
            return nil
        }
        return .command(id)
    }

    /// Renders the current state.
    public func render() -> Screen {
        Renderer.render(state)
    }

    private mutating func run(_ effects: [Effect]) {
        var pending = effects
        // Effects may lead to more effects (a loaded queue selects a case); bound the chain.
        var budget = 16
        while !pending.isEmpty && budget > 0 {
            let effect = pending.removeFirst()
            if effect.isWrite { pending += Update.update(&state, .effectStarted(effect)) }
            pending += Update.update(&state, runner.run(effect))
            if effect.isWrite { pending += Update.update(&state, .effectFinished(effect)) }
            budget -= 1
        }
    }
}
