import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Who is really at the keyboard: the login of this process's effective user, read from the
/// system's user database (never from `$USER`, which anyone can set).
public enum ProcessIdentity {
    /// The effective user's login name, or `uid-N` for a user without one.
    public static let login: String = {
        let uid = geteuid()
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid-\(uid)"
    }()

    /// Whether the process runs as the superuser, who can rewrite any file and so any database.
    public static var isSuperuser: Bool { geteuid() == 0 }
}
