import ApenCore
import Testing

@testable import Reports

@Suite struct TrendChartTests {
    @Test func bandAndMedianOfTheOthers() {
        // Others 2021: [1, 2, 10] → median 2; type-7 quartiles: h = 2·0.25 = 0.5 → 1 + 0.5·(2−1) = 1.5,
        // h = 1.5 → 2 + 0.5·(10−2) = 6. Others 2022: [4, 6] → median 5.
        let focus = [
            TrendChart.Series(
                code: "5001", name: "Trondheim",
                points: [
                    ChartDatum(code: "5001", name: "Trondheim", value: 3, focus: true),
                    ChartDatum(code: "5001", name: "Trondheim", value: 7, low: 6, high: 8, focus: true),
                ],
                years: [2021, 2022])
        ]
        let (chart, layout) = TrendChart.make(
            slug: "t", title: "T", description: "D", axisTitle: "Indeks", unit: .index,
            years: [2021, 2022], focus: focus, others: [2021: [10, 1, 2], 2022: [4, 6]],
            othersAreAll: false, strings: Strings(language: .nb))
        #expect(layout.median.count == 2)
        #expect(layout.median[0] == 2)
        #expect(layout.median[1] == 5)
        let xml = XMLCheck.parse(chart.fileText)
        #expect(xml.error == nil)
        #expect(xml.withClass("band", "polygon").count == 1)
        #expect(xml.withClass("median", "polyline").count == 1)
        #expect(xml.withClass("series", "g").map(\.municipality) == ["5001"])
        #expect(xml.withClass("label", "text").map(\.text) == ["Trondheim"])
        #expect(xml.withClass("year", "text").map(\.text) == ["2021", "2022"])
        // The axis covers the band (up to 6), the focus interval (up to 8) and the minimum 1.
        #expect(layout.ticks.lower <= 1 && layout.ticks.upper >= 8)
    }

    @Test func endLabelsDoNotOverlap() {
        let series = (0..<4).map { k in
            TrendChart.Series(
                code: "\(k)", name: "Kommune \(k)",
                points: [
                    ChartDatum(code: "\(k)", name: "", value: 50, focus: true),
                    ChartDatum(code: "\(k)", name: "", value: 50 + Double(k) * 0.1, focus: true),
                ],
                years: [2022, 2023])
        }
        let (chart, _) = TrendChart.make(
            slug: "t", title: "T", description: "D", axisTitle: "", unit: .index, years: [2022, 2023],
            focus: series, others: [:], othersAreAll: false, strings: Strings(language: .en))
        let ys: [Double] = XMLCheck.parse(chart.fileText).withClass("label", "text").compactMap { $0.number("y") }
            .sorted()
        #expect(ys.count == 4)
        for (a, b) in zip(ys, ys.dropFirst()) { #expect(b - a >= 11) }
    }
}
