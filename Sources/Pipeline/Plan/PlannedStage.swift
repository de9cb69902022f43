/// A stage with its content key and what a run will do with it, and why.
public struct PlannedStage: Sendable, Hashable {
    public enum Action: String, Sendable, Hashable { case run, skip }

    public var stage: Stage
    public var key: String
    public var manifest: StageManifest
    public var action: Action
    /// Why it runs (`survey.csv changed`, `never run`, `forced`) or why it is skipped (`unchanged`).
    public var reasons: [String]

    public var reasonText: String { reasons.joined(separator: "; ") }
}
