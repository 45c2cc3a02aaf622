import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("Full-text search, Chinese and English")
struct SearchTests {
    @Test func chineseIsIndexedAsBigramsWithTheLastCharacter() {
        #expect(SearchText.indexed("退款申请") == "退款 款申 申请 请")
        #expect(SearchText.indexed("iPhone退款") == "iPhone 退款 款")
        #expect(SearchText.indexed("假") == "假")
    }

    @Test(
        arguments: [
            ("退款", "\"退款\""), ("退款申请", "\"退款 款申 申请\""), ("假", "\"假\"*"), ("shoes", "\"shoes\"*"),
            ("羽绒服 90%", "\"羽绒 绒服\" AND \"90\"*"), ("\" OR 1=1 --", "\"OR\"* AND \"1 1\"*"), ("   ", nil),
        ] as [(String, String?)])
    func queriesBecomeQuotedPhrases(text: String, query: String?) {
        #expect(SearchText.query(text) == query)
    }

    func examples() throws -> CaseDatabase {
        let database = try CaseDatabase.withStaff()
        try database.loadExamplesIfEmpty(now: pinnedNow)
        return database
    }

    @Test(
        arguments: [
            ("羽绒服", [3]), ("含绒量", [3]), ("屏幕碎裂", [2]), ("鞋", [4]), ("仿冒", [4]), ("鉴定", [4]),
            ("headphones", [10]), ("Laptop CPU", [11]), ("陈曦", [1]), ("buyer_raj_k", [11]),
            ("开箱视频", [2]), ("不存在的词", []),
        ] as [(String, [Int64])])
    func findsCasesByTitleNarrativePartiesAndEvidence(text: String, ids: [Int64]) throws {
        let found = try examples().search(text).map(\.id)
        #expect(found == ids, "\(text)")
    }

    @Test func hostileQueriesAreJustText() throws {
        let database = try examples()
        for text in ["\"", "*", "NEAR(a b)", "a:b", "退款\" OR \"", "^", "(", "\u{1B}[2J"] {
            _ = try database.search(text)
        }
    }

    @Test func newCasesAndEvidenceAreSearchableAtOnce() throws {
        let database = try examples()
        let filed = try database.insertCase(sampleCase(title: "空气炸锅冒烟"), actor: "seed")
        #expect(try database.search("冒烟").map(\.id) == [filed.id])
        try database.addEvidence(
            caseID: filed.id, kind: .testReport, source: .appraiser, description: "质检报告：外壳温升超标",
            content: Data("r".utf8), at: pinnedNow, by: mediator)
        #expect(try database.search("温升超标").map(\.id) == [filed.id])
    }

    @Test func aNULOrAHugeFieldDoesNotHideTheRestOfTheText() throws {
        let database = try examples()
        var hostile = sampleCase(title: "恶意\u{0}标题")
        hostile.narrative = "\u{0}\u{1B}[2J" + String(repeating: "很长的叙述", count: 50_000) + " 结尾的关键词"
        let filed = try database.insertCase(hostile, actor: "seed")
        #expect(try database.search("很长的叙述").map(\.id) == [filed.id])
        #expect(try database.search("结尾的关键词").map(\.id) == [filed.id])
        #expect(try database.search("标题").map(\.id).contains(filed.id))
    }
}
