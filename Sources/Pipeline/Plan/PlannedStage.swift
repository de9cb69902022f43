/// A stage with its content key and what a run will do with it, and why.
package struct PlannedStage: Sendable, Hashable {
    package enum Action: String, Sendable, Hashable { case run, skip }

    /// Why a stage runs or is skipped; rendered to text only where it is shown or stored
    /// (``reasonText``).
    package enum Reason: Sendable, Hashable, CustomStringConvertible {
        case neverRun
        case forced
        case requested
        case noStoredResults
        case unchanged
        /// An ingest stage whose table these stages read (they run).
        case neededBy([Stage.Kind])
        /// A part of the stage's manifest differs from its last successful run.
        case changed(StageManifest.Change)
        /// The report's files are not as the stored report wrote them.
        case reportFiles(Planner.ReportFileProblem)

        package var description: String {
            switch self {
            case .neverRun: return "never run"
            case .forced: return "forced (--force)"
            case .requested: return "requested (--only)"
            case .noStoredResults: return "no stored results"
            case .unchanged: return "unchanged"
            case .neededBy(let readers): return "needed by \(readers.map(\.id).joined(separator: ", "))"
            case .changed(let change): return change.description
            case .reportFiles(let problem): return problem.description
            }
        }
    }

    package var stage: Stage
    package var key: String
    package var manifest: StageManifest
    package var action: Action
    /// Why it runs (`survey.csv changed`, `never run`, `forced`) or why it is skipped (`unchanged`).
    package var reasons: [Reason]

    package var reasonText: String { reasons.map(\.description).joined(separator: "; ") }
}
