/// What `Store.prune(keepingRuns:)` removed.
public struct PruneSummary: Sendable, Hashable {
    /// Runs deleted, with their stages, inputs and rejected rows.
    public var runs: Int
    /// Stage outputs no kept run refers to any more, deleted with their results.
    public var outputs: Int

    public init(runs: Int, outputs: Int) {
        self.runs = runs
        self.outputs = outputs
    }
}
