import ApenCore
import ArgumentParser
import Foundation
import Pipeline

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline: ingest, compute indicators, write reports, check the baseline.",
        discussion: """
            Stages whose inputs and definitions are unchanged since their last successful run are \
            skipped and their stored results reused (see `apen plan`). Outputs are written to a \
            temporary file and renamed, so a failed run keeps the last good outputs.
            Exit codes: 0 success, 1 run failure (bad data beyond max_rejected, a failed stage, \
            a failed check), 2 invalid pipeline or usage.
            """)

    @OptionGroup var selection: RunSelection

    @Option(help: "Dispatch workers (default: active processor count).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        limitMallocArenas(jobs: jobs)
        let spec = try selection.loadSpec()
        var options = selection.runOptions
        options.jobs = jobs
        options.progress = quiet ? SilentProgress() : StderrProgress()
        let summary: RunSummary
        do { summary = try PipelineRunner.run(spec, options: options) } catch {
            throw fail(error, usage: error is Diagnostic && selection.only != nil)
        }
        if !quiet || summary.exitCode != 0 { printError(RunReport.text(summary)) }
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }
}
