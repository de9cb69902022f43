import ApenCore

/// Municipalities × indicators for one year, each cell the indicator's min–max score in that
/// year (0 = weakest municipality, 100 = best, direction-aware; all equal → 50, as METHODS.md
/// §6 `minmax`).
///
/// Rows are sorted by the mean score of their cells (best first, then by code). Row labels are
/// drawn only where they fit (focus municipalities first); focus rows get a bar beside the
/// grid. Built to stay readable for ~360 municipalities: rows shrink to 2 px and the chart stays
/// one page tall.
enum Heatmap {
    struct Column: Sendable {
        var id: String
        var label: String
        var direction: Int
        /// Raw values by municipality code.
        var values: [String: Double]
        /// Municipalities whose value is suppressed («:», `report: {suppress_below: N}`).
        var hidden: Set<String> = []
    }

    struct Layout: Sendable {
        /// Municipality codes top to bottom.
        let rowOrder: [String]
        let rowHeight: Double
        /// score[row][column], `nil` where the municipality has no value.
        let scores: [[Double?]]
        let labelled: [String]
    }

    /// Min–max score of every value in `values` (METHODS.md §6 minmax), flipped for direction −1.
    static func minMaxScores(_ values: [String: Double], direction: Int) -> [String: Double] {
        guard let lo = values.values.min(), let hi = values.values.max() else { return [:] }
        var out: [String: Double] = [:]
        for (k, v) in values {
            if hi == lo {
                out[k] = 50
                continue
            }
            let s = 100 * (v - lo) / (hi - lo)
            out[k] = direction < 0 ? 100 - s : s
        }
        return out
    }

    static func make(
        slug: String, title: String, description: String, columns: [Column],
        municipalities: [(code: String, name: String, focus: Bool)], strings: Strings,
        suppressedLegend: String? = nil
    ) -> (chart: Chart, layout: Layout) {
        let labelSize = 11.0
        let colLabelSize = 11.0
        let scored = columns.map { minMaxScores($0.values, direction: $0.direction) }
        var rows = municipalities.map {
            m -> (code: String, name: String, focus: Bool, scores: [Double?], mean: Double) in
            let s = scored.map { $0[m.code] }
            let present = s.compactMap { $0 }
            let mean = present.isEmpty ? -1 : present.reduce(0, +) / Double(present.count)
            return (m.code, m.name, m.focus, s, mean)
        }
        rows = rows.filter { r in r.scores.contains { $0 != nil } || columns.contains { $0.hidden.contains(r.code) } }
        rows.sort { $0.mean != $1.mean ? $0.mean > $1.mean : $0.code.utf8.lexicographicallyPrecedes($1.code.utf8) }

        let labelWidth = min(170, (rows.map { TextMetrics.width($0.name, fontSize: labelSize) }.max() ?? 40) + 10)
        let maxColLabel = 200.0
        let colLabels = columns.map { TextMetrics.truncated($0.label, fontSize: colLabelSize, maxWidth: maxColLabel) }
        let colLabelWidth = colLabels.map { TextMetrics.width($0, fontSize: colLabelSize) }.max() ?? 40
        let header = colLabelWidth * 0.71 + 16
        let left = labelWidth + 10
        let cellWidth = max(16, min(56, (600 - left) / Double(max(1, columns.count))))
        let rowHeight = max(2, min(18, (900 / Double(max(1, rows.count))).rounded(.down)))
        let top = header
        let plotHeight = rowHeight * Double(rows.count)
        let width = left + cellWidth * Double(columns.count) + colLabelWidth * 0.71 + 16
        let height = top + plotHeight + 46

        var body: [Markup] = []
        // Column labels, rotated −45° and anchored at the column centre.
        var heads: [Markup] = []
        for (j, label) in colLabels.enumerated() {
            let cx = left + cellWidth * (Double(j) + 0.5)
            heads.append(SVG.text(label, cx + 3, top - 6, size: colLabelSize, cls: "label column", rotate: -45))
        }
        body.append(SVG.group("columns", heads))

        var cells: [Markup] = []
        let showValues = rowHeight >= 14 && cellWidth >= 26
        for (i, r) in rows.enumerated() {
            let y0 = top + rowHeight * Double(i)
            for (j, s) in r.scores.enumerated() {
                let x0 = left + cellWidth * Double(j)
                let hidden = columns[j].hidden.contains(r.code)
                let tip =
                    "\(r.name) – \(columns[j].label): "
                    + (s.map { DisplayNumber.decimal($0, digits: 0, language: strings.language) }
                        ?? (hidden ? Suppression.symbol + " (\(suppressedLegend ?? ""))" : strings.missing))
                var extra: [Markup.Attribute] = [.init(name: "class", value: s == nil ? "cell missing" : "cell")]
                // White gaps between cells where rows are tall enough to show them.
                if rowHeight >= 8 {
                    extra += [.init(name: "stroke", value: "#FFFFFF"), .init(name: "stroke-width", value: "1")]
                }
                cells.append(
                    SVG.rect(
                        x0, y0, cellWidth, rowHeight, fill: s.map(Palette.sequential) ?? "#FFFFFF", extra: extra,
                        tooltip: tip))
                if s == nil && rowHeight >= 10 {
                    cells.append(
                        SVG.text(
                            hidden ? Suppression.symbol : "–", x0 + cellWidth / 2, y0 + rowHeight / 2 + 3.5,
                            anchor: .middle, size: hidden ? 11 : 9, weight: hidden ? "bold" : nil, fill: Palette.axis,
                            cls: hidden ? "cell-value suppressed" : "cell-value"))
                }
                if showValues, let s {
                    cells.append(
                        SVG.text(
                            DisplayNumber.decimal(s, digits: 0, language: strings.language), x0 + cellWidth / 2,
                            y0 + rowHeight / 2 + 3.5,
                            anchor: .middle, size: 9, fill: s > 60 ? "#FFFFFF" : Palette.text, cls: "cell-value"))
                }
            }
        }
        body.append(SVG.group("cells", cells))
        body.append(
            .element(
                "rect",
                [
                    "x": SVG.n(left), "y": SVG.n(top), "width": SVG.n(cellWidth * Double(columns.count)),
                    "height": SVG.n(plotHeight), "fill": "none", "stroke": Palette.grid,
                ]))

        // Focus outlines and row labels that fit.
        var placer = LabelPlacer(gap: 1)
        var keep = Set<Int>()
        for i in rows.indices.filter({ rows[$0].focus }) + rows.indices.filter({ !rows[$0].focus }) {
            let cy = top + rowHeight * (Double(i) + 0.5)
            if placer.place((cy - labelSize / 2)...(cy + labelSize / 2)) { keep.insert(i) }
        }
        var labels: [Markup] = []
        var labelled: [String] = []
        for (i, r) in rows.enumerated() {
            let cy = top + rowHeight * (Double(i) + 0.5)
            // A focus row is marked beside the grid, never over its cells: an outline around the
            // cells made their colours read lighter ("lower") than the same colours elsewhere.
            if r.focus {
                labels.append(
                    SVG.rect(
                        left - 5, top + rowHeight * Double(i), 3.5, rowHeight, fill: Palette.vermillion,
                        extra: [.init(name: "class", value: "focus-marker")]))
            }
            if keep.contains(i) {
                labels.append(
                    SVG.text(
                        TextMetrics.truncated(r.name, fontSize: labelSize, maxWidth: labelWidth), left - 8, cy + 4,
                        anchor: .end, size: labelSize, weight: r.focus ? "bold" : nil,
                        fill: r.focus ? Palette.vermillion : nil, cls: "label"))
                labelled.append(r.code)
            }
        }
        body.append(SVG.group("labels", labels))

        // Legend: ten steps from 0 to 100.
        var legend: [Markup] = []
        let ly = top + plotHeight + 16
        for k in 0..<10 {
            legend.append(SVG.rect(left + Double(k) * 14, ly, 14, 10, fill: Palette.sequential(Double(k) * 100 / 9)))
        }
        legend.append(SVG.text(strings.heatmapLegendLow, left, ly + 24, size: 10, fill: Palette.axis))
        legend.append(
            SVG.text(strings.heatmapLegendHigh, left + 140, ly + 24, anchor: .end, size: 10, fill: Palette.axis))
        legend.append(
            SVG.rect(left + 160, ly, 14, 10, fill: "#FFFFFF", extra: [.init(name: "stroke", value: Palette.grid)]))
        legend.append(SVG.text(strings.missing, left + 180, ly + 9, size: 10, fill: Palette.axis))
        if let suppressedLegend {
            let lx = left + 190 + TextMetrics.width(strings.missing, fontSize: 10)
            legend.append(
                SVG.rect(lx, ly, 14, 10, fill: "#FFFFFF", extra: [.init(name: "stroke", value: Palette.grid)]))
            legend.append(
                SVG.text(
                    Suppression.symbol, lx + 7, ly + 9, anchor: .middle, size: 10, weight: "bold", fill: Palette.axis))
            legend.append(SVG.text(suppressedLegend, lx + 20, ly + 9, size: 10, fill: Palette.axis))
        }
        body.append(SVG.group("legend", legend))

        let chart = Chart(slug: slug, title: title, description: description, width: width, height: height, body: body)
        return (
            chart,
            Layout(rowOrder: rows.map(\.code), rowHeight: rowHeight, scores: rows.map(\.scores), labelled: labelled)
        )
    }
}
