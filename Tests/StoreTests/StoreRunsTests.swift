import ApenCore
import Foundation
import Testing

@testable import Store

/// Begin, commit, reuse and fail runs; crash safety.
struct StoreRunsTests {
    func count(_ store: Store, _ table: String) throws -> Int64 {
        try store.withDatabase { try $0.scalarInt("SELECT count(*) FROM \(table)") ?? -1 }
    }

    /// Outputs written ahead are part of the run's one transaction: invisible to another
    /// connection until `commitRun`, gone when the run fails or is abandoned.
    @Test func outputsWrittenAheadCommitWithTheRunOrNotAtAll() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        let output = StageOutput(stage: "indicators", key: "k1", summary: "{}", results: Sample.indicatorRows)

        let run1 = try store.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        try store.writeAhead([output], runID: run1)
        let other = try Store(path: dir.file("store.sqlite"))
        #expect(try other.hasOutput(stage: "indicators", key: "k1") == false)
        try store.commitRun(
            run1, finished: Sample.finished, stages: Sample.stages(key: "k1"), outputs: [], inputs: [], rejected: [],
            counts: RunCounts(rowsRead: 0, rowsRejected: 0, indicators: Sample.indicatorRows.count))
        #expect(try other.results(stage: "indicators", key: "k1").count == Sample.indicatorRows.count)
        #expect(try other.run(id: run1)?.status == .succeeded)

        // A failed run keeps none of what it wrote ahead.
        let run2 = try store.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        try store.writeAhead([StageOutput(stage: "indicators", key: "k2", summary: "{}")], runID: run2)
        try store.failRun(run2, finished: Sample.finished, message: "boom")
        #expect(try store.hasOutput(stage: "indicators", key: "k2") == false)
        #expect(try store.run(id: run2)?.status == .failed)

        // Abandoned: rolled back, and the store takes the next transaction.
        let run3 = try store.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        try store.writeAhead([StageOutput(stage: "indicators", key: "k3", summary: "{}")], runID: run3)
        store.abandonWritesAhead()
        #expect(try store.hasOutput(stage: "indicators", key: "k3") == false)
        try store.failRun(run3, finished: Sample.finished, message: "abandoned")
        #expect(try count(store, "results") == Int64(Sample.indicatorRows.count))
    }

    /// Run 1 computes and stores; run 2 reuses by key and copies nothing.
    @Test func commitThenReuseRoundTrip() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))

        let run1 = try store.beginRun(pipeline: "trondheim", started: Sample.started, toolVersion: "0.1.0")
        #expect(try store.lastSuccessfulKey(pipeline: "trondheim", stage: "indicators") == nil)
        #expect(try store.hasOutput(stage: "indicators", key: "k1") == false)
        let inputs = [
            InputRecord(
                source: "survey", path: "data/survey.csv", sha256: String(repeating: "ab", count: 32), size: 1234)
        ]
        let rejected = [
            RejectedRow(
                source: "survey", file: "data/survey.csv", line: 7, field: "weight", reason: "\"abc\" is not a number",
                record: "5001,2019,abc"),
            RejectedRow(
                source: "survey", file: "data/survey.csv", line: 3, reason: "wrong number of fields", record: "5001"),
        ]
        try store.commitRun(
            run1, finished: Sample.finished, stages: Sample.stages(key: "k1"),
            outputs: [
                StageOutput(stage: "ingest.survey", key: "k-ingest", summary: #"{"rows":10}"#),
                StageOutput(stage: "indicators", key: "k1", summary: #"{"groups":4}"#, results: Sample.indicatorRows),
            ],
            inputs: inputs, rejected: rejected, counts: RunCounts(rowsRead: 10, rowsRejected: 2, indicators: 5))

        let expected = Sample.canonicalIndices.map { Sample.indicatorRows[$0] }
        let stored = try store.results(stage: "indicators", key: "k1")
        #expect(stored.count == expected.count)
        for (a, b) in zip(stored, expected) { #expect(bitIdentical(a, b), "\(a) vs \(b)") }
        // The negative zero kept its sign (a REAL-affinity column would have turned it into 0).
        #expect(stored.contains { $0.value.bitPattern == (-0.0).bitPattern })
        #expect(try store.stageSummary(stage: "indicators", key: "k1") == #"{"groups":4}"#)
        #expect(try store.stageSummary(stage: "indicators", key: "nope") == nil)
        #expect(try store.runInputs(run1) == inputs)
        #expect(try store.rejectedRows(run1) == [rejected[1], rejected[0]])  // by line
        let record = try #require(try store.run(id: run1))
        #expect(record.status == .succeeded)
        #expect(record.finished == Sample.finished)
        #expect(record.counts == RunCounts(rowsRead: 10, rowsRejected: 2, indicators: 5))

        // Run 2: same keys, every stage skipped.
        let run2 = try store.beginRun(pipeline: "trondheim", started: Sample.started, toolVersion: "0.1.0")
        #expect(try store.lastSuccessfulKey(pipeline: "trondheim", stage: "indicators") == "k1")
        #expect(try store.hasOutput(stage: "indicators", key: "k1"))
        let resultsBefore = try count(store, "results")
        try store.commitRun(
            run2, finished: Sample.finished, stages: Sample.stages(key: "k1", action: .skipped), outputs: [],
            inputs: inputs, rejected: [], counts: RunCounts(rowsRead: 10, rowsRejected: 0, indicators: 5))
        #expect(try count(store, "results") == resultsBefore)  // nothing copied
        let reused = try store.runResults(run2)
        #expect(reused.count == expected.count)
        for (a, b) in zip(reused, expected) { #expect(bitIdentical(a, b)) }
        #expect(try store.runStages(run2).map(\.action) == [.skipped, .skipped])
        #expect(try store.runStages(run2).map(\.stage) == ["ingest.survey", "indicators"])
        // The output still names the run that created it.
        let creator = try store.withDatabase {
            try $0.scalarInt("SELECT created_run FROM stage_outputs WHERE stage = 'indicators' AND key = 'k1'")
        }
        #expect(creator == run1)
    }

    /// A stage with a new key stores a second output; the old one stays for the older run.
    @Test func newKeyStoresANewOutput() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        let run1 = try store.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        try store.commitRun(
            run1, finished: Sample.finished, stages: [StageRecord(stage: "indicators", key: "k1", action: .ran)],
            outputs: [StageOutput(stage: "indicators", key: "k1", results: Array(Sample.indicatorRows.prefix(2)))],
            inputs: [], rejected: [], counts: RunCounts(rowsRead: 1, rowsRejected: 0, indicators: 2))
        let run2 = try store.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        let changed = [IndicatorRow(indicator: "survey.index", municipality: "5001", year: 2019, value: 0.5, n: 2)]
        try store.commitRun(
            run2, finished: Sample.finished,
            stages: [StageRecord(stage: "indicators", key: "k2", action: .ran, reason: "survey.csv changed")],
            outputs: [StageOutput(stage: "indicators", key: "k2", results: changed)],
            inputs: [], rejected: [], counts: RunCounts(rowsRead: 1, rowsRejected: 0, indicators: 1))
        #expect(try store.runResults(run2) == changed)
        #expect(try store.runResults(run1).count == 2)
        #expect(try store.lastSuccessfulKey(pipeline: "p", stage: "indicators") == "k2")
        #expect(try store.lastSuccessfulKey(pipeline: "other", stage: "indicators") == nil)
    }

    /// A commit that throws midway (after it replaced an output) keeps nothing of itself.
    @Test func failingCommitLeavesEarlierResultsUntouched() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        let run1 = try store.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        try store.commitRun(
            run1, finished: Sample.finished, stages: Sample.stages(key: "k1"),
            outputs: [
                StageOutput(stage: "ingest.survey", key: "k-ingest"),
                StageOutput(stage: "indicators", key: "k1", results: Sample.indicatorRows),
            ],
            inputs: [], rejected: [], counts: RunCounts(rowsRead: 5, rowsRejected: 0, indicators: 5))
        let before = try store.runResults(run1)

        // Run 2 re-runs the same key (a forced rerun): the old output is deleted first, then a NaN
        // in the third row makes the commit throw.
        let run2 = try store.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        var bad = Sample.indicatorRows
        bad[2].se = .nan
        #expect {
            try store.commitRun(
                run2, finished: Sample.finished, stages: Sample.stages(key: "k1"),
                outputs: [StageOutput(stage: "indicators", key: "k1", results: bad)],
                inputs: [InputRecord(source: "s", path: "x", sha256: "00", size: 1)],
                rejected: [RejectedRow(source: "s", file: "x", line: 2, reason: "r", record: "")],
                counts: RunCounts(rowsRead: 5, rowsRejected: 1, indicators: 5))
        } throws: { error in
            "\(error)".contains("se is nan")
        }
        let after = try store.runResults(run1)
        #expect(after.count == before.count)
        for (a, b) in zip(after, before) { #expect(bitIdentical(a, b)) }
        #expect(try store.run(id: run2)?.status == .running)
        #expect(try store.runStages(run2).isEmpty)
        #expect(try store.runInputs(run2).isEmpty)
        #expect(try store.rejectedRows(run2).isEmpty)

        try store.failRun(
            run2, finished: Sample.finished, message: "boom",
            rejected: [
                RejectedRow(source: "s", file: "x", line: 2, reason: "r", record: "a,b")
            ])
        let failed = try #require(try store.run(id: run2))
        #expect(failed.status == .failed)
        #expect(failed.message == "boom")
        #expect(failed.counts == nil)
        #expect(try store.rejectedRows(run2).count == 1)
        #expect(try store.lastSuccessfulKey(pipeline: "p", stage: "indicators") == "k1")
        #expect(try store.latestRun(pipeline: "p", status: .succeeded)?.id == run1)
    }

    @Test func skippedStageNeedsAStoredOutput() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        let run = try store.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        #expect {
            try store.commitRun(
                run, finished: Sample.finished,
                stages: [StageRecord(stage: "indicators", key: "missing", action: .skipped)],
                outputs: [], inputs: [], rejected: [], counts: RunCounts(rowsRead: 0, rowsRejected: 0, indicators: 0))
        } throws: { error in
            "\(error)".contains("stage 'indicators' is recorded as skipped, but no output is stored under key missing")
        }
        #expect(try store.run(id: run)?.status == .running)
    }

    @Test func onlyARunningRunCanBeFinished() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        let run = try store.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        try store.failRun(run, finished: Sample.finished, message: "first")
        #expect {
            try store.commitRun(
                run, finished: Sample.finished, stages: [], outputs: [], inputs: [], rejected: [],
                counts: RunCounts(rowsRead: 0, rowsRejected: 0, indicators: 0))
        } throws: { error in
            "\(error)".contains("run \(run) is already failed")
        }
        #expect(throws: StoreError.self) { try store.failRun(999, finished: Sample.finished, message: "x") }
        #expect(try store.run(id: run)?.message == "first")
    }

    @Test func duplicateResultRowsAreRefused() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        let run = try store.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        let row = Sample.indicatorRows[0]
        #expect {
            try store.commitRun(
                run, finished: Sample.finished, stages: [StageRecord(stage: "indicators", key: "k", action: .ran)],
                outputs: [StageOutput(stage: "indicators", key: "k", results: [row, row])], inputs: [], rejected: [],
                counts: RunCounts(rowsRead: 0, rowsRejected: 0, indicators: 2))
        } throws: { error in
            (error as? StoreError)?.sqliteCode == 1555  // SQLITE_CONSTRAINT_PRIMARYKEY
        }
        #expect(try store.hasOutput(stage: "indicators", key: "k") == false)
    }

    @Test func interruptedRunsAreMarkedFailed() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        let killed = try store.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        let done = try store.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        try store.failRun(done, finished: Sample.finished, message: "bad input")
        #expect(try store.markInterruptedRuns(finished: Sample.finished) == 1)
        #expect(try store.run(id: killed)?.status == .failed)
        #expect(try store.run(id: killed)?.message?.hasPrefix("interrupted") == true)
        #expect(try store.run(id: done)?.message == "bad input")
    }

    /// A writer that dies mid-transaction: the files as they were at that moment (the main
    /// file plus the WAL, holding uncommitted pages) open as the last committed state.
    @Test func killedWriterLeavesTheStoreIntact() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("store.sqlite")
        let store = try Store(path: path)
        let run1 = try store.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        try store.commitRun(
            run1, finished: Sample.finished, stages: [StageRecord(stage: "indicators", key: "k1", action: .ran)],
            outputs: [StageOutput(stage: "indicators", key: "k1", results: Sample.indicatorRows)],
            inputs: [], rejected: [], counts: RunCounts(rowsRead: 5, rowsRejected: 0, indicators: 5))
        let before = try store.runResults(run1)

        // A second connection writes a lot without committing; a tiny page cache forces the
        // uncommitted pages out to the WAL file, as a long run would.
        let writer = try Database(path: path)
        try writer.execute("PRAGMA cache_size = 2")
        try writer.execute("BEGIN IMMEDIATE")
        try writer.execute("DELETE FROM stage_outputs")
        try writer.execute(
            """
            WITH RECURSIVE i(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM i WHERE x < 5000)
            INSERT INTO rejected_rows(run_id, source, file, line, reason, record)
            SELECT \(run1), 's', 'f', x, 'r', hex(randomblob(100)) FROM i
            """)
        let walSize = (try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(walSize > 100_000, "uncommitted pages should have spilled to the WAL")

        // "Kill": snapshot the files now, as a crashed process would leave them.
        let crashed = dir.file("crashed")
        try FileManager.default.createDirectory(atPath: crashed, withIntermediateDirectories: true)
        for suffix in ["", "-wal"] {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: crashed + "/store.sqlite" + suffix)
        }
        let recovered = try Store(path: crashed + "/store.sqlite")
        #expect(try recovered.integrityCheck() == ["ok"])
        let after = try recovered.runResults(run1)
        #expect(after.count == before.count)
        for (a, b) in zip(after, before) { #expect(bitIdentical(a, b)) }
        #expect(try recovered.rejectedRows(run1).isEmpty)

        // And the original: closing the writer without COMMIT rolls it back.
        writer.close()
        #expect(try store.integrityCheck() == ["ok"])
        #expect(try store.runResults(run1).count == before.count)
        #expect(try store.rejectedRows(run1).isEmpty)
    }
}
