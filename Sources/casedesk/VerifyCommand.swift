import ArgumentParser
import CaseInterchange
import CaseStore
import CaseStoreSQLite
import CaseTraining
import Foundation

/// `casedesk verify`: is the record intact, fit to show a court?
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check SQLite integrity, foreign keys, the audit hash chain and every evidence hash.",
        discussion: "Exits 0 when all is intact; otherwise names the first broken record and exits 1.")

    @Flag(help: "Also check the anchors file (see `casedesk anchor`); a missing file is an error.")
    var withAnchors = false
    @Option(help: "Check against this anchors file (implies --with-anchors).") var anchors: String?
    @Option(help: "Trust only anchors signed by this public key (base64, as `casedesk anchor` prints it).")
    var publicKey: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let session = try database.open(now: Date())
        var report = try storeCall { try session.database.verify() }
        var anchored = ""
        if withAnchors || anchors != nil {
            let path = AnchorOptions.anchorsPath(anchors, database: database.resolvedPath())
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CLIError("cannot read the anchors file \(path)")
            }
            let list: [Anchor]
            do {
                list = try Anchor.parse(text)
            } catch {
                throw CLIError("\(path): \(error)")
            }
            // Anchors prove something only against a key the attacker does not hold: the one named,
            // else the public half of the local signing key (kept outside the database's folder).
            let environment = ProcessInfo.processInfo.environment
            guard
                let trusted = publicKey ?? environment["CASEDESK_ANCHOR_PUBLIC_KEY"].flatMap({ $0.isEmpty ? nil : $0 })
                    ?? Anchor.publicKey(at: AnchorCommand.keyPath(nil))
            else {
                throw CLIError(
                    "name the key the anchors must be signed by: --public-key KEY (as `casedesk anchor` prints it) "
                        + "or $CASEDESK_ANCHOR_PUBLIC_KEY")
            }
            if list.isEmpty { report.problems.append("\(path) holds no anchor") }
            report.problems += try storeCall { try session.database.problems(with: list, publicKey: trusted) }
            if let last = list.max(by: { $0.records < $1.records }) {
                anchored = "; \(list.count) anchor(s) hold, the latest of \(last.at) at record #\(last.records)"
            }
        }
        // A rehearsal database's clock was set by hand: say so, so no one takes its dates for real ones.
        if session.simulated { anchored += "; a SIMULATED database (its clock was set with --now)" }
        if report.isIntact {
            print(
                "intact: \(report.auditRecords) audit records, \(report.evidenceItems) evidence items, \(report.rulings) rulings\(anchored)"
            )
            return
        }
        for problem in report.problems {
            warn("\(problem)")
        }
        print("BROKEN: \(report.problems.first ?? "")")
        throw ExitCode(1)
    }
}
