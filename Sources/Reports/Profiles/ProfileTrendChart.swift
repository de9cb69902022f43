import ApenCore

/// A small trend chart for a profile: the municipality (solid, with its 95 % intervals as
/// whiskers) against its comparison groups (each its own colour and dash pattern, so the lines
/// differ without colour too), with a legend above the plot. Every colour has a contrast of at
/// least 3:1 on white (WCAG 1.4.11).
enum ProfileTrendChart {
    struct Line: Sendable {
        var name: String
        var years: [Int]
        var points: [ChartDatum]
    }

    /// Colour and dash per line after the municipality's.
    static let styles: [(colour: String, dash: String)] = [
        (Palette.vermillion, "6 3"), ("#000000", "2 3"), (Palette.bluishGreen, "9 3 2 3"), ("#6A3D9A", "4 2"),
    ]

    static func make(
        slug: String, title: String, description: String, unit: IndicatorUnit, municipality: Line, groups: [Line],
        language: Language
    ) -> Chart {
        let width = 420.0
        let height = 160.0
        let left = 44.0
        let right = width - 14
        let fontSize = 10.5
        // Legend rows: items flow left to right and wrap.
        // The title shows in print, where the caption under the chart is left out.
        var legend: [Markup] = [
            SVG.text(
                TextMetrics.truncated(title, fontSize: 12, maxWidth: width - 16), 8, 14, size: 12, weight: "bold",
                cls: "chart-title")
        ]
        var lx = 8.0
        var ly = 32.0
        let all = [municipality] + groups
        for (k, line) in all.enumerated() {
            let label = TextMetrics.truncated(line.name, fontSize: fontSize, maxWidth: 150)
            let w = 26 + TextMetrics.width(label, fontSize: fontSize) + 14
            if lx + w > width - 4, lx > 8 {
                lx = 8
                ly += 16
            }
            let colour = k == 0 ? Palette.blue : styles[(k - 1) % styles.count].colour
            let dash = k == 0 ? nil : styles[(k - 1) % styles.count].dash
            legend.append(SVG.line(lx, ly - 4, lx + 20, ly - 4, stroke: colour, width: k == 0 ? 2.5 : 2, dash: dash))
            legend.append(SVG.text(label, lx + 26, ly, size: fontSize, weight: k == 0 ? "bold" : nil))
            lx += w
        }
        let top = ly + 16
        let bottom = height - 24
        var values: [Double] = []
        for line in all {
            for p in line.points { values += [p.value, p.low, p.high].compactMap { $0 }.map(unit.axisValue) }
        }
        let ticks = NiceTicks(min: values.min() ?? 0, max: values.max() ?? 1, count: 4)
        let y = LinearScale(domain: ticks.lower...ticks.upper, range: (bottom, top))
        let years = Array(Set(all.flatMap(\.years))).sorted()
        let first = Double(years.first ?? 0)
        let last = Double(years.last ?? 1)
        let x = LinearScale(domain: first...max(first + 1, last), range: (left + 10, right - 10))
        func px(_ year: Int) -> Double { years.count == 1 ? (left + right) / 2 : x(Double(year)) }

        var body: [Markup] = [SVG.group("legend", legend)]
        var grid: [Markup] = []
        for t in ticks.values {
            grid.append(SVG.line(left, y(t), right, y(t), stroke: Palette.grid))
            grid.append(
                SVG.text(
                    DisplayNumber.decimal(t, digits: ticks.fractionDigits, language: language), left - 5, y(t) + 4,
                    anchor: .end, size: 10, fill: Palette.axis, cls: "tick"))
        }
        for yr in years {
            grid.append(
                SVG.text(
                    String(yr), px(yr), bottom + 15, anchor: .middle, size: 10, fill: Palette.axis, cls: "tick year"))
        }
        body.append(SVG.group("grid", grid))
        body.append(SVG.line(left, bottom, right, bottom, stroke: Palette.axis))
        // Groups first, so the municipality's line is drawn on top.
        for (k, line) in groups.enumerated().reversed() {
            let style = styles[k % styles.count]
            body.append(
                series(
                    line, colour: style.colour, dash: style.dash, width: 2, unit: unit, px: px, y: y, language: language
                ))
        }
        body.append(
            series(
                municipality, colour: Palette.blue, dash: nil, width: 2.5, unit: unit, px: px, y: y, language: language)
        )
        return Chart(slug: slug, title: title, description: description, width: width, height: height, body: body)
    }

    private static func series(
        _ line: Line, colour: String, dash: String?, width: Double, unit: IndicatorUnit, px: (Int) -> Double,
        y: LinearScale, language: Language
    ) -> Markup {
        var g: [Markup] = []
        let pts = zip(line.years, line.points).map { (px($0.0), y(unit.axisValue($0.1.value))) }
        if pts.count >= 2 {
            var attributes: [Markup.Attribute] = [
                .init(name: "points", value: pts.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " ")),
                .init(name: "fill", value: "none"), .init(name: "stroke", value: colour),
                .init(name: "stroke-width", value: SVG.n(width)),
            ]
            if let dash { attributes.append(.init(name: "stroke-dasharray", value: dash)) }
            g.append(.element("polyline", attributes: attributes))
        }
        for (yr, p) in zip(line.years, line.points) {
            if let l = p.low, let h = p.high {
                g.append(SVG.line(px(yr), y(unit.axisValue(l)), px(yr), y(unit.axisValue(h)), stroke: colour, width: 1))
            }
            g.append(
                SVG.circle(
                    px(yr), y(unit.axisValue(p.value)), dash == nil ? 3.5 : 2.5, fill: colour,
                    tooltip: "\(line.name) \(yr): \(DisplayNumber.value(p.value, unit: unit, language: language))"))
        }
        return .element("g", ["class": "series"], g)
    }
}
