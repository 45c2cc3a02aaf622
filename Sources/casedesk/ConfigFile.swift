import ArgumentParser
import CaseTUI
import Foundation
import TOMLKit

/// `$XDG_CONFIG_HOME/casedesk/config.toml`: key bindings a person prefers, validated on load.
///
/// ```toml
/// [keys]
/// take = "t"                 # one key
/// quit = ["q", "<C-q>"]      # or several, in the notation of --keys
/// ```
enum ConfigFile {
    /// The file's path: --config, else $XDG_CONFIG_HOME/casedesk/config.toml, else ~/.config/casedesk/config.toml.
    static func path(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String
    {
        if let explicit, !explicit.isEmpty { return explicit }
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            return (config as NSString).appendingPathComponent("casedesk/config.toml")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".config/casedesk/config.toml")
    }

    /// The keymap the file asks for (the defaults when there is no file); every problem names the file and key.
    static func keymap(at path: String) throws -> Keymap {
        guard FileManager.default.fileExists(atPath: path) else { return .standard }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw CLIError("\(path): cannot be read as UTF-8")
        }
        return try keymap(parsing: text, file: path)
    }

    static func keymap(parsing text: String, file: String) throws -> Keymap {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw CLIError("\(file):\(error.source.begin.line): \(error.description)")
        }
        for section in table.keys where section != "keys" {
            throw CLIError("\(file): [\(section)]: unknown section; the file has one section, [keys]")
        }
        var overrides: [CommandID: [Key]] = [:]
        if let keys = table["keys"] {
            guard let bindings = keys.table else { throw CLIError("\(file): keys: must be a table, [keys]") }
            for name in bindings.keys {
                guard let id = CommandID(rawValue: name) else {
                    throw CLIError(
                        "\(file): keys.\(name): unknown command; commands: "
                            + CommandID.allCases.map(\.rawValue).joined(separator: ", "))
                }
                let value = bindings[name]!
                var texts: [String] = []
                if let single = value.string {
                    texts = [single]
                } else if let list = value.array {
                    for item in list {
                        guard let text = item.string else { throw CLIError("\(file): keys.\(name): keys are text") }
                        texts.append(text)
                    }
                } else {
                    throw CLIError("\(file): keys.\(name): give a key as text, or a list of them")
                }
                var parsed: [Key] = []
                for text in texts {
                    let keys: [Key]
                    do { keys = try KeyNotation.parse(text) } catch {
                        throw CLIError("\(file): keys.\(name): \(error)")
                    }
                    guard keys.count == 1 else {
                        throw CLIError("\(file): keys.\(name): '\(text)' is \(keys.count) keys; bind one key per entry")
                    }
                    parsed += keys
                }
                overrides[id] = parsed
            }
        }
        do {
            return try Keymap(overrides: overrides)
        } catch {
            throw CLIError("\(file): \(error)")
        }
    }
}
