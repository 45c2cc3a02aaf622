import CaseInterchange
import CaseStore
import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// Creating database files with the right owner and mode, and naming who holds a lock.
enum FileModes {
    /// Creates an empty database file: 0600, or 0660 owned by `group` when one is named.
    /// SQLite gives the -wal and -shm files the same mode as the database.
    static func create(path: String, group: String?) throws {
        // A symbolic link to a file not yet there: create the file it names, with the same mode.
        if let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path),
            !FileManager.default.fileExists(atPath: path)
        {
            let target =
                destination.hasPrefix("/")
                ? destination
                : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
            return try create(path: target, group: group)
        }
        var gid: gid_t?
        if let group, !group.isEmpty {
            guard let entry = getgrnam(group) else {
                throw StoreError.cannotOpen(path: path, reason: "there is no group named '\(group)'")
            }
            gid = entry.pointee.gr_gid
        }
        let mode: mode_t = gid == nil ? 0o600 : 0o660
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, mode)
        guard fd >= 0 else {
            if errno == EEXIST { return }
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        if let gid, fchown(fd, uid_t.max, gid) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(path)
            throw StoreError.cannotOpen(path: path, reason: "cannot give the file to the group: \(reason)")
        }
        // The umask must not widen or narrow what was asked for.
        guard fchmod(fd, mode) == 0 else {
            throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// The other processes that have the database (or its WAL) open: "pid 4242 (casedesk import big.jsonl)".
    static func holders(of path: String) -> [String] {
        let target = URL(fileURLWithPath: path).standardizedFileURL.path
        let names = [target, target + "-wal", target + "-shm"]
        let me = getpid()
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var found: [String] = []
        for entry in entries {
            guard let pid = Int32(entry), pid != me else { continue }
            guard let fds = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd") else { continue }
            let opened = fds.contains { fd in
                let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\(fd)")
                return link.map(names.contains) ?? false
            }
            guard opened else { continue }
            let raw = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
            var words = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if let program = words.first { words[0] = (program as NSString).lastPathComponent }
            let command = words.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            let shown = command.count > 60 ? command.prefix(60) + "…" : Substring(command)
            found.append("pid \(pid) (\(shown.isEmpty ? "?" : shown))")
        }
        return found.sorted()
    }
}

extension StoreError {
    /// A store error for what SQLite reported about the database at `path`: busy (locked, with
    /// who holds it), read-only, or full; nil for anything else.
    public static func translating(_ error: any Error, path: String) -> StoreError? {
        if let error = error as? StoreError { return error }
        guard let error = error as? DatabaseError else { return nil }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .locked(path: path, holders: FileModes.holders(of: path))
        case .SQLITE_READONLY:
            return .readOnly(path: path)
        case .SQLITE_FULL:
            return .diskFull(path: path)
        case .SQLITE_IOERR
        where error.extendedResultCode == .SQLITE_IOERR_WRITE
            || error.extendedResultCode == .SQLITE_IOERR_FSYNC:
            return .diskFull(path: path)
        default:
            return nil
        }
    }
}
