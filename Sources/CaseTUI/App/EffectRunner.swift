import CaseModel
import CaseStore
import Foundation

/// Carries out effects against the store and reports their results as actions.
public struct EffectRunner: Sendable {
    let database: CaseDatabase

    /// A runner over a database.
    public init(database: CaseDatabase) { self.database = database }

    /// Runs one effect; failures come back as a `.failed` action, never as a throw.
    public func run(_ effect: Effect) -> Action {
        do {
            switch effect {
            case .loadQueue(let request):
                return try loadQueue(request)
            case .loadCase(let id):
                let loaded = try database.fetchCase(id: id)
                let evidence = loaded == nil ? [] : try database.evidence(caseID: id)
                return .caseLoaded(loaded, evidence)
            }
        } catch let error as StoreError {
            return .failed(error.message.en)
        } catch {
            return .failed("\(error)")
        }
    }

    func loadQueue(_ request: QueueRequest) throws -> Action {
        let limit = QueueWindow.pageSize
        switch request {
        case .head:
            return .queueLoaded(request, try database.queuePage(limit: limit), total: try database.caseCount())
        case .tail:
            return .queueLoaded(
                request, try database.queuePage(before: nil, limit: limit), total: try database.caseCount())
        case .after(let cursor):
            return .queueLoaded(request, try database.queuePage(after: cursor, limit: limit), total: nil)
        case .before(let cursor):
            return .queueLoaded(request, try database.queuePage(before: cursor, limit: limit), total: nil)
        }
    }
}
