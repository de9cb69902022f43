import ApenCore
import Testing

@testable import Reports

@Suite struct BarChartTests {
    static func datum(_ code: String, _ v: Double, _ lo: Double? = nil, _ hi: Double? = nil, focus: Bool = false)
        -> ChartDatum
    {
        ChartDatum(code: code, name: "Kommune \(code)", value: v, low: lo, high: hi, focus: focus)
    }

    @Test func oneBarPerMunicipalityAndAxisCoversDataAndInterval() {
        // Shares; the widest interval reaches 0.97 → 97 % on the axis.
        let data = [
            Self.datum("0301", 0.90, 0.83, 0.97), Self.datum("5001", 0.62, 0.58, 0.66, focus: true),
            Self.datum("5006", 0.41, 0.30, 0.52),
        ]
        let (chart, layout) = BarChart.make(
            slug: "t", title: "T", description: "D", axisTitle: "Andel (%)", unit: .share, data: data, language: .nb)
        let xml = XMLCheck.parse(chart.fileText)
        #expect(xml.error == nil)
        let bars = xml.withClass("bar", "rect")
        #expect(bars.count == 3)
        #expect(bars.map(\.municipality) == ["0301", "5001", "5006"])
        #expect(xml.withClass("focus", "rect").map(\.municipality) == ["5001"])
        #expect(xml.withClass("whisker", "g").count == 3)
        #expect(layout.ticks.lower <= 0)
        #expect(layout.ticks.upper >= 97)
        // Every name is drawn as real text, and the first children are <title> and <desc>.
        let labels = xml.withClass("label", "text").map(\.text)
        #expect(Set(labels) == ["Kommune 0301", "Kommune 5001", "Kommune 5006"])
        let top = xml.elements.filter { $0.depth == 1 }
        #expect(top.prefix(2).map(\.name) == ["title", "desc"])
        // Tick labels in bokmål percent points: 0, 20, …, 100.
        #expect(xml.withClass("tick", "text").map(\.text) == ["0", "20", "40", "60", "80", "100"])
    }

    @Test func barLengthIsProportionalToValue() throws {
        let data = [Self.datum("a", 80), Self.datum("b", 40)]
        let (chart, _) = BarChart.make(
            slug: "t", title: "T", description: "D", axisTitle: "", unit: .index, data: data, language: .en)
        let bars = XMLCheck.parse(chart.fileText).withClass("bar", "rect")
        let w = bars.compactMap { $0.number("width") }
        #expect(w.count == 2)
        #expect(abs(w[0] / w[1] - 2) < 0.01)
    }

    @Test func manyMunicipalitiesGetNonOverlappingLabelsWithFocusKept() {
        // 360 bars, two in focus deep in the list: bars get thin; labels are thinned.
        let data: [ChartDatum] = (0..<360).map { (i: Int) -> ChartDatum in
            Self.datum(String(1000 + i), Double(360 - i), focus: i == 200 || i == 201)
        }
        let (chart, layout) = BarChart.make(
            slug: "t", title: "T", description: "D", axisTitle: "", unit: .index, data: data, language: .nb)
        let xml = XMLCheck.parse(chart.fileText)
        #expect(xml.error == nil)
        #expect(xml.withClass("bar", "rect").count == 360)
        #expect(layout.labelled.contains("1200"))
        // Adjacent focus rows cannot both fit at 2 px.
        #expect(layout.labelled.contains("1201") == false || layout.rowHeight >= 11)
        let ys: [Double] = xml.withClass("label", "text").compactMap { $0.number("y") }.sorted()
        #expect(ys.count < 360)
        for (a, b) in zip(ys, ys.dropFirst()) { #expect(b - a >= 11) }
    }
}
