import ApenCore

/// What a stage leaves in the store besides its result rows: its manifest (to explain the next
/// change), and per stage kind the figures later stages and reports need when it is skipped.
package struct StageSummary: Sendable, Codable, Hashable {
    package struct IngestInfo: Sendable, Codable, Hashable {
        package var source: String
        package var kind: String
        package var path: String
        package var sha256: String
        package var rowsRead: Int
        package var accepted: Int
        package var rejected: Int
        /// Accepted rows per (municipality, year).
        package var coverage: TableCoverage
    }

    package struct CheckInfo: Sendable, Codable, Hashable {
        package var passed: Bool
        package var summaryLine: String
        package var text: String
    }

    package var manifest: StageManifest
    package var ingest: IngestInfo?
    /// Warnings of the stage (undefined groups skipped, unknown population).
    package var warnings: [String] = []
    /// The same warnings as data, for the report in its language; nil in summaries stored
    /// before warnings were data (the report then shows their English text).
    package var reportWarnings: [RunWarning]?
    /// Report stage: written file path → SHA-256.
    package var files: [String: String] = [:]
    package var check: CheckInfo?
    /// Report stage: the findings the report states (METHODS §9), for `apen diff`; nil in
    /// summaries stored before findings were recorded.
    package var findings: [Finding]?
    /// Groups stage: the comparison groups' rows (`municipality` = the group id), kept here
    /// rather than among the results so that baselines, check and diff never see them.
    package var groupRows: [IndicatorRow]?

    package init(manifest: StageManifest) { self.manifest = manifest }
}
