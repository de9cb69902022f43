import ApenCore
import Check

/// A ``ResultsProvider`` over values, standing in for the pipeline runner and the store.
struct InMemoryProvider: ResultsProvider {
    var configuration: CheckConfiguration?
    var results: [IndicatorRow] = []
    var runs: [RunSnapshot] = []  // newest first, as Store.history
    /// When set, every call throws it (an invalid pipeline file, a failed run).
    var failure: Diagnostic?

    func checkConfiguration(pipelineFile: String) throws -> CheckConfiguration? {
        if let failure { throw failure }
        return configuration
    }

    func currentResults(pipelineFile: String) throws -> [IndicatorRow] {
        if let failure { throw failure }
        return results
    }

    func run(_ reference: RunReference, pipeline: String?) throws -> RunSnapshot {
        if let failure { throw failure }
        let candidates = runs.filter { pipeline == nil || $0.pipeline == pipeline }
        let found: RunSnapshot?
        switch reference {
        case .latest: found = candidates.first
        case .previous: found = candidates.dropFirst().first
        case .id(let id): found = runs.first { $0.id == id }
        }
        guard let found else { throw Diagnostic(SourceLocation(path: "store.sqlite"), "no run \(reference)") }
        return found
    }
}
