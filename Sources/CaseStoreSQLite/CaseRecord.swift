import CaseInterchange
import CaseModel
import CaseStore
import Foundation
import GRDB

/// A row of `cases`; converts to and from the model's `Case`.
struct CaseRecord {
    static let columns = """
        id, title, narrative, category, request_type, buyer_account, buyer_name,
        merchant_account, merchant_name, order_id, order_amount_fen, claim_amount_fen,
        stage, stage_deadline, suspended_from, assignee, created_at, updated_at, version,
        rule_pack, paused_remaining, priority, flags
        """

    /// Decodes a row selected with `columns`, refusing values this version does not know.
    static func decode(_ row: Row) throws -> Case {
        let suspendedRaw: String? = row[14]
        return Case(
            id: row[0],
            title: row[1],
            narrative: row[2],
            category: try known(Category.self, row[3], "cases.category"),
            requestType: try known(RequestType.self, row[4], "cases.request_type"),
            buyer: Party(account: row[5], name: row[6]),
            merchant: Party(account: row[7], name: row[8]),
            orderID: row[9],
            orderAmount: Money(fen: row[10]),
            claimAmount: Money(fen: row[11]),
            stage: try known(Stage.self, row[12], "cases.stage"),
            stageDeadline: (row[13] as Int64?).map(Timestamp.date),
            suspendedFrom: try suspendedRaw.map { try known(Stage.self, $0, "cases.suspended_from") },
            pausedRemaining: row[20],
            rulePack: row[19],
            assignee: row[15],
            createdAt: Timestamp.date(row[16]),
            updatedAt: Timestamp.date(row[17]),
            version: row[18],
            priority: row[21],
            flags: try flags(row[22]))
    }

    /// The arguments for an INSERT or UPDATE listing `columns` in order.
    static func arguments(_ value: Case, includeID: Bool) -> StatementArguments {
        var values: [(any DatabaseValueConvertible)?] = includeID ? [value.id] : []
        values += [
            value.title, value.narrative, value.category.rawValue, value.requestType.rawValue,
            value.buyer.account, value.buyer.name, value.merchant.account, value.merchant.name,
            value.orderID, value.orderAmount.fen, value.claimAmount.fen, value.stage.rawValue,
            value.stageDeadline.map(Timestamp.seconds), value.suspendedFrom?.rawValue,
            value.assignee, Timestamp.seconds(value.createdAt), Timestamp.seconds(value.updatedAt),
            value.version, value.rulePack, value.pausedRemaining, value.priority, flagsText(value.flags),
        ]
        return StatementArguments(values)
    }
}

extension CaseRecord {
    /// Binds a new case (no id) in `columns` order, for bulk inserts.
    static func bind(_ value: Case, to statement: inout BulkStatement) {
        statement.bind(value.title)
        statement.bind(value.narrative)
        statement.bind(value.category.rawValue)
        statement.bind(value.requestType.rawValue)
        statement.bind(value.buyer.account)
        statement.bind(value.buyer.name)
        statement.bind(value.merchant.account)
        statement.bind(value.merchant.name)
        statement.bind(value.orderID)
        statement.bind(value.orderAmount.fen)
        statement.bind(value.claimAmount.fen)
        statement.bind(value.stage.rawValue)
        statement.bind(value.stageDeadline.map(Timestamp.seconds))
        statement.bind(value.suspendedFrom?.rawValue)
        statement.bind(value.assignee)
        statement.bind(Timestamp.seconds(value.createdAt))
        statement.bind(Timestamp.seconds(value.updatedAt))
        statement.bind(Int64(value.version))
        statement.bind(value.rulePack)
        statement.bind(value.pausedRemaining)
        statement.bind(Int64(value.priority))
        statement.bind(flagsText(value.flags))
    }
}

/// Flags are stored as ",a,b," so a filter can match one with LIKE '%,a,%'.
func flagsText(_ flags: Set<CaseFlag>) -> String {
    flags.isEmpty ? "" : "," + flags.sorted().map(\.rawValue).joined(separator: ",") + ","
}

func flags(_ text: String) throws -> Set<CaseFlag> {
    Set(try text.split(separator: ",").map { try known(CaseFlag.self, String($0), "cases.flags") })
}

/// Decodes a stored enum value, refusing one this version of CaseDesk does not know.
func known<T: RawRepresentable>(_ type: T.Type, _ raw: String, _ column: String) throws -> T
where T.RawValue == String {
    guard let value = T(rawValue: raw) else {
        throw DatabaseError(message: "\(column) has an unknown value '\(raw)'")
    }
    return value
}
