/// A line of text the user is typing at the bottom of the screen.
public struct Prompt: Hashable, Sendable {
    /// What the text is for.
    public enum Kind: Hashable, Sendable {
        /// Full-text search (`/`).
        case search
        /// A filter expression (`\`).
        case filter
        /// A command by name (`:`).
        case palette
    }

    /// What the text is for.
    public var kind: Kind
    /// What has been typed; kept when a submit fails so nothing is lost.
    public var text: String
    /// Why the last submit was refused, shown beside the text.
    public var error: String?

    /// The label before the text.
    public var label: String {
        switch kind {
        case .search: "/"
        case .filter: "\\ filter:"
        case .palette: ":"
        }
    }
}
