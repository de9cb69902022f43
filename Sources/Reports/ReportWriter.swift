import ApenCore

/// Renders a report folder: `indicators.csv`, `findings.csv`, `indicators.md`, `charts/*.svg`,
/// `report.html` and `report.md`.
///
/// The output depends on the input alone — no clock, locale, machine or thread order — so
/// the same `ReportInput` gives byte-identical files (the run date is part of the input).
///
/// A pipeline run calls `render`, not `write`: it stages every file (with `rejected-rows.csv`)
/// and renames them into place together (`OutputBatch` in Pipeline), then deletes the charts an
/// earlier run wrote that this one did not. `write` is for tests and tools: file by file, each
/// atomically, and it leaves older charts where they are.
///
/// ```swift
/// let paths = try ReportWriter.write(input, to: "reports/trondheim-steinkjer")
/// // ["reports/…/indicators.csv", "reports/…/indicators.md", "reports/…/charts/bars-….svg", …]
/// ```
package enum ReportWriter {
    /// Writes every file, each atomically, and returns their paths in writing order.
    ///
    /// Unlike a pipeline run, charts no longer produced by this input are not deleted:
    /// `charts/` may keep files from an earlier call (the reports link only the current ones).
    /// - Throws: file-system errors from `AtomicFile`, naming the path.
    package static func write(_ input: ReportInput, to dir: String) throws -> [String] {
        let files = render(input)
        var written: [String] = []
        let base = dir.hasSuffix("/") ? String(dir.dropLast()) : dir
        for f in files {
            let path = base + "/" + f.name
            try AtomicFile.write(f.text, to: path)
            written.append(path)
        }
        return written
    }

    /// `render` and `findings` together, from one pass over the rows: the report stage's call
    /// (building the report's data and deciding the findings once each, not twice).
    package static func renderWithFindings(_ input: ReportInput) -> (
        files: [(name: String, text: String)], findings: [Finding]
    ) {
        let data = ReportData(input)
        let items = KeyFindings.items(data)
        return (files(input, data, items: items), items.compactMap(\.finding))
    }

    /// The files of a report as (relative name, text), in writing order, without touching disk.
    ///
    /// - Complexity: O(rows · log rows) plus the size of the output.
    package static func render(_ input: ReportInput) -> [(name: String, text: String)] {
        let data = ReportData(input)
        return files(input, data, items: KeyFindings.items(data))
    }

    private static func files(_ input: ReportInput, _ data: ReportData, items: [KeyFindings.Item]) -> [(
        name: String, text: String
    )] {
        let charts = ChartSet(data, jobs: input.jobs)
        // The files in writing order, in parts that do not depend on each other: rendered on
        // `input.jobs` workers and joined in this order, so the bytes do not depend on `jobs`.
        let parts: [@Sendable () -> [(name: String, text: String)]] = [
            {
                var files = [("indicators.csv", IndicatorCSV.render(input.rows))]
                if input.options.groups.enabled { files.append(("groups.csv", GroupsCSV.render(input.groupRows))) }
                files.append(("findings.csv", FindingsCSV.render(items.compactMap(\.finding))))
                return files
            },
            { [("indicators.md", MarkdownRenderer.render(blocks: IndicatorTables.blocks(input.title, data)))] },
            { charts.all.map { ("charts/\($0.slug).svg", $0.fileText) } },
            {
                let blocks = ReportDocument.blocks(input, data, charts, keyFindings: items.map(\.text))
                return [
                    ("report.html", HTMLRenderer.render(title: input.title, language: input.language, blocks: blocks)),
                    ("report.md", MarkdownRenderer.render(blocks: ProfileDocument.markdownLinks(blocks))),
                ]
            },
            { ProfileDocument.files(input, data) },
        ]
        return Parallel.map(count: parts.count, jobs: input.jobs) { parts[$0]() }.flatMap { $0 }
    }
}
