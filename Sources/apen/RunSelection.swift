import ArgumentParser
import Pipeline

/// What `apen run` and `apen plan` share: the pipeline, where it writes, the store, and which
/// stages are considered. `plan` answers for exactly the run these options describe.
struct RunSelection: ParsableArguments {
    @Argument(help: "The pipeline file (pipelines/*.yaml).")
    var file: String

    @Option(help: "Output folder (default: reports/<pipeline name>).")
    var out: String?

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Rerun every stage, ignoring stored results.")
    var force = false

    @Option(help: "Run only this stage (and what it needs), e.g. indicators.survey.")
    var only: String?

    /// The pipeline, loaded and validated; an invalid one is printed and exits 2.
    func loadSpec() throws -> PipelineSpec {
        do { return try PipelineLoader.load(path: file) } catch { throw fail(error, usage: true) }
    }

    /// Run options with these choices filled in.
    var runOptions: RunOptions {
        var options = RunOptions()
        options.storePath = storeOptions.store
        options.outputDirectory = out
        options.force = force
        options.only = only
        return options
    }
}
