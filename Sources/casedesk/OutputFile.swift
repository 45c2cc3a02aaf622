import CaseStore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file the CLI writes for a person to keep (an export, a rejects file): written to a temporary
/// file beside it, mode 0600 whatever the umask, flushed to disk and renamed into place. A killed
/// process or a full disk leaves the previous file at that path exactly as it was.
final class OutputFile {
    let path: String
    private let temporary: String
    private var descriptor: Int32

    /// - Parameter keepingModeOfExisting: give the new file the mode and group of the file it
    ///   replaces (an anchors file shared by a group stays shared); otherwise 0600.
    init(path: String, keepingModeOfExisting: Bool = false) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var template = Array((directory + "/." + url.lastPathComponent + ".casedesk-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))") }
        descriptor = fd
        temporary = String(cString: template)
        var mode: mode_t = 0o600
        var existing = stat()
        if keepingModeOfExisting, stat(path, &existing) == 0 {
            mode = existing.st_mode & 0o777
            _ = fchown(fd, uid_t.max, existing.st_gid)
        }
        guard fchmod(fd, mode) == 0 else {
            let reason = String(cString: strerror(errno))
            abandon()
            throw CLIError("cannot write \(path): \(reason)")
        }
    }

    deinit { if descriptor >= 0 { abandon() } }

    /// Appends bytes; a failure (a full disk) removes the temporary file and names the cause.
    func write(_ data: Data) throws {
        do {
            try OutputFile.writeAll(data, to: descriptor)
        } catch {
            abandon()
            throw CLIError("cannot write \(path): \(error); the previous file, if any, is untouched")
        }
    }

    /// Flushes and renames the file into place.
    func commit() throws {
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            abandon()
            throw CLIError("cannot write \(path): \(reason); the previous file, if any, is untouched")
        }
        descriptor = -1
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CLIError("cannot write \(path): \(reason)")
        }
    }

    private func abandon() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
    }

    /// Writes every byte to `fd`, retrying short writes; throws the system's reason otherwise.
    static func writeAll(_ data: Data, to fd: Int32) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    let reason = errno == ENOSPC ? "the disk is full" : String(cString: strerror(errno))
                    throw CLIError(reason)
                }
                offset += written
            }
        }
    }
}
