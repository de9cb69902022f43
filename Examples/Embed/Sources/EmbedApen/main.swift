// Runs a pipeline with Åpen as a library and prints what a researcher's script would want:
//
//   swift run --package-path Examples/Embed EmbedApen pipelines/example.yaml
//
// Exit status: 0 when the results are within the baseline's tolerances, 1 when they drift or
// the run fails, 2 when the pipeline is invalid.
import ApenCore
import Check
import Foundation
import Pipeline

let arguments = CommandLine.arguments.dropFirst()
guard let pipelineFile = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedApen PIPELINE.yaml\n".utf8))
    exit(2)
}

// 1. Load and validate: every problem of the file at once, as `file:line:column: message`.
let spec: PipelineSpec
do {
    spec = try PipelineLoader.load(path: pipelineFile)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
for warning in spec.warnings { print("warning: \(warning)") }
print("\(spec.name): \(spec.selectedIndicatorIDs.count) indicators selected")

// 2. Run it: into a scratch folder and store, so the committed reports stay as they are.
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("apen-embed-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: scratch) }
var options = RunOptions()
options.storePath = scratch.appendingPathComponent("store.sqlite").path
options.outputDirectory = scratch.appendingPathComponent("out").path
options.reportDate = "2025-11-30"
let summary: RunSummary
do {
    summary = try PipelineRunner.run(spec, options: options)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
print(RunReport.text(summary))

// 3. Read the results: the run's indicators.csv (`outputs` are the paths it wrote), one
//    IndicatorRow per (indicator, municipality, year, breakdown), in METHODS §1 order.
guard let csv = summary.outputs.first(where: { $0.hasSuffix("indicators.csv") }) else {
    FileHandle.standardError.write(Data("the run wrote no indicators.csv\n".utf8))
    exit(1)
}
let rows: [IndicatorRow]
do {
    rows = try IndicatorCSV.read(path: csv)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
let flagged = rows.filter { !$0.flags.isEmpty }.count
print("\(rows.count) result rows, \(flagged) with a reliability flag")
if let first = rows.first {
    print("first row: \(first.key) = \(first.value) (n = \(first.n))")
}

// 4. Compare with the baseline under the pipeline's tolerances (as `apen check`).
let check = CheckCommands.check(pipelineFile: pipelineFile, storePath: options.storePath, format: .md)
print(check.stdout.split(separator: "\n").prefix(3).joined(separator: "\n"))
exit(check.exitCode == 0 && summary.exitCode == 0 ? 0 : 1)
