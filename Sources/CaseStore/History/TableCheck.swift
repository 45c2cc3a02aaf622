import CaseModel
import Foundation

/// The tables recomputed from the typed events, against the tables as stored: `verify` names
/// every row an edit made differ from what its history says (a stage set by hand, a ruling's
/// status changed, an obligation marked met, evidence relabelled, a role raised).
public enum TableCheck {
    /// The case file its events build, when its whole trail is typed and starts with its filing
    /// (a case seeded in bulk, or written before v11, has no such history to check against).
    public static func replayed(_ stored: CaseFile, trail: [AuditEntry]) -> CaseFile? {
        let events = trail.compactMap(\.event)
        guard events.count == trail.count, case .filed? = events.first else { return nil }
        var base = stored.item
        base.stage = .filed
        var file = CaseFile(item: CaseHistory.initial(base, events))
        for (index, event) in events.enumerated() { file.apply(event, at: trail[index].at, by: trail[index].actor) }
        return file
    }

    /// The rows of `stored` that differ from `replayed`, named ("case #3: stage is closed, its history says intervention").
    public static func differences(stored: CaseFile, replayed: CaseFile) -> [String] {
        let id = stored.item.id
        var found: [String] = []
        func compare(_ what: String, _ have: String, _ history: String) {
            if have != history { found.append("case #\(id): \(what) is \(have), its history says \(history)") }
        }
        let (a, b) = (stored.item, replayed.item)
        compare("stage", a.stage.rawValue, b.stage.rawValue)
        compare(
            "deadline", a.stageDeadline.map(ISO8601Time.string) ?? "none",
            b.stageDeadline.map(ISO8601Time.string) ?? "none")
        compare("assignee", a.assignee ?? "none", b.assignee ?? "none")
        compare("priority", "\(a.priority)", "\(b.priority)")
        compare(
            "flags", a.flags.sorted().map(\.rawValue).joined(separator: ","),
            b.flags.sorted().map(\.rawValue).joined(separator: ","))
        compare("suspended from", a.suspendedFrom?.rawValue ?? "none", b.suspendedFrom?.rawValue ?? "none")
        compare(
            "paused clock", a.pausedRemaining.map { "\($0)s" } ?? "none", b.pausedRemaining.map { "\($0)s" } ?? "none")
        func rows<T>(_ what: String, _ have: [T], _ history: [T], key: (T) -> Int64, _ signature: (T) -> String) {
            let stored = Dictionary(have.map { (key($0), signature($0)) }) { first, _ in first }
            let told = Dictionary(history.map { (key($0), signature($0)) }) { first, _ in first }
            for key in Set(stored.keys).union(told.keys).sorted() where stored[key] != told[key] {
                found.append(
                    "case #\(id): \(what) #\(key) is \(stored[key] ?? "missing"), its history says \(told[key] ?? "none")"
                )
            }
        }
        rows("evidence", stored.evidence, replayed.evidence, key: \.id) {
            "\($0.kind.rawValue) from \($0.source.rawValue) \($0.sha256.prefix(12)) “\($0.description)”"
        }
        rows("point in dispute", stored.issues, replayed.issues, key: \.id) {
            "\($0.kind.rawValue) on the \($0.burden.rawValue) \($0.finding?.rawValue ?? "open") evidence \($0.evidenceIDs.sorted())"
        }
        rows("ruling", stored.decisions.rulings, replayed.decisions.rulings, key: \.id) {
            "revision \($0.revision) by \($0.mediator) \($0.status.rawValue) \($0.draft.remedies.map(\.remedy))"
        }
        rows("obligation", stored.decisions.obligations, replayed.decisions.obligations, key: \.id) {
            "\($0.obligor.rawValue) \($0.amount?.formatted ?? "-") due \(ISO8601Time.string($0.dueAt)) \($0.status.rawValue)"
        }
        rows("appeal", stored.decisions.appeals, replayed.decisions.appeals, key: \.id) {
            "by the \($0.party.rawValue) on ruling #\($0.rulingID) \($0.outcome?.rawValue ?? "open")"
        }
        return found
    }

    /// The staff roster the staff events build, against the table: an edited or added role is named.
    public static func staffDifferences(stored: [StaffMember], events: [CaseEvent]) -> [String] {
        var roster: [String: StaffRole] = [:]
        for event in events {
            switch event {
            case .staffAdded(let name, let role): roster[name] = role
            case .staffRoleChanged(let name, _, let to): roster[name] = to
            default: continue
            }
        }
        var found: [String] = []
        let table = Dictionary(stored.map { ($0.name, $0.role) }) { first, _ in first }
        for name in Set(table.keys).union(roster.keys).sorted() where table[name] != roster[name] {
            func role(_ role: StaffRole) -> String {
                (role == .admin || role == .observer ? "an " : "a ") + role.rawValue
            }
            found.append(
                "staff \(name): \(table[name].map(role) ?? "missing") in the table, "
                    + "\(roster[name].map(role) ?? "never added") by its history")
        }
        return found
    }
}
