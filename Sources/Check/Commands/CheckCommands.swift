import ApenCore
import Foundation

/// The logic of `apen check`, `apen baseline` and `apen diff`, as functions from arguments to
/// a ``CommandOutput``; the executable only parses options, calls these, prints and exits.
///
/// ```swift
/// let out = CheckCommands.check(pipelineFile: "example.apen.yaml", provider: live)
/// print(out.stdout, terminator: "")   // then exit(out.exitCode)
/// ```
public enum CheckCommands {
    /// `apen check FILE [--results CSV] [--baseline CSV] [--format F] [--all] [--max-rows N]`.
    ///
    /// Compares the pipeline's current results (or the rows of `resultsPath`) with the
    /// baseline (`baselinePath`, else the pipeline's `check: baseline:`) under the pipeline's
    /// tolerances. Without a `check:` section a `--baseline` is required and values must be
    /// equal; the policies are then the defaults (missing fail, added warn, n changed warn).
    ///
    /// Exit 0 when every row is within tolerance, 1 on any failure, 2 when the check cannot be
    /// made (no baseline configured, a baseline or results file that cannot be read or parsed,
    /// an invalid pipeline, a failed run) — the reason goes to standard error.
    package static func check(
        pipelineFile: String, resultsPath: String? = nil, baselinePath: String? = nil,
        format: OutputFormat = .text, all: Bool = false, maxRows: Int? = nil, provider: any ResultsProvider
    ) -> CommandOutput {
        let outcome = checkOutcome(
            pipelineFile: pipelineFile, resultsPath: resultsPath, baselinePath: baselinePath, provider: provider)
        switch outcome {
        case .unusable(let reason):
            return .unusable(reason)
        case .passed(let report), .failed(let report):
            return CommandOutput(
                stdout: report.rendered(
                    as: format, all: all, title: "Åpen check: \(pipelineFile)", maxRows: maxRows, file: pipelineFile),
                exitCode: outcome.exitCode)
        }
    }

    /// The outcome of `apen check`, before it is rendered.
    package static func checkOutcome(
        pipelineFile: String, resultsPath: String?, baselinePath: String?, provider: any ResultsProvider
    ) -> CheckOutcome {
        let configured: CheckConfiguration?
        do {
            configured = try provider.checkConfiguration(pipelineFile: pipelineFile)
        } catch {
            return .unusable(reason: "\(error)")
        }
        guard var configuration = configured ?? baselinePath.map({ CheckConfiguration(baseline: $0, tolerances: []) })
        else {
            return .unusable(
                reason: "\(pipelineFile): no 'check:' section, so there is no baseline to compare with; "
                    + "add one or give --baseline CSV")
        }
        if let baselinePath { configuration.baseline = baselinePath }

        let baseline: [IndicatorRow]
        do {
            baseline = try IndicatorCSV.read(path: configuration.baseline)
        } catch {
            return .unusable(
                reason: "cannot use the baseline: \(error)"
                    + (FileManager.default.fileExists(atPath: configuration.baseline)
                        ? "" : " (create it with 'apen baseline \(pipelineFile)')")
            )
        }
        let current: [IndicatorRow]
        do {
            current =
                try resultsPath.map(IndicatorCSV.read(path:)) ?? provider.currentResults(pipelineFile: pipelineFile)
        } catch {
            return .unusable(reason: "cannot get the new results: \(error)")
        }
        do {
            return CheckOutcome(
                try CheckReport.compare(
                    baseline: baseline, current: current, configuration: configuration,
                    baselineName: configuration.baseline, currentName: resultsPath ?? "results of \(pipelineFile)"))
        } catch {
            return .unusable(reason: "\(error)")
        }
    }

    /// `apen baseline FILE [--results CSV] [--output CSV]`.
    ///
    /// Writes the pipeline's current results (or the rows of `resultsPath`) as the new
    /// baseline, atomically (``AtomicFile``: a reader sees the old or the new file, never
    /// half), to `outputPath` or the pipeline's `check: baseline:`. Exit 0 on success, 2 when
    /// there is nowhere to write, the results cannot be had, or the write fails.
    ///
    /// - Parameter writer: writes text to a path; tests may inject one.
    package static func baseline(
        pipelineFile: String, resultsPath: String? = nil, outputPath: String? = nil, provider: any ResultsProvider,
        writer: (String, String) throws -> Void = { try AtomicFile.write($0, to: $1) }
    ) -> CommandOutput {
        let target: String
        do {
            guard let path = try outputPath ?? provider.checkConfiguration(pipelineFile: pipelineFile)?.baseline else {
                return .unusable(
                    "\(pipelineFile): no 'check: baseline:' path to write to; add one or give --output CSV")
            }
            target = path
        } catch {
            return .unusable("\(error)")
        }
        let rows: [IndicatorRow]
        do {
            rows = try resultsPath.map(IndicatorCSV.read(path:)) ?? provider.currentResults(pipelineFile: pipelineFile)
        } catch {
            return .unusable("cannot get the results: \(error)")
        }
        let change = changeNote(from: target, to: rows)
        do {
            try writer(IndicatorCSV.render(rows), target)
        } catch {
            return .unusable("cannot write the baseline: \(error)")
        }
        return CommandOutput(stdout: "wrote \(rows.count) rows to \(target)\(change)\n", exitCode: 0)
    }

    /// How the new baseline differs from the file it replaces, compared exactly:
    /// ` (was 718 rows: 3 changed, 2 added, 0 removed)`, ` (unchanged)`, or nothing when
    /// there was no file; rows whose value and n stay but whose SE, interval, df or flags
    /// change are counted too (` (values unchanged; 480 rows with a new se, interval, df or flag)`).
    static func changeNote(from path: String, to rows: [IndicatorRow]) -> String {
        guard FileManager.default.fileExists(atPath: path) else { return "" }
        let old: [IndicatorRow]
        do {
            old = try IndicatorCSV.read(path: path)
        } catch {
            return " (replacing a file that was not a valid baseline: \(error))"
        }
        guard
            let report = try? CheckReport.compare(
                baseline: old, current: rows, configuration: RunDiff.exactConfiguration)
        else { return "" }
        let s = report.summary
        let byKey = Dictionary(old.map { (RowKey($0), $0) }, uniquingKeysWith: { a, _ in a })
        let restated = rows.filter { r in
            guard let o = byKey[RowKey(r)], o.value.bitPattern == r.value.bitPattern, o.n == r.n else { return false }
            return
                !(o.se?.bitPattern == r.se?.bitPattern && o.ciLow?.bitPattern == r.ciLow?.bitPattern
                && o.ciHigh?.bitPattern == r.ciHigh?.bitPattern && o.df == r.df && o.flags == r.flags)
        }.count
        let also = restated == 0 ? "" : "; \(restated) rows with a new se, interval, df or flag"
        if s.failures == 0 { return restated == 0 ? " (unchanged)" : " (values unchanged\(also))" }
        return
            " (was \(old.count) rows: \(s.drifted + s.nChanged) changed, \(s.added) added, \(s.missing) removed\(also))"
    }

    /// `apen diff RUN_A RUN_B [--pipeline NAME] [--format F] [--all] [--max-rows N]`.
    ///
    /// Compares two runs from the store's history (ids, `latest`, `previous`): result rows
    /// with exact equality, plus the inputs and stages that differ. Exit 0 when identical,
    /// 1 when they differ (as `diff(1)`), 2 for a bad run reference or a run that is not there.
    package static func diff(
        _ a: String, _ b: String, pipeline: String? = nil, format: OutputFormat = .text, all: Bool = false,
        maxRows: Int? = nil, provider: any ResultsProvider
    ) -> CommandOutput {
        var refs: [RunReference] = []
        for text in [a, b] {
            guard let ref = RunReference(text) else {
                return .unusable("'\(text)' is not a run: give a run id (see 'apen history'), 'latest' or 'previous'")
            }
            refs.append(ref)
        }
        do {
            let diff = try RunDiff.compare(
                from: provider.run(refs[0], pipeline: pipeline), to: provider.run(refs[1], pipeline: pipeline))
            return CommandOutput(stdout: diff.rendered(as: format, all: all, maxRows: maxRows), exitCode: diff.exitCode)
        } catch {
            return .unusable("\(error)")
        }
    }
}
