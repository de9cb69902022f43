import ApenCore
import Check
import Foundation
import Ingest

extension Execution {
    /// The report stage: every output file of the run, written atomically; returns path → SHA-256.
    func writeReport(_ p: PlannedStage) throws -> [String: String] {
        let rows = try allResultRows()
        var files: [String: String] = [:]
        func put(_ name: String, _ text: String) throws {
            let path = outDir + "/" + name
            try AtomicFile.write(text, to: path)
            files[path] = SHA256.hex(of: Data(text.utf8))
        }
        try put("indicators.csv", IndicatorCSV.render(rows))
        try put("rejected-rows.csv", RejectedRowsFile.render(lockedRejected()))
        return files
    }

    /// The check stage: the run's results against the baseline, under the pipeline's tolerances.
    func runCheck(_ p: PlannedStage) throws -> StageSummary.CheckInfo {
        guard let configuration = spec.check else { throw Diagnostic(SourceLocation(path: spec.path), "no check: section") }
        let baseline = try IndicatorCSV.read(path: configuration.baseline)
        let report = try CheckReport.compare(
            baseline: baseline, current: try allResultRows(), configuration: configuration,
            baselineName: configuration.baseline, currentName: "results of \(spec.path)")
        let text = report.rendered(as: .text, all: false, title: "Åpen check: \(spec.path)")
        let summaryLine = text.split(separator: "\n").last.map(String.init) ?? ""
        return StageSummary.CheckInfo(passed: report.passed, summaryLine: summaryLine, text: text)
    }
}
