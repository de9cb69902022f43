import ApenCore

/// Ranked horizontal bars for one indicator and year, best on top, with 95 % whiskers where
/// the rows carry `ci_low`/`ci_high`, and focus municipalities highlighted.
///
/// With many municipalities (up to ~360) bars get thin and only labels that fit are drawn:
/// focus municipalities first, then the others from the top down.
enum BarChart {
    struct Layout: Sendable {
        let ticks: NiceTicks
        let rowHeight: Double
        let labelled: [String]
    }

    /// - Parameter data: bars in drawing order (top first).
    static func make(
        slug: String, title: String, description: String, axisTitle: String, unit: IndicatorUnit,
        data: [ChartDatum], language: Language
    ) -> (chart: Chart, layout: Layout) {
        let labelSize = 11.0
        let width = 760.0
        let names = data.map { $0.name }
        let labelWidth = min(190, (names.map { TextMetrics.width($0, fontSize: labelSize) }.max() ?? 40) + 8)
        let left = labelWidth + 12
        let right = width - 64
        let top = 12.0
        let rowHeight = max(2, min(22, (720 / Double(max(1, data.count))).rounded(.down)))
        let plotHeight = rowHeight * Double(data.count)
        let height = top + plotHeight + 48

        var lo = 0.0
        var hi = 0.0
        // A suppressed value has no bar and no say in the axis.
        for d in data where !d.suppressed {
            for v in [d.value, d.low, d.high].compactMap({ $0 }) {
                lo = min(lo, unit.axisValue(v))
                hi = max(hi, unit.axisValue(v))
            }
        }
        let ticks = NiceTicks(min: lo, max: hi, count: 6)
        let x = LinearScale(domain: ticks.lower...ticks.upper, range: (left, right))

        var body: [Markup] = []
        // Grid and tick labels (thinned if they would collide).
        var grid: [Markup] = []
        var placer = LabelPlacer(gap: 6)
        for t in ticks.values {
            let px = x(t)
            grid.append(SVG.line(px, top, px, top + plotHeight, stroke: Palette.grid))
            let label = DisplayNumber.decimal(t, digits: ticks.fractionDigits, language: language)
            let w = TextMetrics.width(label, fontSize: 11)
            if placer.place((px - w / 2)...(px + w / 2)) {
                grid.append(
                    SVG.text(
                        label, px, top + plotHeight + 15, anchor: .middle, size: 11, fill: Palette.axis, cls: "tick"))
            }
        }
        body.append(SVG.group("grid", grid))
        body.append(
            SVG.text(
                axisTitle, (left + right) / 2, top + plotHeight + 36, anchor: .middle, size: 11, fill: Palette.axis,
                cls: "axis-title"))

        // Bars, whiskers, value labels.
        let barHeight = max(1, rowHeight * 0.72)
        let zero = x(max(ticks.lower, min(0, ticks.upper)))
        var bars: [Markup] = []
        for (i, d) in data.enumerated() {
            let cy = top + rowHeight * (Double(i) + 0.5)
            if d.suppressed {
                if rowHeight >= 8 {
                    bars.append(
                        SVG.text(
                            Suppression.symbol, zero + 4, cy + 4, size: 11, weight: "bold", fill: Palette.axis,
                            cls: "value suppressed"))
                }
                continue
            }
            let v = x(unit.axisValue(d.value))
            let colour = d.focus ? Palette.vermillion : Palette.context
            var tip = "\(d.name): \(DisplayNumber.value(d.value, unit: unit, language: language))\(d.marks)"
            if let l = d.low, let h = d.high {
                tip +=
                    " (\(DisplayNumber.value(l, unit: unit, language: language))–\(DisplayNumber.value(h, unit: unit, language: language)))"
            }
            // Focus bars stay at least 3 px tall so they remain visible among 360 thin bars.
            let bh = d.focus ? max(barHeight, min(3, rowHeight)) : barHeight
            // A flagged value (low n, few degrees of freedom) is drawn hollow: its outline keeps
            // the colour's contrast, the empty inside says "uncertain".
            let hollow = !d.marks.isEmpty && bh >= 4
            bars.append(
                SVG.rect(
                    min(zero, v) + (hollow ? 0.75 : 0), cy - bh / 2 + (hollow ? 0.75 : 0),
                    abs(v - zero) - (hollow ? 1.5 : 0), bh - (hollow ? 1.5 : 0), fill: hollow ? "#FFFFFF" : colour,
                    extra: [
                        .init(name: "class", value: (d.focus ? "bar focus" : "bar") + (hollow ? " flagged" : "")),
                        .init(name: "data-municipality", value: d.code),
                    ]
                        + (hollow
                            ? [.init(name: "stroke", value: colour), .init(name: "stroke-width", value: "1.5")] : []),
                    tooltip: tip))
            if let l = d.low, let h = d.high {
                let xl = x(unit.axisValue(l))
                let xh = x(unit.axisValue(h))
                if rowHeight >= 6 {
                    let cap = max(1, barHeight * 0.35)
                    bars.append(
                        .element(
                            "g", ["class": "whisker", "data-municipality": d.code],
                            [
                                SVG.line(xl, cy, xh, cy, stroke: Palette.black),
                                SVG.line(xl, cy - cap, xl, cy + cap, stroke: Palette.black),
                                SVG.line(xh, cy - cap, xh, cy + cap, stroke: Palette.black),
                            ]))
                } else {
                    // Thin rows: a faint line without caps, or hundreds of whiskers become a black mass.
                    bars.append(
                        .element(
                            "g", ["class": "whisker", "data-municipality": d.code, "stroke-opacity": "0.45"],
                            [
                                SVG.line(xl, cy, xh, cy, stroke: Palette.axis, width: 0.6)
                            ]))
                }
            }
            if rowHeight >= 12 {
                let end = max(v, d.high.map { x(unit.axisValue($0)) } ?? v)
                bars.append(
                    SVG.text(
                        DisplayNumber.value(d.value, unit: unit, language: language) + d.marks, end + 4, cy + 4,
                        size: 10, fill: Palette.axis, cls: "value"))
            }
        }
        body.append(SVG.group("bars", bars))
        body.append(SVG.line(zero, top, zero, top + plotHeight, stroke: Palette.axis))

        // Row labels: focus first, then top-down, kept only where they fit.
        var rows = LabelPlacer(gap: 1)
        var labelled: [String] = []
        var labels: [Markup] = []
        let order = data.indices.filter { data[$0].focus } + data.indices.filter { !data[$0].focus }
        var keep = Set<Int>()
        for i in order {
            let cy = top + rowHeight * (Double(i) + 0.5)
            if rows.place((cy - labelSize / 2)...(cy + labelSize / 2)) { keep.insert(i) }
        }
        for i in data.indices where keep.contains(i) {
            let d = data[i]
            let cy = top + rowHeight * (Double(i) + 0.5)
            let text = TextMetrics.truncated(d.name, fontSize: labelSize, maxWidth: labelWidth) + d.marks
            labels.append(
                SVG.text(
                    text, left - 6, cy + 4, anchor: .end, size: labelSize, weight: d.focus ? "bold" : nil, cls: "label")
            )
            labelled.append(d.code)
        }
        body.append(SVG.group("labels", labels))

        let chart = Chart(slug: slug, title: title, description: description, width: width, height: height, body: body)
        return (chart, Layout(ticks: ticks, rowHeight: rowHeight, labelled: labelled))
    }
}
