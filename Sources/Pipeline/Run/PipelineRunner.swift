import ApenCore
import Dispatch
import Foundation
import Indicators
import Ingest
import Store

/// The outcome of `apen run`.
public struct RunSummary: Sendable {
    public var runID: Int64
    public var pipeline: String
    package var plan: [PlannedStage]
    /// Seconds per stage that ran.
    public var seconds: [String: Double]
    public var rowsRead: Int
    public var rowsRejected: Int
    public var indicatorRows: Int
    public var outputs: [String]
    public var rejectedRowsFile: String?
    public var warnings: [String]
    /// Errors that failed the run (bad data beyond `max_rejected`, a failed stage).
    public var failures: [String]
    package var check: StageSummary.CheckInfo?
    public var wallSeconds: Double

    /// 0 success, 1 run failure (bad data, failed stage, check drift).
    public var exitCode: Int32 { failures.isEmpty && (check?.passed ?? true) ? 0 : 1 }
    /// Whether the pipeline's check stage passed; `nil` when it has no `check:` or did not get there.
    public var checkPassed: Bool? { check?.passed }
}

/// Runs a pipeline: plans, executes the stages that must run on Dispatch workers (independent
/// stages concurrently, `jobs` at a time), reuses stored results for the others, writes the
/// outputs atomically and records the run in the store in one transaction.
public enum PipelineRunner {
    /// - Throws: `Diagnostic` for problems before anything ran (store, lock, unknown stage).
    ///   Data problems do not throw: they fail the run and are listed in the summary.
    public static func run(_ spec: PipelineSpec, options: RunOptions) throws -> RunSummary {
        let options = options.dated(by: spec)
        let clock = ContinuousClock()
        let t0 = clock.now
        let store = try Store(path: options.storePath)
        // Says who holds the lock before waiting, so a run that seems to hang explains itself.
        let lock = try store.acquireRunLock(wait: options.waitForLock, announce: options.progress.message)
        defer { lock.release() }
        // Runs still marked running were killed: we hold the lock, so none is in progress.
        try store.markInterruptedRuns(finished: isoTimestamp(options.now()))

        let outDir = options.outputDirectory ?? "reports/\(spec.name)"
        let hashes = hashSources(spec, store: store, jobs: options.jobs)
        let graph = try StageGraph.build(spec, outputDirectory: outDir, reportDate: options.reportDate) {
            try hashes.sha256(ofFile: $0)
        }
        let history = StoreHistory(store: store, pipeline: spec.name)
        let plan = try Planner.plan(
            graph, pipeline: spec.name, history: history, force: options.force, only: options.only)
        let runID = try store.beginRun(
            pipeline: spec.name, started: isoTimestamp(options.now()), toolVersion: ApenVersion.string)

        let exec = Execution(
            spec: spec, options: options, outDir: outDir, plan: plan, store: store, history: history, runID: runID)
        exec.execute()

        var summary = exec.summary(runID: runID, wall: (clock.now - t0).seconds)
        do {
            if summary.failures.isEmpty {
                try exec.commit(runID: runID, finished: isoTimestamp(options.now()))
            } else {
                exec.abandonWritesAhead()
                let failed = exec.failureRecords()
                try store.failRun(
                    runID, finished: isoTimestamp(options.now()), message: summary.failures.joined(separator: "\n"),
                    inputs: failed.inputs, rejected: failed.rejected)
            }
        } catch {
            summary.failures.append("store: \(error)")
        }
        summary.wallSeconds = (clock.now - t0).seconds
        return summary
    }

    /// The plan only: what `apen plan` prints. Runs nothing and writes nothing but the
    /// store's file-hash cache.
    package static func plan(_ spec: PipelineSpec, options: RunOptions) throws -> [PlannedStage] {
        let options = options.dated(by: spec)
        let store = try Store(path: options.storePath)
        let outDir = options.outputDirectory ?? "reports/\(spec.name)"
        let hashes = hashSources(spec, store: store, jobs: options.jobs)
        let graph = try StageGraph.build(spec, outputDirectory: outDir, reportDate: options.reportDate) {
            try hashes.sha256(ofFile: $0)
        }
        return try Planner.plan(
            graph, pipeline: spec.name, history: StoreHistory(store: store, pipeline: spec.name), force: options.force,
            only: options.only)
    }
}

/// The SHA-256 of every source file, computed on up to `jobs` workers before the stage graph
/// asks for them one by one: on a cold run of large files hashing is a fifth of the CPU
/// (issue 15), and one file per worker takes it off the critical path.
private func hashSources(_ spec: PipelineSpec, store: Store, jobs: Int) -> SourceHashes {
    var paths: [String] = []
    for s in spec.sources where !paths.contains(s.options.path) { paths.append(s.options.path) }
    // Largest first, so the longest hash starts at once.
    let size = { (path: String) -> Int in
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
    }
    paths = paths.map { ($0, size($0)) }.sorted { $0.1 > $1.1 }.map(\.0)
    let ordered = paths
    let digests = Parallel.map(count: ordered.count, jobs: jobs) { i in
        Result { try store.sha256(ofFile: ordered[i]) }
    }
    return SourceHashes(store: store, digests: Dictionary(uniqueKeysWithValues: zip(ordered, digests)))
}

/// Digests hashed ahead; any other file, or one whose hashing failed, is hashed (again) when
/// asked for, so an unreadable file fails exactly where and how it always has.
private struct SourceHashes {
    let store: Store
    let digests: [String: Result<String, any Error>]

    func sha256(ofFile path: String) throws -> String {
        if case .success(let digest)? = digests[path] { return digest }
        return try store.sha256(ofFile: path)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
