import ApenCore
import Check
import Foundation
import Indicators
import Ingest
import Reports

extension Execution {
    /// The report stage: every output file of the run, written atomically; returns path → SHA-256
    /// and the findings the report states (kept in the stage summary for `apen diff`).
    ///
    /// Nothing here reads the clock or the machine: the date is `options.reportDate`
    /// (`SOURCE_DATE_EPOCH` when set) and the run id shown is the stage's content key, so the same
    /// inputs give byte-identical files.
    func writeReport(_ p: PlannedStage) throws -> (files: [String: String], findings: [Finding]) {
        let rows = try allResultRows()
        var quality: [SourceQuality] = []
        var inputs: [InputFile] = []
        var warnings: [RunWarning] = []
        for s in spec.sources {
            guard let info = try stageSummary(of: .ingest(source: s.name))?.ingest else { continue }
            let coverage = info.coverage.sorted.map {
                Reports.Coverage(municipality: $0.group.municipality, year: $0.group.year, rows: $0.rows)
            }
            quality.append(
                SourceQuality(
                    name: s.name, file: info.path, rowsRead: info.rowsRead, accepted: info.accepted,
                    rejected: info.rejected,
                    rejectedRowsFile: info.rejected > 0 ? "rejected-rows.csv" : nil, coverage: coverage))
            inputs.append(InputFile(path: info.path, sha256: info.sha256))
        }
        // Each once, in plan order (a split municipality is named once per run, METHODS §8).
        var seen = Set<RunWarning>()
        for stage in plan {
            guard let summary = try stageSummary(of: stage.stage.kind) else { continue }
            let data =
                summary.reportWarnings
                ?? summary.warnings.map { RunWarning(.other, source: "", text: $0) }
            for w in data where seen.insert(w).inserted { warnings.append(w) }
        }
        let pipelineHash = (try? SHA256.hexOfFile(path: spec.path)) ?? ""
        var reportOptions = spec.report
        reportOptions.minN = spec.minN
        var input = ReportInput(
            title: spec.title, language: spec.language, rows: rows, catalogue: catalogue(), options: reportOptions,
            quality: quality,
            provenance: Provenance(
                inputFiles: inputs, pipelineHash: pipelineHash, toolVersion: ApenVersion.string,
                runID: String(p.key.prefix(12)), date: options.reportDate, municipalityStructure: spec.harmoniseTo),
            warnings: warnings)
        input.jobs = options.jobs
        if plan.contains(where: { $0.stage.kind == .groups }) {
            input.groupRows = try stageSummary(of: .groups)?.groupRows ?? []
        }
        // Every file is staged before any is renamed into place (see OutputBatch), so a run
        // killed while writing leaves the previous outputs; temporaries of a killed run go first.
        OutputBatch.removeStaleTemporaries(in: outDir)
        var files: [String: String] = [:]
        var batch = OutputBatch()
        func put(_ name: String, _ text: String) throws {
            let path = outDir + "/" + name
            let data = Data(text.utf8)
            try batch.stage(data, to: path)
            files[path] = SHA256.hex(of: data)
        }
        let (rendered, findings) = ReportWriter.renderWithFindings(input)
        do {
            for (name, text) in rendered { try put(name, text) }
            try put("rejected-rows.csv", RejectedRowsFile.render(sortedRejected()))
        } catch {
            batch.discard()
            throw error
        }
        try batch.commit()
        removeStaleCharts(keeping: Set(rendered.map(\.name)))
        return (files, findings)
    }

    /// Deletes chart files an earlier run wrote that this run did not (an indicator that is no
    /// longer selected), after the new files are in place.
    private func removeStaleCharts(keeping names: Set<String>) {
        // Profiles of municipalities no longer in focus, and their charts, go the same way.
        for (folder, suffixes) in [
            ("charts", [".svg"]), ("profiles", [".html", ".md"]), ("profiles/charts", [".svg"]),
        ] {
            let path = outDir + "/" + folder
            guard let existing = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for file in existing where suffixes.contains(where: file.hasSuffix) && !names.contains(folder + "/" + file)
            {
                try? FileManager.default.removeItem(atPath: path + "/" + file)
            }
        }
    }

    /// Built-in entries plus the pipeline's own custom and composite indicators.
    func catalogue() -> [IndicatorInfo] {
        BuiltinCatalogue.entries + spec.custom.map(CustomIndicators.info)
            + spec.composites.flatMap(CompositeIndex.infos)
    }

    /// The check stage: the run's results against the baseline, under the pipeline's tolerances.
    ///
    /// A baseline that cannot be read fails the check, not the run: the results are still good
    /// and are recorded, so `apen baseline` can write the first baseline from them.
    func runCheck(_ p: PlannedStage) throws -> StageSummary.CheckInfo {
        guard let configuration = spec.check else {
            throw Diagnostic(SourceLocation(path: spec.path), "no check: section")
        }
        let baseline: [IndicatorRow]
        do { baseline = try IndicatorCSV.read(path: configuration.baseline) } catch {
            let line = "cannot read the baseline: \(error) (write one with 'apen baseline \(spec.path)')"
            return StageSummary.CheckInfo(passed: false, summaryLine: line, text: line + "\n")
        }
        let report = try CheckReport.compare(
            baseline: baseline, current: try allResultRows(), configuration: configuration,
            baselineName: configuration.baseline, currentName: "results of \(spec.path)")
        let text = report.rendered(as: .text, all: false, title: "Åpen check: \(spec.path)")
        return StageSummary.CheckInfo(passed: report.passed, summaryLine: report.summaryLine, text: text)
    }
}
