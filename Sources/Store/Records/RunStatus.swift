/// Where a run is: started and not finished, finished well, or stopped by an error.
///
/// A run killed before it finished stays `running` until `Store.markInterruptedRuns`
/// (called by the next run, under the run lock) marks it `failed`.
package enum RunStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case running, succeeded, failed
}

/// What a run did with a stage: computed it, or reused the stored output of the same key.
package enum StageAction: String, Sendable, Hashable, Codable {
    case ran, skipped
}
