/// What a staff member at the console does, and so what they may do.
public enum StaffRole: String, CaseIterable, Codable, Sendable {
    case mediator, supervisor, trainer, admin
    /// An independent observer (e.g. a consumer association's member): views cases and signs off on
    /// platform-interest ones, nothing else.
    case observer
}
