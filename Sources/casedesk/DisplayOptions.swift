import ArgumentParser
import CaseTUI

/// How the console draws: colour or monochrome, and the width of East Asian ambiguous characters.
struct DisplayOptions: ParsableArguments {
    enum Theme: String, ExpressibleByArgument, CaseIterable {
        case color, mono
    }

    @Option(help: "color, or mono (bold, reverse and underline only; NO_COLOR also selects it).")
    var theme: Theme = .color

    @Flag(
        help:
            "The terminal draws East Asian ambiguous characters (box drawing, ·, …) two columns wide, as many CJK setups do; borders become ASCII."
    )
    var ambiguousWide = false

    var measure: DisplayWidth { DisplayWidth(ambiguousIsWide: ambiguousWide) }
}
