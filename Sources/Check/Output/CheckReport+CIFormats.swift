import ApenCore
import Foundation

/// The check as CI systems read it (docs/check.md): JUnit XML, which GitLab, Jenkins, Azure and
/// most test-report tools show, and GitHub Actions workflow commands, which GitHub turns into
/// annotations on the pull request.
extension CheckReport {
    /// JUnit XML: one `<testcase>` per indicator compared (its rows are the case), in METHODS
    /// §1 order. A case fails when any of its rows fails; the `<failure>` lists each failing row
    /// with baseline, new, Δ, n and the tolerance that applied. Warnings (rows added, n changed
    /// under `warn`) go to the case's `<system-out>`; ok rows are counted, not listed.
    func junit(title: String) -> String {
        var groups: [(indicator: String, rows: [RowComparison])] = []
        var position: [String: Int] = [:]
        for r in rows.sorted(by: { RowKey.canonicalOrder($0.key, $1.key) }) {
            if let i = position[r.key.indicator] {
                groups[i].rows.append(r)
            } else {
                position[r.key.indicator] = groups.count
                groups.append((r.key.indicator, [r]))
            }
        }
        let failingCases = groups.filter { $0.rows.contains { $0.verdict == .fail } }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuites name=\"\(Self.xml(title))\" tests=\"\(groups.count)\" failures=\"\(failingCases)\" errors=\"0\">\n"
        out +=
            "  <testsuite name=\"\(Self.xml(title))\" tests=\"\(groups.count)\" failures=\"\(failingCases)\" errors=\"0\" skipped=\"0\">\n"
        out += "    <properties><property name=\"summary\" value=\"\(Self.xml(summaryLine))\"/></properties>\n"
        for g in groups {
            let failures = g.rows.filter { $0.verdict == .fail }
            let warnings = g.rows.filter { $0.verdict == .warn }
            out += "    <testcase classname=\"apen.check\" name=\"\(Self.xml(g.indicator))\""
            guard !failures.isEmpty || !warnings.isEmpty else {
                out += "/>\n"
                continue
            }
            out += ">\n"
            if !failures.isEmpty {
                let message = "\(failures.count) of \(g.rows.count) rows failed"
                let kinds = Set(failures.map(\.status.label)).sorted().joined(separator: ", ")
                out += "      <failure type=\"\(Self.xml(kinds))\" message=\"\(Self.xml(message))\">"
                out += XMLText.text(failures.map(Self.line).joined(separator: "\n")) + "</failure>\n"
            }
            if !warnings.isEmpty {
                let text = XMLText.text(warnings.map(Self.line).joined(separator: "\n"))
                out += "      <system-out>" + text + "</system-out>\n"
            }
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// GitHub Actions workflow commands: `::error` for each failing row and `::warning` for each
    /// warning, annotated on `file` (the pipeline file), then the summary as a `::notice`.
    func githubAnnotations(file: String?) -> String {
        var out = ""
        let fileProperty = file.map { "file=\(Self.workflowProperty($0))," } ?? ""
        for r in rows where r.verdict != .ok {
            let level = r.verdict == .fail ? "error" : "warning"
            out +=
                "::\(level) \(fileProperty)title=\(Self.workflowProperty("apen check: \(r.status.label)"))::"
                + Self.workflowData(Self.line(r)) + "\n"
        }
        out += "::notice title=apen check::" + Self.workflowData(summaryLine) + "\n"
        return out
    }

    /// `survey.trust.index 5001 2024: baseline 0.5, new 0.6, Δ +0.1 (+20%), n 12, tolerance abs 1e-09 (default), drift`.
    static func line(_ r: RowComparison) -> String {
        var parts: [String] = []
        if let b = r.baseline { parts.append("baseline \(NumberText.shortest(b.value))") }
        if let c = r.current { parts.append("new \(NumberText.shortest(c.value))") }
        if let d = r.delta { parts.append("Δ \(CheckTableColumns.delta(d)) (\(CheckTableColumns.percent(r)))") }
        let n = CheckTableColumns.n(r)
        if !n.isEmpty { parts.append("n \(n)") }
        parts.append("tolerance \(r.tolerance.summary)")
        parts.append(r.status.label)
        return "\(r.key): " + parts.joined(separator: ", ")
    }

    /// An attribute value or character data for the JUnit file (`XMLText`).
    static func xml(_ s: String) -> String { XMLText.attribute(s) }

    /// A workflow command's message: `%`, CR and LF percent-encoded, as the runner expects.
    static func workflowData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A workflow command's property value: as the message, plus `:` and `,`.
    static func workflowProperty(_ s: String) -> String {
        workflowData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
