import ArgumentParser
import Check
import Pipeline

/// `apen diff RUN_A RUN_B`: which results, inputs and stages differ between two stored runs.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show which results, inputs and stages differ between two runs.",
        discussion:
            "Runs are ids from 'apen history', 'latest' or 'previous'. Exit 0 when identical, 1 when different, 2 on error."
    )

    @Argument(help: "The older run: an id, 'latest' or 'previous'.")
    var runA: String

    @Argument(help: "The newer run: an id, 'latest' or 'previous'.")
    var runB: String

    @Option(help: "Count 'latest' and 'previous' among this pipeline's runs only.")
    var pipeline: String?

    @OptionGroup var output: OutputOptions

    @Flag(help: "Also list rows that are equal.")
    var all = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let provider = StoreResultsProvider(storePath: storeOptions.store)
        try CheckCommands.diff(
            runA, runB, pipeline: pipeline, format: output.format.value, all: all, maxRows: output.maxRows,
            provider: provider
        ).emit()
    }
}
