import ApenCore
import ArgumentParser
import Check
import Foundation
import Pipeline

/// `apen check FILE`: compare the pipeline's results with its baseline; exit 0 / 1 / 2.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compare the pipeline's results with its baseline, within the declared tolerances.",
        discussion: """
            Exit status: 0 when every row is within tolerance, 1 when any row drifted (or is \
            missing/added/has a changed n under a 'fail' policy), 2 when the check cannot be made \
            (usage error, no or unreadable baseline). See docs/check.md.
            """)

    @Argument(help: "The pipeline file.")
    var file: String

    @Option(
        help: ArgumentHelp(
            "Take the new results from this indicator CSV instead of the pipeline's latest successful run.",
            valueName: "CSV"))
    var results: String?

    @Option(help: ArgumentHelp("Compare with this CSV instead of the pipeline's 'check: baseline:'.", valueName: "CSV"))
    var baseline: String?

    @OptionGroup var output: OutputOptions

    @Flag(help: "Also list rows that are within tolerance.")
    var all = false

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let provider = StoreResultsProvider(storePath: storeOptions.store)
        try CheckCommands.check(
            pipelineFile: file, resultsPath: results, baselinePath: baseline, format: output.format.value, all: all,
            maxRows: output.maxRows, provider: provider
        ).emit()
    }
}

/// `--format` and `--max-rows`, shared by `check` and `diff`.
struct OutputOptions: ParsableArguments {
    @Option(
        help:
            "Output format: text, md (a GitHub table for a PR comment), json, junit (JUnit XML for CI test reports) or github (GitHub Actions annotations)."
    )
    var format: FormatOption = .text

    @Option(help: "Show at most N rows in text and md output (the worst first); json keeps every row.")
    var maxRows: Int?

    func validate() throws {
        if let maxRows, maxRows < 0 { throw ValidationError("--max-rows must be 0 or more, found \(maxRows)") }
    }
}

extension CommandOutput {
    /// Prints stdout and stderr, then exits with `exitCode` (returns normally for 0).
    func emit() throws {
        if !stdout.isEmpty { print(stdout, terminator: "") }
        if !stderr.isEmpty { FileHandle.standardError.write(Data(stderr.utf8)) }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
