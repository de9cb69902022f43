import ArgumentParser
import Check
import Pipeline

/// `apen baseline FILE`: write the pipeline's current results as its new baseline, atomically.
struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Write the pipeline's current results as the new baseline (atomically).",
        discussion: "Review the change with 'apen check' first; commit the baseline file with the change that moved it."
    )

    @Argument(help: "The pipeline file.")
    var file: String

    @Option(
        help: ArgumentHelp(
            "Take the results from this indicator CSV instead of the pipeline's latest successful run.",
            valueName: "CSV"))
    var results: String?

    @Option(help: ArgumentHelp("Write here instead of the pipeline's 'check: baseline:'.", valueName: "CSV"))
    var output: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let provider = StoreResultsProvider(storePath: storeOptions.store)
        try CheckCommands.baseline(pipelineFile: file, resultsPath: results, outputPath: output, provider: provider)
            .emit()
    }
}
