import ArgumentParser
import Pipeline
import Store

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the runs recorded in the store, newest first.")

    @Argument(help: "A pipeline file: only its runs.")
    var file: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        var pipeline: String?
        if let file {
            do { pipeline = try PipelineLoader.load(path: file).name } catch { throw fail(error, usage: true) }
        }
        do {
            let store = try Store(path: storeOptions.store, createIfMissing: false)
            print(RunReport.historyText(try store.history(pipeline: pipeline)), terminator: "")
        } catch { throw fail(error, usage: false) }
    }
}
