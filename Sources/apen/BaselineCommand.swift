import ArgumentParser
import Check

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
            "Take the results from this indicator CSV instead of running the pipeline.", valueName: "CSV"))
    var results: String?

    @Option(help: ArgumentHelp("Write here instead of the pipeline's 'check: baseline:'.", valueName: "CSV"))
    var output: String?

    @Option(help: ArgumentHelp("The store file.", valueName: "PATH"))
    var store = ".apen/store.sqlite"

    func run() throws {
        let provider: any ResultsProvider
        do {
            provider = try CheckWiring.provider(store: store)
        } catch {
            try CommandOutput.unusable("\(error)").emit()
            return
        }
        try CheckCommands.baseline(pipelineFile: file, resultsPath: results, outputPath: output, provider: provider)
            .emit()
    }
}
