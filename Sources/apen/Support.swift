import ApenCore
import ArgumentParser
import Foundation

/// Writes a line to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Maps library errors to Åpen's exit codes in one place: diagnostics about the pipeline file or
/// usage are 2; anything else that stops a command is 1.
func fail(_ error: Error, usage: Bool) -> ExitCode {
    printError(String(describing: error))
    return ExitCode(usage ? 2 : 1)
}

/// Options shared by commands that use the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite store.")
    var store: String = ".apen/store.sqlite"
}
