import CaseModel

/// Why a set of key bindings cannot be used.
public struct KeymapError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, naming the keys and commands.
    public let description: String
}

/// Maps keys to commands per context; built from the command table and any overrides.
///
/// Help, the hint bar and the palette read their keys from here, so an override shows
/// everywhere at once.
public struct Keymap: Sendable {
    private var bindings: [Context: [Key: CommandID]] = [:]
    private var keysByCommand: [CommandID: [Key]] = [:]

    /// The default keymap: every command's default keys.
    public static let standard = try! Keymap(overrides: [:])

    /// Builds a keymap from the command table, replacing the keys of the commands in `overrides`.
    ///
    /// Refused: a key bound to two commands where both apply, and a keymap that leaves no way to quit.
    public init(overrides: [CommandID: [Key]]) throws(KeymapError) {
        for spec in CommandTable.all {
            let keys = overrides[spec.id] ?? spec.keys
            keysByCommand[spec.id] = keys
            for context in spec.contexts {
                for key in keys {
                    if let other = bindings[context]?[key], other != spec.id {
                        throw KeymapError(
                            description: "\(key.label) is bound to both \(other.rawValue) and \(spec.id.rawValue) "
                                + "where both apply; give one of them another key")
                    }
                    bindings[context, default: [:]][key] = spec.id
                }
            }
        }
        if keysByCommand[.quit]?.isEmpty ?? true {
            throw KeymapError(description: "quit has no key: the console could not be left")
        }
    }

    /// The command a key triggers in a context, if any.
    public func command(for key: Key, in context: Context) -> CommandID? {
        bindings[context]?[key]
    }

    /// The keys of a command.
    public func keys(for id: CommandID) -> [Key] {
        keysByCommand[id] ?? []
    }

    /// The keys bound to a command in a context, in order.
    public func keys(for id: CommandID, in context: Context) -> [Key] {
        keys(for: id).filter { bindings[context]?[$0] == id }
    }
}
