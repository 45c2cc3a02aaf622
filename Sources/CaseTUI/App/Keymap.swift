/// Maps keys to commands per context; built from the command table.
public struct Keymap: Sendable {
    private var bindings: [Context: [Key: CommandID]] = [:]

    /// The default keymap: every command's default keys.
    public static let standard = Keymap(table: CommandTable.all)

    /// Builds a keymap from command rows.
    public init(table: [CommandSpec]) {
        for spec in table {
            for context in spec.contexts {
                for key in spec.keys {
                    bindings[context, default: [:]][key] = spec.id
                }
            }
        }
    }

    /// The command a key triggers in a context, if any.
    public func command(for key: Key, in context: Context) -> CommandID? {
        bindings[context]?[key]
    }

    /// The keys bound to a command in a context, in table order.
    public func keys(for id: CommandID, in context: Context) -> [Key] {
        CommandTable.spec(id).keys.filter { bindings[context]?[$0] == id }
    }
}
