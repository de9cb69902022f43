import ApenCore
import ArgumentParser
import CMalloc
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

/// Caps glibc's malloc arenas at the number of workers (at least 2).
///
/// glibc gives each thread that allocates while another holds an arena an arena of its own (up
/// to 8 per core), and memory freed in one arena serves only that arena's threads again. A run's
/// workers allocate range states and chunk tables that the merging thread frees, so freed memory
/// piled up in arenas no thread reused: at national scale 10 the peak RSS varied between 226 and
/// 251 MiB from run to run with the default, 224–236 MiB with two arenas, at the same speed
/// (bench/PERFORMANCE.md). Call it before any thread starts; elsewhere than glibc it does nothing.
func limitMallocArenas(jobs: Int) {
    apen_limit_malloc_arenas(Int32(clamping: max(2, jobs)))
}
