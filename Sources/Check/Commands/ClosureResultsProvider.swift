import ApenCore

/// A ``ResultsProvider`` made of three closures, for wiring the commands without a new type.
///
/// ```swift
/// let provider = ClosureResultsProvider(
///     checkConfiguration: { try PipelineLoader.load(path: $0).check },
///     currentResults: { try runner.run(pipelineFile: $0).results },
///     run: { ref, pipeline in try store.snapshot(ref, pipeline: pipeline) })
/// ```
public struct ClosureResultsProvider: ResultsProvider {
    private let configuration: @Sendable (String) throws -> CheckConfiguration?
    private let results: @Sendable (String) throws -> [IndicatorRow]
    private let runLookup: @Sendable (RunReference, String?) throws -> RunSnapshot

    public init(
        checkConfiguration: @escaping @Sendable (_ pipelineFile: String) throws -> CheckConfiguration?,
        currentResults: @escaping @Sendable (_ pipelineFile: String) throws -> [IndicatorRow],
        run: @escaping @Sendable (_ reference: RunReference, _ pipeline: String?) throws -> RunSnapshot
    ) {
        self.configuration = checkConfiguration
        self.results = currentResults
        self.runLookup = run
    }

    public func checkConfiguration(pipelineFile: String) throws -> CheckConfiguration? {
        try configuration(pipelineFile)
    }

    public func currentResults(pipelineFile: String) throws -> [IndicatorRow] {
        try results(pipelineFile)
    }

    public func run(_ reference: RunReference, pipeline: String?) throws -> RunSnapshot {
        try runLookup(reference, pipeline)
    }
}
