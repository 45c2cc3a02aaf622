/// What a staff member at the console does, and so what they may do.
public enum StaffRole: String, CaseIterable, Codable, Sendable {
    case mediator, supervisor, trainer, admin
}
