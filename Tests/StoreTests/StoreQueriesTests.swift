import Foundation
import Testing

@testable import Store

/// History and run look-ups.
struct StoreQueriesTests {
    /// Five runs with the same (injected) timestamp: order comes from the ids alone.
    @Test func historyIsNewestFirst() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        var ids: [Int64] = []
        for pipeline in ["a", "b", "a", "a", "b"] {
            ids.append(try store.beginRun(pipeline: pipeline, started: Sample.started, toolVersion: "0.1.0"))
        }
        try store.failRun(ids[2], finished: Sample.finished, message: "x")
        try store.commitRun(
            ids[3], finished: Sample.finished, stages: [], outputs: [], inputs: [], rejected: [],
            counts: RunCounts(rowsRead: 0, rowsRejected: 0, indicators: 0))

        #expect(try store.history(pipeline: nil).map(\.id) == ids.reversed())
        #expect(try store.history(pipeline: "a").map(\.id) == [ids[3], ids[2], ids[0]])
        #expect(try store.history(pipeline: "a", limit: 2).map(\.id) == [ids[3], ids[2]])
        #expect(try store.history(pipeline: "none").isEmpty)
        #expect(try store.history(pipeline: "a").map(\.status) == [.succeeded, .failed, .running])
        #expect(try store.latestRun(pipeline: "a")?.id == ids[3])
        #expect(try store.latestRun(pipeline: "a", status: .failed)?.id == ids[2])
        #expect(try store.latestRun(pipeline: "a", status: .running)?.id == ids[0])
        #expect(try store.latestRun(pipeline: "b", status: .succeeded) == nil)
        #expect(try store.run(id: 12345) == nil)
        let first = try #require(try store.run(id: ids[0]))
        #expect(first.pipeline == "a")
        #expect(first.started == Sample.started)
        #expect(first.finished == nil)
        #expect(first.toolVersion == "0.1.0")
    }

    @Test func storeIsUsableFromManyThreads() async throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        try await withThrowingTaskGroup(of: Int64.self) { group in
            for i in 0..<16 {
                group.addTask {
                    try store.beginRun(pipeline: "p\(i % 2)", started: Sample.started, toolVersion: "0.1.0")
                }
            }
            var ids = Set<Int64>()
            for try await id in group { ids.insert(id) }
            #expect(ids.count == 16)
        }
        #expect(try store.history(pipeline: nil).count == 16)
    }
}
