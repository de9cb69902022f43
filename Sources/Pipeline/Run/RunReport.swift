import ApenCore
import Foundation
import Store

/// The text `apen run`, `apen plan` and `apen history` print, rendered in one place.
public enum RunReport {
    /// One line per stage: `run  indicators.survey   survey.csv changed`.
    package static func planText(_ plan: [PlannedStage]) -> String {
        let width = plan.map(\.stage.id.count).max() ?? 0
        var out = ""
        for p in plan {
            out +=
                "\(p.action.rawValue.padding(toLength: 5, withPad: " ", startingAt: 0))\(p.stage.id.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(p.reasonText)\n"
        }
        let runs = plan.filter { $0.action == .run }.count
        out += "\(runs) to run, \(plan.count - runs) to skip\n"
        return out
    }

    /// The end-of-run summary: stages run/skipped, rows, indicators, outputs, wall time, problems.
    public static func text(_ s: RunSummary) -> String {
        var lines: [String] = []
        let ran = s.plan.filter { $0.action == .run }.count
        lines.append("run \(s.runID) of \(s.pipeline): \(ran) stages run, \(s.plan.count - ran) skipped")
        let reused = s.plan.filter { $0.action == .skip && !$0.stage.isIngest }.count
        lines.append(
            "rows read in this run: \(s.rowsRead), rejected: \(s.rowsRejected)"
                + (s.rejectedRowsFile.map { " (listed in \($0))" } ?? ""))
        lines.append(
            "indicator rows computed in this run: \(s.indicatorRows)"
                + (reused > 0 ? " (results of \(reused) unchanged stages reused from the store)" : ""))
        if !s.outputs.isEmpty {
            let folders = Set(s.outputs.map { ($0 as NSString).deletingLastPathComponent }).sorted()
            lines.append("outputs: \(s.outputs.count) files in " + folders.joined(separator: ", "))
        }
        if let c = s.check {
            if !c.passed { lines.append(c.text.trimmingCharacters(in: .newlines)) }
            lines.append("check: " + c.summaryLine + (c.passed ? "" : " — FAILED"))
        }
        for w in s.warnings.prefix(20) { lines.append("warning: " + shortened(w)) }
        if s.warnings.count > 20 { lines.append("warning: … and \(s.warnings.count - 20) more") }
        for f in s.failures { lines.append("error: " + f) }
        lines.append(String(format: "wall time: %.3f s — %@", s.wallSeconds, s.exitCode == 0 ? "ok" : "FAILED"))
        return lines.joined(separator: "\n")
    }

    /// A warning that lists many groups (`… for 1101/2015, 1111/2015, …`), cut to its first
    /// eight groups and a count; the report's warnings section keeps the whole list.
    static func shortened(_ warning: String, keep: Int = 8) -> String {
        guard let r = warning.range(of: " for ", options: .backwards) else { return warning }
        let groups = warning[r.upperBound...].components(separatedBy: ", ")
        guard groups.count > keep else { return warning }
        return warning[..<r.upperBound] + groups.prefix(keep).joined(separator: ", ")
            + " … and \(groups.count - keep) more (\(groups.count) groups; all listed in the report)"
    }

    /// `apen history`: one line per run, newest first.
    package static func historyText(_ runs: [RunRecord]) -> String {
        guard !runs.isEmpty else { return "no runs recorded\n" }
        var out = "id\tpipeline\tstarted\tfinished\tstatus\trows read\trejected\tindicators\ttool\n"
        for r in runs {
            out +=
                "\(r.id)\t\(r.pipeline)\t\(r.started)\t\(r.finished ?? "")\t\(r.status.rawValue)\t\(r.counts?.rowsRead ?? 0)\t\(r.counts?.rowsRejected ?? 0)\t\(r.counts?.indicators ?? 0)\t\(r.toolVersion)\n"
        }
        return out
    }
}
