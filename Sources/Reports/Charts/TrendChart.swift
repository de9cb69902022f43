import ApenCore

/// Lines over the years for focus municipalities, drawn against the median (dashed) and the
/// interquartile band (type-7 quartiles, METHODS.md §1) of all other municipalities.
///
/// Each focus line is labelled at its last point (labels spread apart so they never overlap);
/// points with an interval get a thin vertical whisker.
enum TrendChart {
    struct Series: Sendable {
        var code: String
        var name: String
        /// Points by ascending year, raw unit.
        var points: [ChartDatum]
        var years: [Int]
    }

    struct Layout: Sendable {
        let ticks: NiceTicks
        let years: [Int]
        /// Median of the others per year (raw unit), `nil` where they have no value.
        let median: [Double?]
    }

    static func make(
        slug: String, title: String, description: String, axisTitle: String, unit: IndicatorUnit,
        years: [Int], focus: [Series], others: [Int: [Double]], othersAreAll: Bool,
        strings: Strings
    ) -> (chart: Chart, layout: Layout) {
        let language = strings.language
        let width = 760.0
        let height = 360.0
        let labelSize = 11.0
        let endLabelWidth = min(150, (focus.map { TextMetrics.width($0.name, fontSize: labelSize) }.max() ?? 0) + 12)
        let left = 56.0
        let right = width - max(24, endLabelWidth + 10)
        let top = 48.0
        let bottom = height - 40

        // Quartiles of the others per year.
        var q1: [Double?] = []
        var med: [Double?] = []
        var q3: [Double?] = []
        for y in years {
            let vs = (others[y] ?? []).sorted()
            q1.append(vs.count >= 2 ? Quantile.type7(sorted: vs, p: 0.25) : nil)
            med.append(Quantile.type7(sorted: vs, p: 0.5))
            q3.append(vs.count >= 2 ? Quantile.type7(sorted: vs, p: 0.75) : nil)
        }
        var all: [Double] = []
        for s in focus { for p in s.points { all += [p.value, p.low, p.high].compactMap { $0 } } }
        all += (q1 + med + q3).compactMap { $0 }
        let shown = all.map(unit.axisValue)
        let lo = shown.min() ?? 0
        let hi = shown.max() ?? 1
        let ticks = NiceTicks(min: lo, max: hi, count: 5)
        let y = LinearScale(domain: ticks.lower...ticks.upper, range: (bottom, top))
        let firstYear = Double(years.first ?? 0)
        let lastYear = Double(years.last ?? 1)
        let x = LinearScale(domain: firstYear...max(firstYear, lastYear), range: (left + 14, right - 14))
        func px(_ year: Int) -> Double { years.count == 1 ? (left + right) / 2 : x(Double(year)) }

        var body: [Markup] = []
        var grid: [Markup] = []
        for t in ticks.values {
            grid.append(SVG.line(left, y(t), right, y(t), stroke: Palette.grid))
            grid.append(
                SVG.text(
                    DisplayNumber.decimal(t, digits: ticks.fractionDigits, language: language), left - 6, y(t) + 4,
                    anchor: .end, size: 11, fill: Palette.axis, cls: "tick"))
        }
        var placer = LabelPlacer(gap: 8)
        for yr in years {
            let label = String(yr)
            let w = TextMetrics.width(label, fontSize: 11)
            if placer.place((px(yr) - w / 2)...(px(yr) + w / 2)) {
                grid.append(
                    SVG.text(
                        label, px(yr), bottom + 18, anchor: .middle, size: 11, fill: Palette.axis, cls: "tick year"))
            }
        }
        body.append(SVG.group("grid", grid))
        body.append(SVG.line(left, bottom, right, bottom, stroke: Palette.axis))
        body.append(SVG.text(axisTitle, 8, top - 12, size: 11, fill: Palette.axis, cls: "axis-title"))

        // Band of the others: upper quartiles left to right, lower right to left.
        let bandIdx = years.indices.filter { q1[$0] != nil && q3[$0] != nil }
        if bandIdx.count >= 2 {
            let upper = bandIdx.map { "\(SVG.n(px(years[$0]))),\(SVG.n(y(unit.axisValue(q3[$0]!))))" }
            let lower = bandIdx.reversed().map { "\(SVG.n(px(years[$0]))),\(SVG.n(y(unit.axisValue(q1[$0]!))))" }
            body.append(
                .element(
                    "polygon",
                    ["points": (upper + lower).joined(separator: " "), "fill": Palette.band, "class": "band"]))
        } else if let i = bandIdx.first {
            body.append(
                SVG.rect(
                    px(years[i]) - 6, y(unit.axisValue(q3[i]!)), 12,
                    y(unit.axisValue(q1[i]!)) - y(unit.axisValue(q3[i]!)), fill: Palette.band,
                    extra: [.init(name: "class", value: "band")]))
        }
        let medPts = years.indices.compactMap { i in
            med[i].map { "\(SVG.n(px(years[i]))),\(SVG.n(y(unit.axisValue($0))))" }
        }
        if medPts.count >= 2 {
            body.append(
                .element(
                    "polyline",
                    [
                        "points": medPts.joined(separator: " "), "fill": "none", "stroke": Palette.axis,
                        "stroke-width": "1.5", "stroke-dasharray": "5 4", "class": "median",
                    ]))
        } else if let i = years.indices.first(where: { med[$0] != nil }) {
            body.append(
                SVG.line(
                    px(years[i]) - 8, y(unit.axisValue(med[i]!)), px(years[i]) + 8, y(unit.axisValue(med[i]!)),
                    stroke: Palette.axis, width: 1.5, dash: "5 4", cls: "median"))
        }

        // Focus lines with end labels.
        var ends: [(y: Double, name: String, colour: String)] = []
        for (k, s) in focus.enumerated() {
            let colour = Palette.series[k % Palette.series.count]
            var g: [Markup] = []
            let pts = zip(s.years, s.points).map { (px($0.0), y(unit.axisValue($0.1.value))) }
            if pts.count >= 2 {
                g.append(
                    .element(
                        "polyline",
                        [
                            "points": pts.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " "),
                            "fill": "none", "stroke": colour, "stroke-width": "2.5",
                        ]))
            }
            for (yr, p) in zip(s.years, s.points) {
                if let l = p.low, let h = p.high {
                    g.append(
                        SVG.line(px(yr), y(unit.axisValue(l)), px(yr), y(unit.axisValue(h)), stroke: colour, width: 1))
                }
                // A flagged value is a hollow point (see the chart's description and footnote).
                let hollow = !p.marks.isEmpty
                g.append(
                    SVG.circle(
                        px(yr), y(unit.axisValue(p.value)), hollow ? 4 : 3.5, fill: hollow ? "#FFFFFF" : colour,
                        extra: hollow
                            ? [
                                .init(name: "stroke", value: colour), .init(name: "stroke-width", value: "2"),
                                .init(name: "class", value: "flagged"),
                            ] : [],
                        tooltip:
                            "\(s.name) \(yr): \(DisplayNumber.value(p.value, unit: unit, language: language))\(p.marks)"
                    ))
            }
            body.append(.element("g", ["class": "series", "data-municipality": s.code], g))
            if let last = pts.last { ends.append((last.1, s.name, colour)) }
        }
        let order = ends.indices.sorted { ends[$0].y < ends[$1].y || (ends[$0].y == ends[$1].y && $0 < $1) }
        let spread = LabelPlacer.spread(order.map { ends[$0].y }, spacing: labelSize + 2, lo: top, hi: bottom)
        var endLabels: [Markup] = []
        for (j, i) in order.enumerated() {
            endLabels.append(
                SVG.text(
                    TextMetrics.truncated(ends[i].name, fontSize: labelSize, maxWidth: endLabelWidth), right - 4 + 10,
                    spread[j] + 4, size: labelSize, weight: "bold", fill: ends[i].colour, cls: "label"))
        }
        body.append(SVG.group("labels", endLabels))

        // Legend for the context layers.
        var legend: [Markup] = []
        // Legend on its own line above the axis title.
        legend.append(SVG.rect(8, 6, 18, 10, fill: Palette.band))
        legend.append(SVG.text(strings.othersBand, 32, 15, size: 11))
        let lx = 32 + TextMetrics.width(strings.othersBand, fontSize: 11) + 20
        legend.append(SVG.line(lx, 11, lx + 22, 11, stroke: Palette.axis, width: 1.5, dash: "5 4"))
        legend.append(SVG.text(othersAreAll ? strings.allMedian : strings.othersMedian, lx + 28, 15, size: 11))
        body.append(SVG.group("legend", legend))

        let chart = Chart(slug: slug, title: title, description: description, width: width, height: height, body: body)
        return (chart, Layout(ticks: ticks, years: years, median: med))
    }
}
