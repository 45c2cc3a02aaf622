/// The panes of the main screen, in Tab order.
public enum Pane: Int, CaseIterable, Sendable {
    case queue, detail, evidence

    /// The pane after this one, wrapping.
    public var next: Pane { Pane(rawValue: (rawValue + 1) % Pane.allCases.count)! }
    /// The pane before this one, wrapping.
    public var previous: Pane { Pane(rawValue: (rawValue + Pane.allCases.count - 1) % Pane.allCases.count)! }
}

/// Where keys go right now: a pane, or an overlay over the panes.
public enum Context: Hashable, Sendable {
    case pane(Pane)
    case help
    /// The list of lifecycle steps open to the case.
    case steps
    /// A yes/no question before an irreversible step.
    case confirm
    /// A line of text being typed (search, filter).
    case prompt
    /// A form for a command (note, urge, evidence).
    case form
    /// A document over the panes: a ruling notice, the dashboard, an evidence item in full.
    case document
}
