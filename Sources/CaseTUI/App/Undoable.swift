import CaseModel

/// A command that has an inverse, remembered so `u` can apply it. The audit log is append-only:
/// undoing is a new, recorded step that puts the case back.
public enum Undoable: Hashable, Sendable {
    case took(caseID: Int64)
    case released(caseID: Int64)
    case stepped(caseID: Int64, event: LifecycleEvent)

    /// What `u` does.
    var inverse: Effect? {
        switch self {
        case .took(let id): return .release(caseID: id, version: nil)
        case .released(let id): return .take(caseID: id, version: nil)
        case .stepped(let id, .suspend): return .step(caseID: id, event: .resume, version: nil)
        case .stepped(let id, .resume): return .step(caseID: id, event: .suspend, version: nil)
        case .stepped: return nil
        }
    }

    /// What was done, for the message after undoing it.
    var description: String {
        switch self {
        case .took(let id): "take of #\(id)"
        case .released(let id): "release of #\(id)"
        case .stepped(let id, let event): "\(event.rawValue) of #\(id)"
        }
    }
}
