import ArgumentParser
import Check

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

    @Option(help: "Output format: text, md or json.")
    var format: FormatOption = .text

    @Flag(help: "Also list rows that are equal.")
    var all = false

    @Option(help: "Show at most N rows in text and md output (the worst first); json keeps every row.")
    var maxRows: Int?

    @Option(help: ArgumentHelp("The store file.", valueName: "PATH"))
    var store = ".apen/store.sqlite"

    func validate() throws {
        if let maxRows, maxRows < 0 { throw ValidationError("--max-rows must be 0 or more, found \(maxRows)") }
    }

    func run() throws {
        let provider: any ResultsProvider
        do {
            provider = try CheckWiring.provider(store: store)
        } catch {
            try CommandOutput.unusable("\(error)").emit()
            return
        }
        try CheckCommands.diff(
            runA, runB, pipeline: pipeline, format: format.value, all: all, maxRows: maxRows, provider: provider
        ).emit()
    }
}
