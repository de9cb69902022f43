import ApenCore
import ArgumentParser
import Foundation
import Pipeline

/// `apen validate FILE…` — checks pipeline files without reading any data beyond header lines.
///
/// Prints `FILE: ok (N sources, M indicators)` for a valid file (warnings, if any, go to
/// standard error first), or every error of the file as `file:line:column: message`.
/// Exits with 2 when any file has an error, so CI can gate on it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check pipeline files and report every problem at once.",
        discussion: """
            Reports unknown keys (with a suggestion), values of the wrong type, missing keys, \
            source files that do not exist, header columns and scale items the files lack, \
            unknown indicator ids and globs that match nothing. Exit status: 0 valid, 2 errors.
            """
    )

    @Argument(help: "Pipeline files (YAML).")
    var files: [String]

    func run() throws {
        var failed = false
        for file in files {
            do {
                let spec = try PipelineLoader.load(path: file)
                for warning in spec.warnings { printError(warning.description) }
                let n = spec.sources.count
                let m = spec.selectedIndicatorIDs.count
                print(
                    "\(file): ok (\(n) \(n == 1 ? "source" : "sources"), \(m) \(m == 1 ? "indicator" : "indicators"))")
            } catch let list as DiagnosticList {
                for diagnostic in list.diagnostics { printError(diagnostic.description) }
                let errors = list.diagnostics.filter { $0.severity == .error }.count
                printError("\(file): \(errors) \(errors == 1 ? "error" : "errors")")
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}
