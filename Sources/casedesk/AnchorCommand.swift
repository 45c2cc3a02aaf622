import ArgumentParser
import CaseInterchange
import CaseModel
import CaseStore
import Foundation

/// Where anchors are kept: --key and --anchors, else beside the database (the anchors file) and
/// in the user's configuration folder (the key, outside the database's folder).
struct AnchorOptions: ParsableArguments {
    @Option(help: "The anchors file (default: $CASEDESK_ANCHORS, else the database's path + .anchors).")
    var anchors: String?

    func anchorsPath(database: String) -> String { Self.anchorsPath(anchors, database: database) }

    static func anchorsPath(
        _ anchors: String?, database: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let anchors, !anchors.isEmpty { return anchors }
        if let path = environment["CASEDESK_ANCHORS"], !path.isEmpty { return path }
        return database + ".anchors"
    }
}

/// `casedesk anchor`: sign the head of the audit chain and keep (or print) the anchor.
struct AnchorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anchor",
        abstract: "Sign the head of the audit chain (count, hash, time) with a key kept outside the database.",
        discussion: """
            Appends the signed anchor to the anchors file and prints it, to publish (a ticket, an email, \
            another host). `casedesk verify --anchors FILE` later proves that nothing at or before an anchor \
            changed and that no record after it was deleted. The key is created on first use, mode 0600.
            """)

    @Option(
        help: "The signing key (default: $CASEDESK_ANCHOR_KEY, else ~/.config/casedesk/anchor.key; created if missing)."
    )
    var key: String?
    @Flag(name: .customLong("print"), help: "Only print the anchor; do not append it to the anchors file.")
    var printOnly = false
    @OptionGroup var anchorOptions: AnchorOptions
    @OptionGroup var database: DatabaseOptions

    func keyPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        Self.keyPath(key, environment: environment)
    }

    static func keyPath(_ key: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let key, !key.isEmpty { return key }
        if let path = environment["CASEDESK_ANCHOR_KEY"], !path.isEmpty { return path }
        let config =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".config")
        return (config as NSString).appendingPathComponent("casedesk/anchor.key")
    }

    func run() throws {
        let session = try database.open(now: Date())
        if case .failure(let error) = session.staff.check(.administer) { throw CLIError(error.message.en) }
        let path = keyPath()
        let (signingKey, created): (Curve25519SigningKey, Bool)
        do {
            (signingKey, created) = try Anchor.key(at: path)
        } catch {
            throw CLIError("\(error)")
        }
        if created {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let file = try OutputFile(path: path)
            try file.write(Data(Anchor.stored(signingKey).utf8))
            try file.commit()
            warn("new anchor key at \(path) (keep it off this host's database folder, and back it up)")
        }
        // Never vouch for a chain that already fails.
        let report = try storeCall { try session.database.verify() }
        guard report.isIntact else {
            throw CLIError("the database does not verify (\(report.problems.first ?? "")): nothing was anchored")
        }
        let anchor = try storeCall { try session.database.anchor(now: Date(), key: signingKey) }
        if !printOnly {
            let anchorsPath = anchorOptions.anchorsPath(database: database.resolvedPath())
            var existing = ""
            if FileManager.default.fileExists(atPath: anchorsPath) {
                // An anchors file that cannot be read is never replaced: that would erase its history.
                guard let text = try? String(contentsOfFile: anchorsPath, encoding: .utf8) else {
                    throw CLIError("cannot read the anchors file \(anchorsPath): nothing was anchored")
                }
                existing = text
            }
            let file = try OutputFile(path: anchorsPath, keepingModeOfExisting: true)
            try file.write(
                Data((existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + anchor.line + "\n").utf8))
            try file.commit()
        }
        print(anchor.line)
    }
}

/// When the database's audit chain was last anchored, read from its anchors file (nil if never).
func lastAnchor(database: String) -> Date? {
    let path = AnchorOptions.anchorsPath(nil, database: database)
    guard let text = try? String(contentsOfFile: path, encoding: .utf8), let anchors = try? Anchor.parse(text) else {
        return nil
    }
    return anchors.compactMap { ISO8601Time.date($0.at) }.max()
}
