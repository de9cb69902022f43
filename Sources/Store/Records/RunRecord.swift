/// One row of `apen history`: a run of a pipeline, its times, status and totals.
package struct RunRecord: Sendable, Hashable, Codable {
    /// Increasing with every `beginRun`; "newest" means the highest id, whatever the clock said.
    package var id: Int64
    /// The pipeline's name.
    package var pipeline: String
    /// ISO-8601 UTC timestamps as the caller passed them.
    package var started: String
    /// `nil` while the run is running.
    package var finished: String?
    /// Running, succeeded or failed.
    package var status: RunStatus
    /// The Åpen version that ran it.
    package var toolVersion: String
    /// Why a failed run failed.
    package var message: String?
    /// Totals, for succeeded runs.
    package var counts: RunCounts?

    package init(
        id: Int64, pipeline: String, started: String, finished: String?, status: RunStatus, toolVersion: String,
        message: String?, counts: RunCounts?
    ) {
        self.id = id
        self.pipeline = pipeline
        self.started = started
        self.finished = finished
        self.status = status
        self.toolVersion = toolVersion
        self.message = message
        self.counts = counts
    }
}
