import ApenCore

/// Composite ranks with Monte-Carlo rank intervals, in the style of the JRC audits of
/// composite indicators: a dot at the nominal rank, a bar from the 5th to the 95th
/// percentile of the simulated ranks (METHODS.md §6), municipalities sorted by nominal rank.
enum RankChart {
    struct Layout: Sendable {
        /// Domain of the rank axis (1 at the left).
        let lower: Double
        let upper: Double
        let tickValues: [Double]
        let rowHeight: Double
        let labelled: [String]
    }

    /// - Parameter data: one datum per municipality; `value` = nominal rank, `low`/`high` = interval.
    static func make(
        slug: String, title: String, description: String, axisTitle: String,
        data: [ChartDatum], language: Language
    ) -> (chart: Chart, layout: Layout) {
        let sorted = data.sorted {
            $0.value != $1.value ? $0.value < $1.value : $0.code.utf8.lexicographicallyPrecedes($1.code.utf8)
        }
        let labelSize = 11.0
        let width = 760.0
        let labelWidth = min(190, (sorted.map { TextMetrics.width($0.name, fontSize: labelSize) }.max() ?? 40) + 8)
        let left = labelWidth + 12
        let right = width - 24
        let top = 12.0
        let rowHeight = max(2, min(22, (720 / Double(max(1, sorted.count))).rounded(.down)))
        let plotHeight = rowHeight * Double(sorted.count)
        let height = top + plotHeight + 48

        let maxRank = max(Double(sorted.count), sorted.flatMap { [$0.value, $0.high ?? $0.value] }.max() ?? 1)
        let lower = 0.5
        let upper = maxRank + 0.5
        let x = LinearScale(domain: lower...upper, range: (left, right))
        let nice = NiceTicks(min: 1, max: maxRank, count: 6)
        var tickValues = [1.0]
        for v in nice.values where v > 1 && v <= maxRank && v == v.rounded() { tickValues.append(v) }

        var body: [Markup] = []
        var grid: [Markup] = []
        var placer = LabelPlacer(gap: 6)
        for t in tickValues {
            grid.append(SVG.line(x(t), top, x(t), top + plotHeight, stroke: Palette.grid))
            let label = DisplayNumber.decimal(t, digits: 0, language: language)
            let w = TextMetrics.width(label, fontSize: 11)
            if placer.place((x(t) - w / 2)...(x(t) + w / 2)) {
                grid.append(
                    SVG.text(
                        label, x(t), top + plotHeight + 15, anchor: .middle, size: 11, fill: Palette.axis, cls: "tick"))
            }
        }
        body.append(SVG.group("grid", grid))
        body.append(
            SVG.text(
                axisTitle, (left + right) / 2, top + plotHeight + 36, anchor: .middle, size: 11, fill: Palette.axis,
                cls: "axis-title"))

        var marks: [Markup] = []
        for (i, d) in sorted.enumerated() {
            let cy = top + rowHeight * (Double(i) + 0.5)
            let colour = d.focus ? Palette.vermillion : Palette.blue
            let tipRange =
                d.low.flatMap { l in
                    d.high.map { h in
                        " (\(DisplayNumber.trimmed(l, maxDigits: 1, language: language))–\(DisplayNumber.trimmed(h, maxDigits: 1, language: language)))"
                    }
                } ?? ""
            var g: [Markup] = []
            if let l = d.low, let h = d.high {
                g.append(
                    .element(
                        "line",
                        [
                            "x1": SVG.n(x(l)), "y1": SVG.n(cy), "x2": SVG.n(x(h)), "y2": SVG.n(cy),
                            "stroke": d.focus ? "#F2B28C" : Palette.context,
                            "stroke-width": SVG.n(max(1, min(6, rowHeight * 0.5))),
                            "stroke-linecap": "round", "class": "interval",
                        ]))
            }
            g.append(
                SVG.circle(
                    x(d.value), cy, max(1.2, min(4.5, rowHeight * 0.3)), fill: colour,
                    extra: [.init(name: "class", value: "rank")],
                    tooltip: "\(d.name): \(DisplayNumber.trimmed(d.value, maxDigits: 1, language: language))\(tipRange)"
                ))
            marks.append(
                .element(
                    "g", ["class": d.focus ? "municipality focus" : "municipality", "data-municipality": d.code], g))
        }
        body.append(SVG.group("marks", marks))

        var rows = LabelPlacer(gap: 1)
        var keep = Set<Int>()
        for i in sorted.indices.filter({ sorted[$0].focus }) + sorted.indices.filter({ !sorted[$0].focus }) {
            let cy = top + rowHeight * (Double(i) + 0.5)
            if rows.place((cy - labelSize / 2)...(cy + labelSize / 2)) { keep.insert(i) }
        }
        var labels: [Markup] = []
        var labelled: [String] = []
        for (i, d) in sorted.enumerated() where keep.contains(i) {
            let cy = top + rowHeight * (Double(i) + 0.5)
            labels.append(
                SVG.text(
                    TextMetrics.truncated(d.name, fontSize: labelSize, maxWidth: labelWidth), left - 6, cy + 4,
                    anchor: .end, size: labelSize, weight: d.focus ? "bold" : nil, cls: "label"))
            labelled.append(d.code)
        }
        body.append(SVG.group("labels", labels))

        let chart = Chart(slug: slug, title: title, description: description, width: width, height: height, body: body)
        return (
            chart, Layout(lower: lower, upper: upper, tickValues: tickValues, rowHeight: rowHeight, labelled: labelled)
        )
    }
}
