import ApenCore

/// The result of a stage that ran, stored under its `(stage, key)` so a later run with the
/// same key reuses it instead of recomputing.
///
/// ```swift
/// StageOutput(stage: "indicators", key: key, summary: #"{"groups":12}"#, results: rows)
/// ```
package struct StageOutput: Sendable, Hashable {
    /// The stage's name in the pipeline's DAG.
    package var stage: String
    /// The stage's content key.
    package var key: String
    /// Free text (JSON by convention) the pipeline wants back when it skips the stage.
    package var summary: String?
    /// Indicator rows the stage produced (none for stages that only read data).
    package var results: [IndicatorRow]

    package init(stage: String, key: String, summary: String? = nil, results: [IndicatorRow] = []) {
        self.stage = stage
        self.key = key
        self.summary = summary
        self.results = results
    }
}
