import CaseModel
import Foundation

/// Why a store operation failed for a reason of the store's own (the file, the schema, a
/// concurrent change); a refusal by the rules is a `CaseError`, passed through as it is.
public enum StoreError: ExplainedError, Equatable, Sendable {
    /// The database was written by a newer CaseDesk; it is left untouched.
    case newerSchema(path: String, unknownMigrations: [String])
    /// No case has this number.
    case caseNotFound(Int64)
    /// Someone else changed the case since it was read.
    case conflict(caseID: Int64, expectedVersion: Int, actualVersion: Int, changedBy: String?)
    /// The database file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The example cases shipped with CaseDesk could not be read.
    case examplesUnreadable(reason: String)
    /// Another process held the database past the busy timeout.
    case locked(path: String, holders: [String])
    /// The database was opened read-only.
    case readOnly(path: String)
    /// The disk (or the file-size limit) is full; nothing was written.
    case diskFull(path: String)
    /// A live database was asked to act on a simulated clock or as a simulated database.
    case liveClock(path: String)

    /// A message a mediator can act on, in both languages.
    public var message: LocalizedText {
        switch self {
        case .newerSchema(let path, let unknown):
            LocalizedText(
                en: "\(path) was written by a newer CaseDesk (migrations \(unknown.joined(separator: ", "))); "
                    + "upgrade CaseDesk to open it. The file was not changed.",
                zh: "\(path) 由更新版本的 CaseDesk 写入（迁移 \(unknown.joined(separator: ", "))），请升级后再打开；文件未被改动。")
        case .caseNotFound(let id):
            LocalizedText(en: "no case #\(id)", zh: "没有编号为 #\(id) 的案件")
        case .conflict(let id, let expected, let actual, let who):
            LocalizedText(
                en: "case #\(id) was changed by \(who ?? "someone else") (version \(expected) → \(actual)); "
                    + "reload it and try again",
                zh: "案件 #\(id) 已被 \(who ?? "他人") 修改（版本 \(expected) → \(actual)），请刷新后重试")
        case .cannotOpen(let path, let reason):
            LocalizedText(
                en: "cannot open the database \(path): \(reason)",
                zh: "无法打开数据库 \(path)：\(reason)")
        case .locked(let path, let holders):
            LocalizedText(
                en: "\(path) stayed locked for 5 seconds"
                    + (holders.isEmpty ? "" : ", held by \(holders.joined(separator: ", "))")
                    + "; nothing was written, try again when it finishes",
                zh: "\(path) 被占用超过 5 秒" + (holders.isEmpty ? "" : "（\(holders.joined(separator: "，"))）")
                    + "；未写入任何内容，请稍后重试")
        case .readOnly(let path):
            LocalizedText(
                en: "\(path) is open read-only (this user may not write it): nothing can be changed",
                zh: "\(path) 以只读方式打开（当前用户无写权限），不能修改")
        case .diskFull(let path):
            LocalizedText(
                en: "the disk holding \(path) is full: nothing was written, and the database is as it was",
                zh: "\(path) 所在磁盘已满：未写入任何内容，数据库保持原样")
        case .liveClock(let path):
            LocalizedText(
                en: "\(path) is a live database: it acts on the wall clock only, and only a database created "
                    + "with --simulated (a rehearsal or test database) accepts --now",
                zh: "\(path) 是正式数据库：只按真实时钟运行；只有以 --simulated 创建的演练或测试数据库才接受 --now")
        case .examplesUnreadable(let reason):
            LocalizedText(
                en: "the example cases could not be read: \(reason)",
                zh: "示例案件读取失败：\(reason)")
        }
    }
}

extension StoreError: LocalizedError {
    public var errorDescription: String? { message.en }
}
