import ArgumentParser
import Store

struct PruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete old runs and the stage outputs no kept run uses.",
        discussion: """
            Keeps, for every pipeline, its newest --keep finished runs and always its newest \
            succeeded run (whose outputs the next run reuses); runs still running are never \
            touched. Deletes the other runs (with their stages, inputs and rejected rows), every \
            stage output and result that no kept run refers to, and the cached hashes of files \
            that no longer exist. The committed reports and baselines are files, not store \
            rows: they are not touched. --dry-run says what would go and changes nothing. \
            Waits for a run that holds the store's lock. See docs/store.md.
            """)

    @Option(name: .long, help: "Finished runs to keep per pipeline (at least 1).")
    var keep: Int = 20

    @Flag(name: .long, help: "Say what would be deleted; delete nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Run SQLite's VACUUM afterwards, so the file shrinks.")
    var vacuum = false

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard keep >= 1 else {
            throw ValidationError("--keep must be at least 1 (every pipeline keeps its newest run)")
        }
    }

    func run() throws {
        do {
            let store = try Store(path: storeOptions.store, createIfMissing: false)
            let lock = try store.acquireRunLock(wait: true, announce: printError)
            defer { lock.release() }
            let summary = try store.prune(keepingRuns: keep, vacuum: vacuum && !dryRun, dryRun: dryRun)
            let hashes = dryRun ? nil : try store.pruneFileHashes()
            print(Self.text(summary, forgottenHashes: hashes, dryRun: dryRun))
        } catch { throw fail(error, usage: false) }
    }

    static func text(_ s: PruneSummary, forgottenHashes: Int?, dryRun: Bool) -> String {
        func runs(_ n: Int) -> String { "\(n) run\(n == 1 ? "" : "s")" }
        func outputs(_ n: Int) -> String { "\(n) stage output\(n == 1 ? "" : "s")" }
        if dryRun {
            return "Would delete \(runs(s.runs)) and \(outputs(s.outputs)); would keep \(runs(s.keptRuns)) and "
                + "\(outputs(s.keptOutputs)). Nothing was deleted (--dry-run)."
        }
        var text =
            "Deleted \(runs(s.runs)) and \(outputs(s.outputs)); kept \(runs(s.keptRuns)) and \(outputs(s.keptOutputs))."
        if let n = forgottenHashes, n > 0 {
            text +=
                " Forgot the cached hashes of \(n) file\(n == 1 ? "" : "s") that no longer exist\(n == 1 ? "s" : "")."
        }
        return text
    }
}
