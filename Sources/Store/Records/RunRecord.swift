/// One row of `apen history`: a run of a pipeline, its times, status and totals.
public struct RunRecord: Sendable, Hashable, Codable {
    /// Increasing with every `beginRun`; "newest" means the highest id, whatever the clock said.
    public var id: Int64
    /// The pipeline's name.
    public var pipeline: String
    /// ISO-8601 UTC timestamps as the caller passed them.
    public var started: String
    /// `nil` while the run is running.
    public var finished: String?
    /// Running, succeeded or failed.
    public var status: RunStatus
    /// The Åpen version that ran it.
    public var toolVersion: String
    /// Why a failed run failed.
    public var message: String?
    /// Totals, for succeeded runs.
    public var counts: RunCounts?

    public init(
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
