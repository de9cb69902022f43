import ApenCore

/// What `apen check`, `apen baseline` and `apen diff` need from the pipeline and the store.
///
/// The commands are written against this protocol so that the Check module does not depend
/// on Pipeline or Store; the CLI passes an implementation that loads the pipeline file and
/// reads the store (`StoreResultsProvider` in Pipeline). Tests pass an in-memory one.
///
/// Errors thrown here are printed as they are (a ``Diagnostic`` / ``DiagnosticList`` renders
/// itself as `path:line: reason`) and make the command exit with 2.
package protocol ResultsProvider: Sendable {
    /// The `check:` section of the pipeline file, its baseline path resolved against the
    /// file's folder; `nil` when the file has no `check:` section.
    /// - Throws: the pipeline file's validation errors.
    func checkConfiguration(pipelineFile: String) throws -> CheckConfiguration?

    /// The pipeline's current results, in any order: in `apen`, the rows of its newest
    /// successful run in the store; an implementation may also run the pipeline first.
    /// - Throws: when the pipeline file is invalid or there are no results to give.
    func currentResults(pipelineFile: String) throws -> [IndicatorRow]

    /// A run from the store's history. `.latest` / `.previous` count succeeded runs only,
    /// newest first, of `pipeline` when given (a pipeline name), of any pipeline otherwise.
    /// - Throws: when there is no such run (name the reference in the message).
    func run(_ reference: RunReference, pipeline: String?) throws -> RunSnapshot
}
