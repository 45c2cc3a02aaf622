import CaseInterchange
import CaseModel
import CaseTraining
import Foundation
import GRDB
import StoreTestSupport
import Testing

@testable import CaseStore
@testable import CaseStoreSQLite

@Suite("Keyset-paged queue in deadline order")
struct QueueTests {
    /// 400 cases: deadlines spread over ±10 days with many ties, every seventh without a deadline.
    func populated() throws -> CaseDatabase {
        let database = try CaseDatabase.inMemory()
        var generator = SplitMix(seed: 42)
        for index in 0..<400 {
            let deadline: Date? =
                index % 7 == 0 ? nil : pinnedNow.addingTimeInterval(Double(generator.next() % 480 - 240) * 3600)
            try database.insertCase(sampleCase(title: "case \(index)", deadline: deadline), actor: "seed")
        }
        return database
    }

    func expectedOrder(_ database: CaseDatabase) throws -> [Int64] {
        let all = try (1...400).compactMap { try database.fetchCase(id: Int64($0)) }
        return all.sorted { lhs, rhs in
            let l = lhs.stageDeadline.map { $0.timeIntervalSince1970 } ?? .infinity
            let r = rhs.stageDeadline.map { $0.timeIntervalSince1970 } ?? .infinity
            return l == r ? lhs.id < rhs.id : l < r
        }.map(\.id)
    }

    @Test func pagingForwardVisitsEveryCaseOnceInDeadlineOrder() throws {
        let database = try populated()
        var seen: [Int64] = []
        var cursor: QueueCursor?
        while true {
            let page = try database.queuePage(after: cursor, limit: 37)
            seen += page.map(\.id)
            guard let last = page.last, page.count == 37 else { break }
            cursor = last.cursor
        }
        #expect(seen == (try expectedOrder(database)))
        #expect(try database.caseCount() == 400)
    }

    @Test func pagingBackwardFromTheEndGivesTheSameOrder() throws {
        let database = try populated()
        var seen: [Int64] = []
        var cursor: QueueCursor?
        while true {
            let page = try database.queuePage(before: cursor, limit: 41)
            seen = page.map(\.id) + seen
            guard let first = page.first, page.count == 41 else { break }
            cursor = first.cursor
        }
        #expect(seen == (try expectedOrder(database)))
    }

    @Test func positionCountsTheRowsBefore() throws {
        let database = try populated()
        let order = try expectedOrder(database)
        let page = try database.queuePage(limit: 400)
        for index in [0, 1, 57, 342, 399] {
            #expect(try database.queuePosition(of: page[index].cursor) == index)
            #expect(page[index].id == order[index])
        }
    }

    static let seeks: [CaseDatabase.Seek] = [.tiesAfter, .tiesFrom, .keysAfter, .tiesBefore, .keysBefore, .head, .tail]

    /// Every queue statement, in every order, with and without a filter, walks its order's index and never sorts.
    @Test(arguments: QueueOrder.allCases)
    func queueStatementsUseTheirIndexWithoutSorting(order: QueueOrder) throws {
        let database = try populated()
        var filtered = QueueQuery(order: order)
        filtered.stages = [.merchantResponse, .evidence]
        filtered.minClaim = .yuan(10)
        for query in [QueueQuery(order: order), filtered] {
            for seek in Self.seeks {
                let sql = CaseDatabase.sql(seek, query)
                let placeholders = sql.filter { $0 == "?" }.count
                let plan = try database.writer.read { db in
                    try Row.fetchAll(
                        db, sql: "EXPLAIN QUERY PLAN " + sql,
                        arguments: StatementArguments(Array(repeating: "1", count: placeholders))
                    ).map { row -> String in row["detail"] }.joined(separator: " ")
                }
                #expect(plan.contains("INDEX \(order.index)"), "\(seek) \(order): \(plan)")
                #expect(!plan.contains("TEMP B-TREE"), "\(seek) \(order): \(plan)")
            }
        }
    }

    /// For every order and a filter, paging forward and backward gives exactly the filtered, sorted list.
    @Test(arguments: QueueOrder.allCases)
    func pagingAFilteredQueueInEveryOrderMatchesAPlainSort(order: QueueOrder) throws {
        let database = try populated()
        var query = QueueQuery(order: order)
        query.stages = [.merchantResponse]
        query.maxClaim = Money(fen: 429_900)
        let all = try database.queuePage(limit: 1_000)
        let expected = all.filter { $0.stage == .merchantResponse && $0.claimAmount.fen <= 429_900 }
            .sorted { ($0.cursor(order).key, $0.id) < ($1.cursor(order).key, $1.id) }.map(\.id)
        var forward: [Int64] = []
        var cursor: QueueCursor?
        while true {
            let page = try database.queuePage(query, after: cursor, limit: 23)
            forward += page.map(\.id)
            guard let last = page.last, page.count == 23 else { break }
            cursor = last.cursor(order)
        }
        #expect(forward == expected)
        var backward: [Int64] = []
        cursor = nil
        while true {
            let page = try database.queuePage(query, before: cursor, limit: 19)
            backward = page.map(\.id) + backward
            guard let first = page.first, page.count == 19 else { break }
            cursor = first.cursor(order)
        }
        #expect(backward == expected)
        #expect(try database.queueCount(query) == expected.count)
    }
}
