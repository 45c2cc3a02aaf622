import ArgumentParser
import CaseInterchange
import CaseModel
import CaseStore
import CaseStoreSQLite
import CaseTUI
import CaseTraining
import Foundation

/// `casedesk case show ID [--json]`: the case, its clock, evidence and audit trail.
struct CaseShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a case: stage, deadline and what happens on expiry, evidence, audit trail."
    )

    @Argument(help: "The case number.") var id: Int64
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "The time to count down from (ISO 8601); default now.") var now: String?

    func run() throws {
        let rules = try loadRules()
        let session = try database.open(at: now)
        let (db, instant) = (session.database, session.now)
        let view = try storeCall { () throws -> CaseView in
            guard let item = try db.fetchCase(id: id) else { throw StoreError.caseNotFound(id) }
            return CaseView(
                item: item, pack: rules.pack(item.rulePack), evidence: try db.evidence(caseID: id),
                issues: try db.issues(caseID: id), requests: try db.evidenceRequests(caseID: id),
                decisions: try db.decisions(caseID: id), audit: try db.auditTrail(caseID: id), now: instant)
        }
        if json {
            try printJSON(view.json)
        } else {
            print(view.text)
        }
    }
}

/// `casedesk case evidence ID ITEM [--out FILE]`: one evidence item's content, byte for byte.
struct CaseEvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "Print or save one evidence item's content (checked against its SHA-256).",
        discussion: """
            Piped or saved with --out, the bytes are exact (the file is 0600, replaced only when whole). \
            On a terminal, text is shown with control characters removed; other content must be saved.
            """)

    @Argument(help: "The case number.") var id: Int64
    @Argument(help: "The evidence item's number (see `case show`).") var item: Int64
    @Option(help: "Save the content to this file instead of printing it.") var out: String?
    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let session = try database.open(at: nil)
        let db = session.database
        let (evidence, content) = try storeCall { () throws -> (Evidence, Data) in
            guard try db.fetchCase(id: id) != nil else { throw StoreError.caseNotFound(id) }
            guard let evidence = try db.evidence(caseID: id).first(where: { $0.id == item }),
                let content = try db.evidenceContent(caseID: id, evidenceID: item)
            else { throw CLIError("case #\(id) has no evidence item #\(item); `casedesk case show \(id)` lists them") }
            return (evidence, content)
        }
        guard Hashing.sha256Hex(content) == evidence.sha256 else {
            throw CLIError(
                "evidence #\(item) of case #\(id) does not match its recorded SHA-256 \(evidence.sha256): "
                    + "run `casedesk verify`")
        }
        if let out {
            let file = try OutputFile(path: out)
            try file.write(content)
            try file.commit()
            print("evidence #\(item) (\(content.count) bytes, sha256 \(evidence.sha256)) saved to \(out)")
        } else if isatty(STDOUT_FILENO) == 1 {
            guard let text = String(data: content, encoding: .utf8), !text.contains("\u{0}") else {
                throw CLIError(
                    "evidence #\(item) is \(content.count) bytes of non-text content: save it with --out FILE")
            }
            print(text)
        } else {
            do {
                try OutputFile.writeAll(content, to: STDOUT_FILENO)
            } catch {
                throw CLIError("cannot write the evidence to standard output: \(error)")
            }
        }
    }
}

/// A case as `case show` prints it.
struct CaseView {
    let item: Case
    let pack: RulePack?
    let evidence: [Evidence]
    let issues: [DisputeIssue]
    let requests: [EvidenceRequest]
    let decisions: CaseDecisions
    let audit: [AuditEntry]
    let now: Date

    var expiry: StageRule? { pack.flatMap { item.expiryRule(in: $0) } }

    /// The JSON shape of the case (`case show --json`).
    var json: CaseJSON {
        CaseJSON(
            CaseFile(item: item, evidence: evidence, issues: issues, requests: requests, decisions: decisions),
            expiry: expiry,
            audit: audit.map {
                AuditJSON(
                    id: $0.id, at: $0.at, actor: $0.actor, login: $0.login, action: $0.action, detail: $0.detail,
                    hash: $0.hash)
            }, now: now)
    }

    var text: String {
        var lines = ["#\(item.id) \(item.title)"]
        var stage = "Stage     \(item.stage.rawValue)"
        if let deadline = item.stageDeadline, item.stage.isOpen {
            stage += " · \(Countdown(deadline: deadline, now: now).text()) · deadline \(ISO8601Time.string(deadline))"
        }
        lines.append(stage)
        if let rule = expiry, let event = rule.onExpiry {
            lines.append("On expiry \(rule.outcome?.en ?? event.rawValue) (\(event.rawValue), \(item.rulePack))")
        }
        if let from = item.suspendedFrom {
            let left = item.pausedRemaining.map { " with \($0)s left on its clock" } ?? ""
            lines.append("Suspended from \(from.rawValue)\(left)")
        }
        lines.append("Buyer     \(item.buyer.name) (\(item.buyer.account))")
        lines.append("Merchant  \(item.merchant.name) (\(item.merchant.account))")
        lines.append(
            "Order     \(item.orderID) · paid \(item.orderAmount.formatted) · claim \(item.claimAmount.formatted)")
        lines.append(
            "Assignee  \(item.assignee ?? "unassigned") · rule pack \(item.rulePack) · version \(item.version)")
        let flagText =
            item.flags.isEmpty ? "" : " · flags " + item.flags.sorted().map(\.rawValue).joined(separator: ", ")
        lines.append("Priority  \(item.priority)\(flagText)")
        let steps = Lifecycle.events(from: item.stage).map(\.rawValue).joined(separator: ", ")
        lines.append("Steps     \(steps.isEmpty ? "none (final stage)" : steps)")
        lines.append("")
        lines.append(item.narrative)
        lines.append("")
        lines.append("Evidence (\(evidence.count))")
        for e in evidence {
            lines.append(
                "  #\(e.id) \(e.kind.rawValue) from \(e.source.rawValue) \(ISO8601Time.string(e.submittedAt)) \(e.shortHash) \(e.description)"
            )
        }
        if !issues.isEmpty {
            lines.append("")
            lines.append("Points in dispute (\(issues.count))")
            for issue in issues {
                let evidence = issue.evidenceIDs.map { "#\($0)" }.joined(separator: " ")
                let finding = issue.finding.map { "\($0.rawValue): \(issue.findingNote ?? "")" } ?? "no finding yet"
                lines.append(
                    "  #\(issue.id) \(issue.kind.rawValue) · burden on the \(issue.burden.rawValue) · evidence \(evidence.isEmpty ? "none" : evidence) · \(finding)"
                )
                lines.append("     \(issue.description)")
            }
        }
        if !requests.isEmpty {
            lines.append("")
            lines.append("Evidence requests (\(requests.count))")
            for request in requests {
                let state = now <= request.dueAt ? "open" : "closed"
                lines.append(
                    "  #\(request.id) to the \(request.party.rawValue), due \(ISO8601Time.string(request.dueAt)) (\(state)): \(request.what)"
                )
            }
        }
        lines.append(contentsOf: DecisionText.lines(decisions, now: now))
        lines.append("")
        lines.append("Audit trail")
        for a in audit {
            // The real login, when someone acted as another person.
            let login = a.login.flatMap { $0 == a.actor ? nil : " [login \($0)]" } ?? ""
            lines.append("  \(ISO8601Time.string(a.at)) \(a.actor)\(login) \(a.action): \(a.detail)")
        }
        // Case data is untrusted: no escape sequence reaches the terminal.
        return lines.map(Sanitizer.clean).joined(separator: "\n")
    }
}
