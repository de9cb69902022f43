/// One stage of a run, as `apen history` shows it: its content key, whether it ran, and why.
///
/// ```swift
/// StageRecord(stage: "indicators", key: "9f2c…", action: .skipped, reason: "inputs unchanged")
/// ```
package struct StageRecord: Sendable, Hashable, Codable {
    /// The stage's name in the pipeline's DAG, e.g. `ingest.survey` or `indicators`.
    package var stage: String
    /// The stage's content key (a hex digest of its inputs, settings and the tool version).
    package var key: String
    /// Computed (`ran`) or reused (`skipped`).
    package var action: StageAction
    /// Why it ran or was skipped, for people (`"survey.csv changed"`, `"inputs unchanged"`).
    package var reason: String

    package init(stage: String, key: String, action: StageAction, reason: String = "") {
        self.stage = stage
        self.key = key
        self.action = action
        self.reason = reason
    }
}
