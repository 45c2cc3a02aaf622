import Foundation

/// Everything decided on a case: its rulings (every revision), sign-offs, obligations and appeals.
public struct CaseDecisions: Hashable, Sendable {
    /// Every revision, oldest first.
    public var rulings: [Ruling] = []
    /// Observers' sign-offs.
    public var signoffs: [ObserverSignoff] = []
    /// The obligations rulings created.
    public var obligations: [Obligation] = []
    /// Appeals, oldest first.
    public var appeals: [Appeal] = []

    /// The ruling in force, if any.
    public var inForce: Ruling? { rulings.last { $0.status == .final } }
    /// The latest revision, whatever its status.
    public var latest: Ruling? { rulings.last }
    /// The appeal waiting for a decision, if any.
    public var openAppeal: Appeal? { appeals.last { $0.outcome == nil } }

    /// Creates an empty record.
    public init() {}
}
