import CaseModel
import Foundation

/// Cases as CSV rows: one row per case, evidence left out (CSV is flat; JSONL carries it).
package enum CaseCSV {
    package static let header = [
        "id", "title", "narrative", "category", "request_type", "buyer_account", "buyer_name", "merchant_account",
        "merchant_name", "order_id", "order_fen", "claim_fen", "stage", "deadline", "suspended_from",
        "paused_remaining_seconds", "rule_pack", "assignee", "created_at", "updated_at", "version",
        "priority", "flags",
    ]

    package static func fields(_ line: CaseDocument) -> [String] {
        let cells: [String] = [
            line.id.map(String.init) ?? "", line.title, line.narrative, line.category.rawValue,
            line.requestType.rawValue, line.buyer.account, line.buyer.name, line.merchant.account, line.merchant.name,
            line.orderID, String(line.orderFen), String(line.claimFen), line.stage.rawValue, line.deadline?.text ?? "",
            line.suspendedFrom?.rawValue ?? "", line.pausedRemainingSeconds.map(String.init) ?? "",
            line.rulePack ?? "", line.assignee ?? "", line.createdAt.text, line.updatedAt?.text ?? "",
            line.version.map(String.init) ?? "", line.priority.map(String.init) ?? "",
            (line.flags ?? []).map(\.rawValue).joined(separator: ";"),
        ]
        return cells.map(CSV.neutralised)
    }

    /// A case from a row under the standard header, or what is wrong with it.
    package static func caseLine(_ fields: [String]) throws(ImportError.Reason) -> CaseDocument {
        guard fields.count == header.count else {
            throw .init("has \(fields.count) fields; the header has \(header.count)")
        }
        var value: [String: String] = [:]
        for (name, field) in zip(header, fields) { value[name] = CSV.unguarded(field) }
        func required(_ key: String) -> String { value[key] ?? "" }
        func optional(_ key: String) -> String? { value[key].flatMap { $0.isEmpty ? nil : $0 } }
        func integer(_ key: String) throws(ImportError.Reason) -> Int64 {
            guard let number = Int64(required(key)) else { throw .init("'\(key)' must be a whole number") }
            return number
        }
        func known<T: RawRepresentable>(_ key: String, _ type: T.Type) throws(ImportError.Reason) -> T
        where T.RawValue == String {
            guard let parsed = T(rawValue: required(key)) else {
                throw .init("'\(key)' has an unknown value '\(required(key))'")
            }
            return parsed
        }
        func time(_ key: String) throws(ImportError.Reason) -> FileTime? {
            guard let text = optional(key) else { return nil }
            guard let time = FileTime(text) else { throw .init("'\(key)' must be \(FileTime.notation)") }
            return time
        }
        func whole(_ key: String) throws(ImportError.Reason) -> Int64? {
            guard optional(key) != nil else { return nil }
            return try integer(key)
        }
        guard let created = try time("created_at") else {
            throw .init("'created_at' must be \(FileTime.notation)")
        }
        var paused: Int64?
        if let text = optional("paused_remaining_seconds") {
            guard let number = Int64(text) else { throw .init("'paused_remaining_seconds' must be a whole number") }
            paused = number
        }
        var suspendedFrom: Stage?
        if let text = optional("suspended_from") {
            guard let stage = Stage(rawValue: text) else {
                throw .init("'suspended_from' has an unknown value '\(text)'")
            }
            suspendedFrom = stage
        }
        var flags: [CaseFlag] = []
        for name in required("flags").split(separator: ";") {
            guard let flag = CaseFlag(rawValue: String(name)) else {
                throw .init("'flags' has an unknown flag '\(name)'")
            }
            flags.append(flag)
        }
        return CaseDocument(
            type: "case", id: try whole("id"), title: required("title"), narrative: required("narrative"),
            category: try known("category", CaseModel.Category.self),
            requestType: try known("request_type", RequestType.self),
            buyer: Party(account: required("buyer_account"), name: required("buyer_name")),
            merchant: Party(account: required("merchant_account"), name: required("merchant_name")),
            orderID: required("order_id"), orderFen: try integer("order_fen"), claimFen: try integer("claim_fen"),
            stage: try known("stage", Stage.self), deadline: try time("deadline"), suspendedFrom: suspendedFrom,
            pausedRemainingSeconds: paused, rulePack: optional("rule_pack"), assignee: optional("assignee"),
            createdAt: created, updatedAt: try time("updated_at"), version: try whole("version").map { Int($0) },
            priority: try whole("priority").map { Int($0) }, flags: flags, evidence: [])
    }
}
