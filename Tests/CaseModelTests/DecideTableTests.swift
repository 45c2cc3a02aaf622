import CaseModel
import Foundation
import Testing

/// `decide` for every intent × stage × role, against a table of where each intent is accepted.
@Suite("decide: every intent × stage × role")
struct DecideTableTests {
    static let now = Date(timeIntervalSince1970: 1_795_766_400)  // 2026-11-27T08:00:00Z
    static let mediator = StaffMember(name: "lin.mei", role: .mediator)

    /// A pack with a clock and a default outcome on every stage that has one, and no review sampling.
    static let pack: RulePack = {
        func rule(_ stage: Stage, _ event: LifecycleEvent?) -> StageRule {
            StageRule(
                stage: stage, deadline: .hours(24), onExpiry: event,
                outcome: event.map { LocalizedText(en: $0.rawValue, zh: $0.rawValue) })
        }
        let rules = [
            rule(.filed, .route), rule(.merchantResponse, .merchantSilent), rule(.negotiation, .buyerSilent),
            rule(.intervention, .decideOnRecord), rule(.evidence, .evidenceClosed), rule(.decision, nil),
            rule(.execution, .executed), rule(.appealWindow, .appealLapsed), rule(.suspended, .resume),
        ]
        return RulePack(
            id: "marketplace", version: 1, name: LocalizedText(en: "Test", zh: "测试"),
            calendar: WorkingCalendar(timeZone: TimeZone(identifier: "UTC")!),
            stages: Dictionary(uniqueKeysWithValues: rules.map { ($0.stage, $0) }),
            review: ReviewPolicy(amountOver: .yuan(2000), platformInterest: false, samplePercent: 0))
    }()
    static let rules = RulePackCatalog([pack], catalogue: rulingCatalogue)

    /// Where each intent is accepted when the acting person may do it, given the case file it is tried on.
    enum Accepts {
        case everywhere, openStages
        case only(Set<Stage>)
        case lifecycle(LifecycleEvent)
    }

    /// One row of the table: the intent, the file it is tried on, the permission it needs, where it is accepted.
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var intent: CaseIntent
        var permission: Permission
        var accepts: Accepts
        var file: @Sendable (Stage) -> CaseFile
        var testDescription: String { name }
    }

    static func file(_ stage: Stage, assignee: String? = "lin.mei", flags: Set<CaseFlag> = []) -> CaseFile {
        let item = Case(
            id: 7, title: "收到的手机屏幕碎裂", category: .damaged, requestType: .refundOnly,
            buyer: Party(account: "b", name: "王磊"), merchant: Party(account: "m", name: "极客手机专营店"),
            orderID: "1", orderAmount: .yuan(1299), claimAmount: .yuan(120), stage: stage,
            stageDeadline: stage.isTerminal ? nil : now.addingTimeInterval(-60),
            suspendedFrom: stage == .suspended ? .intervention : nil, pausedRemaining: stage == .suspended ? 3600 : nil,
            rulePack: "marketplace@1", assignee: assignee, createdAt: now.addingTimeInterval(-86_400), flags: flags)
        return CaseFile(
            item: item,
            evidence: [
                Evidence(
                    id: 1, caseID: 7, kind: .photo, source: .buyer, description: "照片", sha256: "ab", submittedAt: now)
            ],
            issues: [DisputeIssue(id: 1, caseID: 7, kind: .visibleDefect, description: "屏幕碎裂")],
            next: NextIDs(evidence: 2, issue: 2, request: 1, ruling: 2, obligation: 2, appeal: 2))
    }

    /// A file with a ruling by lin.mei waiting for review.
    static func pendingReview(_ stage: Stage) -> CaseFile {
        var file = file(stage, flags: [.reviewPending])
        file.decisions.rulings = [
            Ruling(
                id: 1, caseID: 7, revision: 1, mediator: "lin.mei", draft: goodDraft(), favours: .buyer,
                status: .pendingReview, reviewReason: "sample", createdAt: now)
        ]
        return file
    }

    /// A file with lin.mei's ruling in force, an open overdue obligation, and the buyer's appeal open.
    static func decided(_ stage: Stage) -> CaseFile {
        var file = file(stage)
        file.decisions.rulings = [
            Ruling(
                id: 1, caseID: 7, revision: 1, mediator: "lin.mei", draft: goodDraft(), favours: .buyer,
                status: .final, createdAt: now)
        ]
        file.decisions.obligations = [
            Obligation(
                id: 1, caseID: 7, rulingID: 1, obligor: .merchant, task: "refund", amount: .yuan(120),
                dueAt: now.addingTimeInterval(-60))
        ]
        file.decisions.appeals = [
            Appeal(id: 1, caseID: 7, rulingID: 1, party: .buyer, grounds: "不服", filedAt: now)
        ]
        return file
    }

    static let rows: [Row] = [
        Row(name: "take", intent: .take, permission: .take, accepts: .everywhere) { file($0, assignee: nil) },
        Row(name: "release", intent: .release, permission: .release, accepts: .everywhere) { file($0) },
        Row(name: "note", intent: .note("买家来电"), permission: .note, accepts: .everywhere) { file($0) },
        Row(name: "urge", intent: .urge(.merchant, message: "请回复"), permission: .urge, accepts: .openStages) {
            file($0)
        },
        Row(name: "priority", intent: .setPriority(1), permission: .step, accepts: .everywhere) { file($0) },
        Row(name: "flag", intent: .setFlag(.courtRisk, on: true), permission: .step, accepts: .everywhere) {
            file($0)
        },
        Row(
            name: "add evidence",
            intent: .addEvidence(kind: .chatLog, source: .platform, description: "聊天记录", sha256: "cd"),
            permission: .addEvidence, accepts: .everywhere
        ) { file($0) },
        Row(
            name: "add issue",
            intent: .addIssue(
                kind: .counterfeit, description: "是否假货", buyerConfirmedReceipt: false, durableWithinSixMonths: false),
            permission: .recordIssue, accepts: .everywhere
        ) { file($0) },
        Row(
            name: "link evidence", intent: .linkEvidence(issueID: 1, evidenceID: 1), permission: .recordIssue,
            accepts: .everywhere
        ) { file($0) },
        Row(
            name: "finding", intent: .recordFinding(issueID: 1, finding: .proven, note: "照片"),
            permission: .recordIssue, accepts: .everywhere
        ) { file($0) },
        Row(name: "suspend", intent: .step(.suspend), permission: .step, accepts: .lifecycle(.suspend)) { file($0) },
        Row(
            name: "escalate for the buyer", intent: .step(.escalate, for: .buyer), permission: .recordPartyEvent,
            accepts: .lifecycle(.escalate)
        ) { file($0, assignee: nil) },
        Row(
            name: "request evidence", intent: .requestEvidence(from: .merchant, what: "发货视频"), permission: .step,
            accepts: .only([.intervention, .evidence])
        ) { file($0) },
        Row(name: "rule", intent: .submitRuling(goodDraft()), permission: .rule, accepts: .only([.decision])) {
            file($0)
        },
        Row(
            name: "approve", intent: .reviewRuling(approve: true, comment: ""), permission: .reviewRuling,
            accepts: .only([.decision])
        ) { pendingReview($0) },
        Row(
            name: "observe",
            intent: .observe(
                observer: StaffMember(name: "observer.one", role: .observer), named: "observer.one", statement: "同意"),
            permission: .rule,
            accepts: .openStages
        ) { file($0, flags: [.platformInterest]) },
        Row(name: "fulfil", intent: .fulfil(obligationID: 1, note: "退款单 R1"), permission: .step, accepts: .everywhere) {
            decided($0)
        },
        Row(
            name: "decide appeal", intent: .decideAppeal(.uphold, terms: nil, reasons: "原裁决正确"),
            permission: .decideAppeal, accepts: .only([.appealReview])
        ) { decided($0) },
        Row(
            name: "merchant responds",
            intent: .party(PartyEntry(party: .merchant, action: .respond, note: "已发货")),
            permission: .recordPartyEvent, accepts: .only(PartyAction.respond.recordedIn)
        ) { file($0) },
        Row(name: "expire", intent: .expire, permission: .sweep, accepts: .everywhere) { file($0) },
        Row(name: "default", intent: .defaultObligation(1), permission: .sweep, accepts: .everywhere) { decided($0) },
    ]

    /// Someone with the role who is neither the ruling's mediator nor the assignee when that matters.
    static func member(_ role: StaffRole) -> StaffMember {
        role == .mediator ? mediator : StaffMember(name: "\(role.rawValue).one", role: role)
    }

    static func accepted(_ row: Row, in stage: Stage, by member: StaffMember) -> Bool {
        switch row.accepts {
        case .everywhere: return true
        case .openStages: return stage.isOpen
        case .only(let stages): return stages.contains(stage)
        case .lifecycle(let event):
            let actor: ActorKind =
                row.permission == .recordPartyEvent ? .buyer : Permissions.actorKind(for: member.role)
            let file = row.file(stage)
            if actor == .buyer, let deadline = file.item.stageDeadline, now > deadline,
                pack.rule(for: stage)?.onExpiry != nil
            {
                return false  // a party too late: the default outcome governs
            }
            return (try? Lifecycle.apply(event, to: stage, by: actor, suspendedFrom: file.item.suspendedFrom).get())
                != nil
        }
    }

    @Test(arguments: rows, Stage.allCases)
    func everyRoleGetsWhatTheTableSays(row: Row, stage: Stage) throws {
        for role in StaffRole.allCases {
            let member = Self.member(role)
            let file = row.file(stage)
            let result = CaseDecider.decide(row.intent, on: file, by: .staff(member), at: Self.now, rules: Self.rules)
            let label = "\(row.name) in \(stage.rawValue) by a \(role.rawValue)"
            // An observer signs off in person under their own permission; case workers record it under `rule`.
            let permission = row.name == "observe" && role == .observer ? Permission.observe : row.permission
            guard Permissions.allows(role, permission) && Permissions.allows(role, .view) else {
                #expect(
                    result == .failure(.permission(.denied(name: member.name, role: role, permission: permission)))
                        || result
                            == .failure(.permission(.denied(name: member.name, role: role, permission: .view))),
                    "\(label): \(result)")
                continue
            }
            if Self.accepted(row, in: stage, by: member) {
                let events = try #require(try? result.get(), "\(label): \(result)")
                // Every move an accepted intent makes starts from the case's stage and never leaves a final one.
                var at = file.item.stage
                for move in events.compactMap(\.move) {
                    #expect(move.from == at, "\(label)")
                    at = move.to
                }
                #expect(stage.isOpen || events.allSatisfy { $0.move == nil }, "\(label)")
                // An intent that numbers new records reads a part of the file, so the store loads the next numbers.
                let numbered: Set<String> = [
                    "evidence_added", "issue_added", "evidence_requested", "ruled", "obligation_created",
                    "appeal_filed",
                ]
                #expect(!events.contains { numbered.contains($0.kind) } || !row.intent.reads.isEmpty, "\(label)")
            } else {
                guard case .failure(let error) = result else {
                    // Nothing to do is not a refusal: an expired clock with no default, say.
                    #expect(try result.get().isEmpty, "\(label) should be refused")
                    continue
                }
                if case .permission = error { Issue.record("\(label): refused for permission, not the rules") }
            }
            // Pure: the same question gets the same answer.
            #expect(
                CaseDecider.decide(row.intent, on: file, by: .staff(member), at: Self.now, rules: Self.rules) == result,
                "\(label)")
        }
    }

    @Test func theSweeperActsWithoutARole() throws {
        let events = try CaseDecider.decide(
            .expire, on: Self.file(.merchantResponse), by: .system("sweeper"), at: Self.now, rules: Self.rules
        ).get()
        guard case .deadlineExpired(let event, _, _, _, let move)? = events.first else {
            Issue.record("no expiry: \(events)")
            return
        }
        #expect(event == .merchantSilent && move.from == .merchantResponse)
    }

    @Test func aRulingInForceFoldsIntoExecutionWithItsObligations() throws {
        let file = Self.file(.decision)
        let events = try CaseDecider.decide(
            .submitRuling(goodDraft()), on: file, by: .staff(Self.mediator), at: Self.now, rules: Self.rules
        ).get()
        #expect(events.map(\.kind) == ["ruled", "stepped", "obligation_created"])
        var folded = file
        for event in events { folded.apply(event, at: Self.now, by: "lin.mei") }
        #expect(folded.item.stage == .execution)
        #expect(folded.decisions.inForce?.id == 2)
        #expect(folded.decisions.obligations.map(\.id) == [2])
        #expect(folded.issues.first?.finding == .proven)
        #expect(folded.item.stageDeadline == folded.decisions.obligations.first?.dueAt)
    }
}

extension CaseIntent: CustomTestStringConvertible {
    public var testDescription: String { String(describing: self).prefix(60).description }
}
