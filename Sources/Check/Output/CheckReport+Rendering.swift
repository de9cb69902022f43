import ApenCore

extension CheckReport {
    /// The report as text, Markdown, JSON, JUnit XML or GitHub workflow commands (docs/check.md
    /// shows each).
    ///
    /// Text and Markdown show the columns indicator, municipality, year, [breakdown,] baseline,
    /// new, Δ, Δ%, n, tolerance, status, result — failures first, then warnings, then (with
    /// `all`) ok rows, each group in METHODS §1 order — then the summary line. JSON holds the
    /// same rows with full-precision numbers.
    ///
    /// ```swift
    /// print(report.rendered(as: .md, all: false, title: "Åpen check: example"))
    /// ```
    ///
    /// - Parameters:
    ///   - all: include rows whose result is ok.
    ///   - title: the Markdown heading (ignored by text and JSON).
    ///   - maxRows: show at most this many rows in text and Markdown (the worst come first),
    ///     then a line saying how many more there are — a GitHub comment holds at most 65,536
    ///     characters. JSON always holds every row. `nil`: no limit.
    ///   - file: the file CI annotations point at (`github`), usually the pipeline file.
    package func rendered(
        as format: OutputFormat, all: Bool, title: String = "Åpen check", maxRows: Int? = nil, file: String? = nil
    ) -> String {
        switch format {
        case .junit: junit(title: title)
        case .github: githubAnnotations(file: file)
        case .text: textTable(all: all, maxRows: maxRows) + summaryLine + "\n"
        case .md:
            "### \(CheckTableColumns.markdown(title)) — \(passed ? "passed" : "failed")\n\n"
                + markdownTable(all: all, maxRows: maxRows) + "**\(summary.line)** — \(summary.verdictText)\n"
        case .json: json(all: all, extra: []) + "\n"
        }
    }

    /// `12 checked, 1 drifted, 0 missing, 2 added, 0 n changed — failed: 1 failure, 2 warnings`.
    package var summaryLine: String { summary.line + " — " + summary.verdictText }

    var hasBreakdown: Bool { rows.contains { !$0.key.breakdown.isEmpty } }

    /// The rows shown, at most `maxRows`, and a note on those left out ("" when none).
    private func limited(all: Bool, maxRows: Int?) -> (rows: [RowComparison], note: String) {
        let shown = CheckTableColumns.shown(self, all: all)
        guard let maxRows, shown.count > max(0, maxRows) else { return (shown, "") }
        let hidden = shown.count - max(0, maxRows)
        return (Array(shown.prefix(max(0, maxRows))), "… \(hidden) more row\(hidden == 1 ? "" : "s") not shown\n")
    }

    /// The aligned table of the rows shown, or nothing when no row is shown.
    func textTable(all: Bool, maxRows: Int? = nil) -> String {
        let (shown, note) = limited(all: all, maxRows: maxRows)
        guard !shown.isEmpty else { return note.isEmpty ? "" : note + "\n" }
        let cols = CheckTableColumns.columns(withBreakdown: hasBreakdown)
        return CheckTableColumns.alignedText(
            header: cols.map(\.title), rows: shown.map { r in cols.map { $0.cell(r) } },
            rightAligned: cols.map(\.rightAligned)) + note + "\n"
    }

    func markdownTable(all: Bool, maxRows: Int? = nil) -> String {
        let (shown, note) = limited(all: all, maxRows: maxRows)
        guard !shown.isEmpty else { return note.isEmpty ? "" : note + "\n" }
        let cols = CheckTableColumns.columns(withBreakdown: hasBreakdown)
        return CheckTableColumns.markdownTable(
            header: cols.map(\.title), rows: shown.map { r in cols.map { $0.cell(r) } },
            rightAligned: cols.map(\.rightAligned)) + (note.isEmpty ? "" : "\n" + note) + "\n"
    }

    /// `{"outcome", "exit_code", "summary", [extra…,] "rows"}`, one row per line.
    func json(all: Bool, extra: [(String, String)], outcome: String? = nil, exitCode: Int32? = nil) -> String {
        let s = summary
        let summaryJSON = JSONText.object([
            ("checked", String(s.checked)), ("drifted", String(s.drifted)), ("missing", String(s.missing)),
            ("added", String(s.added)), ("n_changed", String(s.nChanged)), ("failures", String(s.failures)),
            ("warnings", String(s.warnings)),
        ])
        let rowsJSON = CheckTableColumns.shown(self, all: all).map(Self.json(row:))
        var pairs: [(String, String)] = [
            ("outcome", JSONText.string(outcome ?? (passed ? "passed" : "failed"))),
            ("exit_code", String(exitCode ?? CheckOutcome(self).exitCode)),
            ("summary", summaryJSON),
        ]
        pairs += extra
        pairs.append(("rows", JSONText.array(rowsJSON, indent: 4)))
        return "{\n" + pairs.map { "  " + JSONText.string($0.0) + ": " + $0.1 }.joined(separator: ",\n") + "\n}"
    }

    /// One row object, keys in a fixed order; appended piece by piece (10⁵ rows render in
    /// well under a second).
    static func json(row r: RowComparison) -> String {
        var s = ""
        s.reserveCapacity(320)
        s += "{\"indicator\": " + JSONText.string(r.key.indicator)
        s += ", \"municipality\": " + JSONText.string(r.key.municipality)
        s += ", \"year\": " + String(r.key.year)
        s += ", \"breakdown\": " + JSONText.string(r.key.breakdown)
        s += ", \"status\": \"" + r.status.rawValue + "\", \"result\": \"" + r.verdict.rawValue + "\""
        s += ", \"baseline\": " + JSONText.number(r.baseline?.value)
        s += ", \"new\": " + JSONText.number(r.current?.value)
        s += ", \"delta\": " + JSONText.number(r.delta)
        s += ", \"delta_percent\": " + JSONText.number(r.relativeDelta.map { $0 * 100 })
        s += ", \"baseline_n\": " + JSONText.int(r.baseline?.n)
        s += ", \"new_n\": " + JSONText.int(r.current?.n)
        s += ", \"tolerance\": {\"rule\": " + (r.tolerance.rule.map(JSONText.string) ?? "null")
        s += ", \"abs\": " + JSONText.number(r.tolerance.tolerance.abs)
        s += ", \"rel\": " + JSONText.number(r.tolerance.tolerance.rel) + "}}"
        return s
    }
}
