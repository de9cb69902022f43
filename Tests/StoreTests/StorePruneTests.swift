import ApenCore
import Foundation
import Testing

@testable import Store

struct StorePruneTests {
    func commit(_ store: Store, _ pipeline: String, key: String, value: Double, action: StageAction = .ran) throws
        -> Int64
    {
        let run = try store.beginRun(pipeline: pipeline, started: Sample.started, toolVersion: "0.1.0")
        let row = IndicatorRow(indicator: "survey.index", municipality: "5001", year: 2019, value: value, n: 1)
        try store.commitRun(
            run, finished: Sample.finished, stages: [StageRecord(stage: "indicators", key: key, action: action)],
            outputs: action == .ran ? [StageOutput(stage: "indicators", key: key, results: [row])] : [],
            inputs: [], rejected: [], counts: RunCounts(rowsRead: 1, rowsRejected: 0, indicators: 1))
        return run
    }

    @Test func keepsTheNewestRunsAndTheOutputsTheyUse() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        // Pipeline a: k1, k2, k2 (skipped), then a failed run; pipeline b: k3.
        let a1 = try commit(store, "a", key: "k1", value: 1)
        let a2 = try commit(store, "a", key: "k2", value: 2)
        let a3 = try commit(store, "a", key: "k2", value: 2, action: .skipped)
        let a4 = try store.beginRun(pipeline: "a", started: Sample.started, toolVersion: "0.1.0")
        try store.failRun(a4, finished: Sample.finished, message: "x")
        let b1 = try commit(store, "b", key: "k3", value: 3)
        let running = try store.beginRun(pipeline: "a", started: Sample.started, toolVersion: "0.1.0")

        // Keeping 1 per pipeline: a4 (newest finished), a3 (newest succeeded), b1, and the running run.
        // A dry run says so and changes nothing.
        let planned = try store.prune(keepingRuns: 1, dryRun: true)
        // a1, a2 and the k1 output go; 4 runs and the k2, k3 outputs stay.
        #expect(planned == PruneSummary(runs: 2, outputs: 1, keptRuns: 4, keptOutputs: 2))
        #expect(try store.history(pipeline: nil).count == 6)
        #expect(try store.hasOutput(stage: "indicators", key: "k1"))
        let removed = try store.prune(keepingRuns: 1, vacuum: true)
        #expect(removed == planned)
        #expect(try store.history(pipeline: nil).map(\.id) == [running, b1, a4, a3])
        #expect(try store.hasOutput(stage: "indicators", key: "k1") == false)
        #expect(try store.hasOutput(stage: "indicators", key: "k2"))
        #expect(try store.runResults(a3).map(\.value) == [2])
        #expect(try store.runResults(b1).map(\.value) == [3])
        #expect(try store.runStages(a1).isEmpty)
        _ = a2
        #expect(try store.integrityCheck() == ["ok"])
    }
}
