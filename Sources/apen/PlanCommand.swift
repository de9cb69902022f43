import ApenCore
import ArgumentParser
import Pipeline

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show, per stage, whether `apen run` would run or skip it, and why. Runs nothing.")

    @OptionGroup var selection: RunSelection

    func run() throws {
        let spec = try selection.loadSpec()
        do {
            let plan = try PipelineRunner.plan(spec, options: selection.runOptions)
            print(RunReport.planText(plan), terminator: "")
        } catch { throw fail(error, usage: error is Diagnostic) }
    }
}
