import ApenCore
import Foundation
import Ingest
import Store

/// One source file read on its own, as `apen ingest` does: validated, its rejected rows
/// written, and recorded in the store as a run named `ingest:<source>` — the store lifecycle
/// of a pipeline run, for one file.
///
/// ```swift
/// let options = IngestOptions(source: "survey", kind: .survey, path: "survey.csv")
/// let result = try SingleIngest.run(options, storePath: ".apen/store.sqlite",
///                                   rejectedPath: ".apen/rejected-survey.csv")
/// print(result.summary.accepted, result.summary.withinLimit)
/// ```
package enum SingleIngest {
    package struct Result: Sendable {
        package var summary: IngestSummary
        /// The store's id of the run that recorded it.
        package var runID: Int64
    }

    /// Reads the file, writes every rejected row to `rejectedPath`, and records the run.
    ///
    /// The run succeeds when the rejected share is within `options.maxRejected` (the file's
    /// hash, size and rejected rows are committed, and with `options.keepRows` its validated
    /// rows); otherwise it is recorded as failed. Either way the summary is returned: the
    /// caller decides what to print and which exit code that is.
    /// - Parameter announce: told once when another process holds the store's run lock, before
    ///   waiting for it.
    /// - Throws: a `Diagnostic` for a file that cannot be read as a table (the run is recorded
    ///   as failed first), `StoreError` for the store.
    package static func run(
        _ options: IngestOptions, storePath: String, rejectedPath: String, now: () -> Date = Date.init,
        announce: (String) -> Void = { _ in }
    ) throws -> Result {
        let store = try Store(path: storePath)
        let lock = try store.acquireRunLock(wait: true, announce: announce)
        defer { lock.release() }
        let runID = try store.beginRun(
            pipeline: "ingest:\(options.source)", started: isoTimestamp(now()), toolVersion: ApenVersion.string)
        var kept: Table?
        let sha: String
        let summary: IngestSummary
        do {
            sha = try store.sha256(ofFile: options.path)
            if options.keepRows {
                // The rows go to the store, so they are held anyway: one table, no re-copying.
                (kept, summary) = try Ingestor.readTable(options)
            } else {
                // Streaming: memory follows the chunk size, not the file.
                summary = try Ingestor.read(options) { _ in }
            }
        } catch {
            // A file that cannot be read fails this run now; left `running`, the next run
            // would mark it "interrupted", which it was not.
            try? store.failRun(runID, finished: isoTimestamp(now()), message: String(describing: error))
            throw error
        }
        try RejectedRowsFile.write(summary.rejected, to: rejectedPath)
        if summary.withinLimit {
            let size = (try? FileManager.default.attributesOfItem(atPath: options.path)[.size] as? Int) ?? 0
            try store.commitRun(
                runID, finished: isoTimestamp(now()), stages: [], outputs: [],
                inputs: [InputRecord(source: options.source, path: options.path, sha256: sha, size: Int64(size))],
                rejected: summary.rejected,
                counts: RunCounts(rowsRead: summary.rowsRead, rowsRejected: summary.rejected.count, indicators: 0),
                kept: kept.map { [$0] } ?? [])
        } else {
            try store.failRun(runID, finished: isoTimestamp(now()), message: "rejected share above max_rejected")
        }
        return Result(summary: summary, runID: runID)
    }
}
