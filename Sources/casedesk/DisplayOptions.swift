import ArgumentParser
import CaseModel
import CaseTUI
import Foundation

extension Language: ExpressibleByArgument {}

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

    @Option(
        help:
            "The configuration file (default: $XDG_CONFIG_HOME/casedesk/config.toml, else ~/.config/casedesk/config.toml)."
    )
    var config: String?

    /// The key bindings from the configuration file, validated.
    func keymap() throws -> Keymap { try ConfigFile.keymap(at: ConfigFile.path(config)) }

    @Option(help: "The interface language, en or zh (default: from LC_ALL / LANG).")
    var lang: Language?

    var measure: DisplayWidth { DisplayWidth(ambiguousIsWide: ambiguousWide) }

    /// Colour unless --theme mono or a non-empty NO_COLOR says otherwise.
    var useColor: Bool {
        theme != .mono && (ProcessInfo.processInfo.environment["NO_COLOR"].map { $0.isEmpty } ?? true)
    }

    /// --lang, else Chinese when the locale is Chinese, else English.
    var language: Language {
        lang ?? defaultLanguage()
    }
}

/// Chinese when the locale (LC_ALL, else LANG) is Chinese, else English.
func defaultLanguage() -> Language {
    let environment = ProcessInfo.processInfo.environment
    let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
    return locale.lowercased().hasPrefix("zh") ? .zh : .en
}
