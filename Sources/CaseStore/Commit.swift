import CaseInterchange
import CaseModel
import Foundation

/// What a committed intent did: the case file as its events left it, and the events as recorded.
public struct Commit: Sendable {
    /// The case after the events, with the parts of its file the intent read (an intent that
    /// reads nothing beyond the case, a take, has only the case here).
    public var file: CaseFile
    /// The events, in order, as their audit records hold them.
    public var events: [CaseEvent]

    /// The case after the events.
    public var item: Case { file.item }

    /// Creates the record of a commit.
    public init(file: CaseFile, events: [CaseEvent]) {
        self.file = file
        self.events = events
    }
}
