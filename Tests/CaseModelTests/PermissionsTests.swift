import CaseModel
import Testing

@Suite("Roles and permissions")
struct PermissionsTests {
    /// The expected answer for every role × permission pair, written out so a change to the table is a visible decision.
    static let expected: [StaffRole: Set<Permission>] = [
        .mediator: [
            .view, .take, .release, .urge, .note, .addEvidence, .recordIssue, .step, .recordPartyEvent, .sweep, .rule,
        ],
        .supervisor: [
            .view, .take, .release, .urge, .note, .addEvidence, .recordIssue, .step, .recordPartyEvent, .sweep, .rule,
            .reviewRuling, .decideAppeal,
        ],
        .trainer: [.view, .note],
        .admin: Set(Permission.allCases).subtracting([.observe]),
        .observer: [.view, .observe],
    ]

    @Test(arguments: StaffRole.allCases)
    func everyRoleAndPermissionPairIsAsExpected(role: StaffRole) {
        for permission in Permission.allCases {
            let allowed = Self.expected[role]!.contains(permission)
            #expect(Permissions.allows(role, permission) == allowed, "\(role) × \(permission)")
            let result = StaffMember(name: "x", role: role).check(permission)
            if allowed {
                #expect((try? result.get()) != nil)
            } else {
                guard case .failure(let error) = result else {
                    Issue.record("\(role) × \(permission) should be denied")
                    continue
                }
                #expect(error == .denied(name: "x", role: role, permission: permission))
            }
        }
    }

    @Test func appealDecisionsNeedTheAppealPermission() {
        #expect(Permissions.permission(for: .appealClosed, as: .supervisor) == .decideAppeal)
        #expect(Permissions.permission(for: .rule, as: .mediator) == .step)
        #expect(Permissions.permission(for: .merchantAgrees, as: .merchant) == .recordPartyEvent)
    }

    @Test func deniedMessagesSayWhoAndWhat() {
        let message = PermissionError.denied(name: "chen.jing", role: .trainer, permission: .step).message
        #expect(message.en.contains("chen.jing") && message.en.contains("trainer"))
        #expect(PermissionError.unknownStaff("nobody").message.en.contains("casedesk staff add nobody"))
    }
}
