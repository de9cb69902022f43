import ApenCore

/// What a stage leaves in the store besides its result rows: its manifest (to explain the next
/// change), and per stage kind the figures later stages and reports need when it is skipped.
public struct StageSummary: Sendable, Codable, Hashable {
    public struct IngestInfo: Sendable, Codable, Hashable {
        public var source: String
        public var kind: String
        public var path: String
        public var sha256: String
        public var rowsRead: Int
        public var accepted: Int
        public var rejected: Int
        /// Accepted rows per (municipality, year).
        public var coverage: TableCoverage
    }

    public struct CheckInfo: Sendable, Codable, Hashable {
        public var passed: Bool
        public var summaryLine: String
        public var text: String
    }

    public var manifest: StageManifest
    public var ingest: IngestInfo?
    /// Warnings of the stage (undefined groups skipped, unknown population).
    public var warnings: [String] = []
    /// Report stage: written file path → SHA-256.
    public var files: [String: String] = [:]
    public var check: CheckInfo?
    /// Report stage: the findings the report states (METHODS §9), for `apen diff`; nil in
    /// summaries stored before findings were recorded.
    public var findings: [Finding]?
    /// Groups stage: the comparison groups' rows (`municipality` = the group id), kept here
    /// rather than among the results so that baselines, check and diff never see them.
    public var groupRows: [IndicatorRow]?

    public init(manifest: StageManifest) { self.manifest = manifest }
}
