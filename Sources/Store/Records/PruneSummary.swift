/// What `Store.prune(keepingRuns:vacuum:dryRun:)` removed (or, in a dry run, would remove), and
/// what stays.
package struct PruneSummary: Sendable, Hashable {
    /// Runs deleted, with their stages, inputs and rejected rows.
    package var runs: Int
    /// Stage outputs no kept run refers to any more, deleted with their results.
    package var outputs: Int
    /// Runs left in the store (every pipeline's newest, `running` ones included).
    package var keptRuns: Int
    /// Stage outputs left: the ones a kept run refers to.
    package var keptOutputs: Int

    package init(runs: Int, outputs: Int, keptRuns: Int = 0, keptOutputs: Int = 0) {
        self.runs = runs
        self.outputs = outputs
        self.keptRuns = keptRuns
        self.keptOutputs = keptOutputs
    }
}
