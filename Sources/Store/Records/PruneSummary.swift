/// What `Store.prune(keepingRuns:vacuum:dryRun:)` removed (or, in a dry run, would remove), and
/// what stays.
public struct PruneSummary: Sendable, Hashable {
    /// Runs deleted, with their stages, inputs and rejected rows.
    public var runs: Int
    /// Stage outputs no kept run refers to any more, deleted with their results.
    public var outputs: Int
    /// Runs left in the store (every pipeline's newest, `running` ones included).
    public var keptRuns: Int
    /// Stage outputs left: the ones a kept run refers to.
    public var keptOutputs: Int

    public init(runs: Int, outputs: Int, keptRuns: Int = 0, keptOutputs: Int = 0) {
        self.runs = runs
        self.outputs = outputs
        self.keptRuns = keptRuns
        self.keptOutputs = keptOutputs
    }
}
