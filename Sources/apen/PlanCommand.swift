import ApenCore
import ArgumentParser
import Pipeline

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show, per stage, whether `apen run` would run or skip it, and why. Runs nothing.")

    @Argument(help: "The pipeline file.")
    var file: String

    @Option(help: "Output folder (default: reports/<pipeline name>).")
    var out: String?

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Plan as `apen run --force` would.")
    var force = false

    @Option(help: "Plan only this stage and what it needs.")
    var only: String?

    func run() throws {
        let spec: PipelineSpec
        do { spec = try PipelineLoader.load(path: file) } catch { throw fail(error, usage: true) }
        var options = RunOptions()
        options.storePath = storeOptions.store
        options.outputDirectory = out
        options.force = force
        options.only = only
        do {
            let plan = try PipelineRunner.plan(spec, options: options)
            print(RunReport.planText(plan), terminator: "")
        } catch { throw fail(error, usage: error is Diagnostic) }
    }
}
