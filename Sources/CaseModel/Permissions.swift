/// Something a staff member may or may not do; every command needs one.
public enum Permission: String, CaseIterable, Sendable {
    /// See the queue and cases.
    case view
    /// Claim or give back a case.
    case take, release
    /// Urge a slow party.
    case urge
    /// Add a note or evidence, link evidence, record points in dispute.
    case note
    case addEvidence = "add_evidence"
    case recordIssue = "record_issue"
    /// Take a lifecycle step as staff (request evidence, rule, suspend, refer…).
    case step
    /// Enter a buyer's or merchant's event on their behalf, or import a feed of them.
    case recordPartyEvent = "record_party_event"
    /// Write and submit a ruling on a case in decision, and record an observer's sign-off.
    case rule
    /// Approve a ruling, or return it for revision (never one's own).
    case reviewRuling = "review_ruling"
    /// Decide an appeal (uphold, modify, overturn).
    case decideAppeal = "decide_appeal"
    /// Sign off in person as a platform-interest case's independent observer.
    case observe
    /// Apply expired deadlines' default outcomes.
    case sweep
    /// Register staff and choose the database's rule pack.
    case administer
}

extension Permission {
    /// What the permission allows, as a sentence ends: "may not take lifecycle steps".
    public var phrase: LocalizedText {
        switch self {
        case .view: LocalizedText(en: "view cases", zh: "查看案件")
        case .take: LocalizedText(en: "take cases", zh: "领取案件")
        case .release: LocalizedText(en: "release cases", zh: "释放案件")
        case .urge: LocalizedText(en: "urge parties", zh: "督促当事人")
        case .note: LocalizedText(en: "add notes", zh: "添加备注")
        case .addEvidence: LocalizedText(en: "add evidence", zh: "添加证据")
        case .recordIssue: LocalizedText(en: "record points in dispute", zh: "记录争议焦点")
        case .step: LocalizedText(en: "take lifecycle steps", zh: "推进案件流程")
        case .recordPartyEvent: LocalizedText(en: "record party events", zh: "代录当事人操作")
        case .rule: LocalizedText(en: "write rulings", zh: "作出裁决")
        case .reviewRuling: LocalizedText(en: "review rulings", zh: "审核裁决")
        case .decideAppeal: LocalizedText(en: "decide appeals", zh: "裁决申诉")
        case .observe: LocalizedText(en: "sign off as an independent observer", zh: "以独立观察员身份签署")
        case .sweep: LocalizedText(en: "apply expired deadlines", zh: "执行超时处理")
        case .administer: LocalizedText(en: "administer staff and rule packs", zh: "管理人员和规则包")
        }
    }
}

/// Why a staff member was refused.
public enum PermissionError: Error, Equatable, Sendable {
    /// The person is not registered in this database.
    case unknownStaff(String)
    /// The role does not give the permission.
    case denied(name: String, role: StaffRole, permission: Permission)

    /// A message that says what to do about it, in both languages.
    public var message: LocalizedText {
        switch self {
        case .unknownStaff(let name):
            LocalizedText(
                en: "\(name) is not registered in this database; ask an admin to run "
                    + "`casedesk staff add \(name) --role mediator`, or act as a registered person with --as NAME",
                zh: "\(name) 尚未在本数据库登记；请管理员执行 `casedesk staff add \(name) --role mediator`，或用 --as 指定已登记人员")
        case .denied(let name, let role, let permission):
            LocalizedText(
                en: "\(name) is a \(role.rawValue) and may not \(permission.phrase.en)",
                zh: "\(name)（\(role.rawValue)）无权\(permission.phrase.zh)")
        }
    }
}

/// Who may do what: the one table every command checks, in the store as well as in the console.
public enum Permissions {
    static let caseWork: Set<Permission> = [
        .view, .take, .release, .urge, .note, .addEvidence, .recordIssue, .step, .recordPartyEvent, .sweep, .rule,
    ]

    /// The permissions of each role.
    public static let table: [StaffRole: Set<Permission>] = [
        .mediator: caseWork,
        .supervisor: caseWork.union([.reviewRuling, .decideAppeal]),
        // Trainers teach on sandbox databases; in a production database they look, and note.
        .trainer: [.view, .note],
        // The first user of a database is its admin and can do everything, so a new
        // installation is usable at once; admins register the real team. Signing off as an
        // independent observer is the one thing an admin is not: the platform's own staff.
        .admin: Set(Permission.allCases).subtracting([.observe]),
        // An observer from outside the platform (a consumer association's member) reads the case
        // and signs off on it; they take no part in working it.
        .observer: [.view, .observe],
    ]

    /// Whether a role has a permission.
    public static func allows(_ role: StaffRole, _ permission: Permission) -> Bool {
        table[role]?.contains(permission) ?? false
    }

    /// The permission a lifecycle step needs.
    public static func permission(for event: LifecycleEvent, as kind: ActorKind) -> Permission {
        switch kind {
        case .buyer, .merchant: return .recordPartyEvent
        case .sweeper, .system: return .sweep
        case .mediator, .supervisor:
            switch event {
            case .appealUpheldForExecution, .appealClosed: return .decideAppeal
            default: return .step
            }
        }
    }

    /// The lifecycle actor a staff role acts as.
    public static func actorKind(for role: StaffRole) -> ActorKind {
        role == .supervisor || role == .admin ? .supervisor : .mediator
    }
}

/// A registered member of staff.
public struct StaffMember: Hashable, Codable, Sendable {
    /// The login name.
    public var name: String
    /// What they do.
    public var role: StaffRole

    /// Creates a staff member.
    public init(name: String, role: StaffRole) {
        self.name = name
        self.role = role
    }

    /// Whether this person has a permission, or why not.
    public func check(_ permission: Permission) -> Result<Void, PermissionError> {
        Permissions.allows(role, permission)
            ? .success(()) : .failure(.denied(name: name, role: role, permission: permission))
    }
}
