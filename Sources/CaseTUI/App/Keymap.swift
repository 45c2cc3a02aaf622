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

    /// The default keymap: every command's default keys (the table is tested to have no clash).
    public static let standard = build([:]).keymap

    /// Builds a keymap from the command table, replacing the keys of the commands in `overrides`.
    ///
    /// Refused: a key bound to two commands where both apply, and a keymap that leaves no way to quit.
    public init(overrides: [CommandID: [Key]]) throws(KeymapError) {
        let built = Self.build(overrides)
        if let problem = built.problem { throw problem }
        self = built.keymap
    }

    private init() {}

    /// The keymap for some overrides, and the first thing wrong with it, if anything.
    private static func build(_ overrides: [CommandID: [Key]]) -> (keymap: Keymap, problem: KeymapError?) {
        var keymap = Keymap()
        var problem: KeymapError?
        for spec in CommandTable.all {
            let keys = overrides[spec.id] ?? spec.keys
            keymap.keysByCommand[spec.id] = keys
            for context in spec.contexts {
                for key in keys {
                    if let other = keymap.bindings[context]?[key], other != spec.id, problem == nil {
                        problem = KeymapError(
                            description: "\(key.label) is bound to both \(other.rawValue) and \(spec.id.rawValue) "
                                + "where both apply; give one of them another key")
                    }
                    keymap.bindings[context, default: [:]][key] = spec.id
                }
            }
        }
        if problem == nil, keymap.keysByCommand[.quit]?.isEmpty ?? true {
            problem = KeymapError(description: "quit has no key: the console could not be left")
        }
        return (keymap, problem)
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
