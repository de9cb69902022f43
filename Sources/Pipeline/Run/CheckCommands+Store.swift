import ApenCore
import Check

/// `apen check`, `apen baseline` and `apen diff` for a Swift program that embeds Åpen: the
/// results and history come from the store at `storePath`, as in the CLI.
///
/// ```swift
/// let out = CheckCommands.check(pipelineFile: "pipelines/example.yaml", storePath: ".apen/store.sqlite")
/// print(out.stdout, terminator: "")   // exit 0 within tolerance, 1 drifted, 2 cannot compare
/// ```
extension CheckCommands {
    /// Compares the pipeline's newest results (or the rows of `resultsPath`) with its baseline
    /// under the pipeline's `check:` tolerances (see `apen check --help` and docs/check.md).
    public static func check(
        pipelineFile: String, storePath: String, resultsPath: String? = nil, baselinePath: String? = nil,
        format: OutputFormat = .text, all: Bool = false, maxRows: Int? = nil
    ) -> CommandOutput {
        check(
            pipelineFile: pipelineFile, resultsPath: resultsPath, baselinePath: baselinePath, format: format, all: all,
            maxRows: maxRows, provider: StoreResultsProvider(storePath: storePath))
    }

    /// Writes the pipeline's newest results as its baseline (see `apen baseline --help`).
    public static func baseline(
        pipelineFile: String, storePath: String, resultsPath: String? = nil, outputPath: String? = nil
    ) -> CommandOutput {
        baseline(
            pipelineFile: pipelineFile, resultsPath: resultsPath, outputPath: outputPath,
            provider: StoreResultsProvider(storePath: storePath))
    }

    /// Compares two runs from the store's history: ids, `latest`, `previous` (see `apen diff --help`).
    public static func diff(
        _ a: String, _ b: String, storePath: String, pipeline: String? = nil, format: OutputFormat = .text,
        all: Bool = false, maxRows: Int? = nil
    ) -> CommandOutput {
        diff(
            a, b, pipeline: pipeline, format: format, all: all, maxRows: maxRows,
            provider: StoreResultsProvider(storePath: storePath))
    }
}
