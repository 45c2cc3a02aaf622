/// Renders the whole console from the state: a pure function, state in, cells out.
public enum Renderer {
    /// The screen for a state.
    public static func render(_ state: AppState) -> Screen {
        var screen = Screen(width: state.width, height: state.height, measure: state.measure)
        if state.isTooSmall {
            TooSmallView.render(state, into: &screen)
            return screen
        }
        let layout = state.layout
        StatusBar.render(state, into: &screen, area: layout.status)
        if let banner = layout.banner { TrainingBanner.render(state, into: &screen, area: banner) }
        QueueView.render(state, into: &screen, area: layout.queue)
        DetailView.render(state, into: &screen, area: layout.detail)
        EvidenceView.render(state, into: &screen, area: layout.evidence)
        if let prompt = state.prompt {
            PromptLine.render(prompt, state: state, into: &screen, area: layout.hints)
        } else {
            HintBar.render(state, into: &screen, area: layout.hints)
        }
        if state.showHelp { HelpOverlay.render(state, into: &screen) }
        if let menu = state.stepMenu { StepMenuView.render(menu, state: state, into: &screen) }
        if let question = state.confirmation { ConfirmView.render(question, state: state, into: &screen) }
        if state.document != nil { DocumentView.render(state, into: &screen) }
        if let form = state.form { FormView.render(form, language: state.language, into: &screen) }
        return screen
    }
}
