import ApenCore
import Testing

@testable import Reports

@Suite struct RankChartTests {
    @Test func dotAtNominalRankAndBarOverInterval() {
        let data = [
            ChartDatum(code: "5006", name: "Steinkjer", value: 3, low: 2, high: 4.5, focus: true),
            ChartDatum(code: "0301", name: "Oslo", value: 1, low: 1, high: 2, focus: false),
            ChartDatum(code: "5001", name: "Trondheim", value: 2, low: 1, high: 3, focus: true),
        ]
        let (chart, layout) = RankChart.make(
            slug: "r", title: "T", description: "D", axisTitle: "Rang", data: data, language: .nb)
        let xml = XMLCheck.parse(chart.fileText)
        #expect(xml.error == nil)
        // Sorted by nominal rank: Oslo, Trondheim, Steinkjer.
        #expect(xml.withClass("municipality", "g").map(\.municipality) == ["0301", "5001", "5006"])
        #expect(xml.withClass("label", "text").map(\.text) == ["Oslo", "Trondheim", "Steinkjer"])
        // The axis runs from rank 1 (left) to at least the largest interval end 4.5.
        #expect(layout.lower <= 1 && layout.upper >= 4.5)
        #expect(layout.tickValues.first == 1)
        let dots = xml.withClass("rank", "circle").compactMap { $0.number("cx") }
        let bars = xml.withClass("interval", "line")
        #expect(dots.count == 3 && bars.count == 3)
        // Steinkjer's bar spans ranks 2…4.5 and contains its dot at 3.
        let s = bars[2]
        #expect(s.number("x1")! < dots[2] && dots[2] < s.number("x2")!)
        // Equal rank steps are equal pixel steps: dots at 1, 2, 3.
        #expect(abs((dots[1] - dots[0]) - (dots[2] - dots[1])) < 0.02)
    }
}
