import ApenCore
import Foundation
import Testing

@testable import Reports

/// One small chart per type compared byte for byte with a reviewed file in
/// `Fixtures/golden/`. The files were rendered with headless Chromium and checked by eye
/// (see docs/reports.md). After an intended change, rerun with `APEN_UPDATE_GOLDEN=1`,
/// look at the new SVGs, and commit them.
@Suite struct GoldenChartTests {
    static func d(
        _ code: String, _ name: String, _ v: Double, _ lo: Double? = nil, _ hi: Double? = nil, focus: Bool = false
    ) -> ChartDatum {
        ChartDatum(code: code, name: name, value: v, low: lo, high: hi, focus: focus)
    }

    static var charts: [(String, Chart)] {
        let nb = Strings(language: .nb)
        let bars = BarChart.make(
            slug: "golden-bars", title: "Andel enige (tillit), 2023", description: "Fire kommuner, sortert.",
            axisTitle: nb.axisTitle(.share), unit: .share,
            data: [
                d("0301", "Oslo", 0.61, 0.57, 0.65), d("5001", "Trondheim", 0.55, 0.51, 0.59, focus: true),
                d("1804", "Bodø", 0.48, 0.42, 0.54), d("5006", "Steinkjer", 0.44, 0.36, 0.52, focus: true),
            ], language: .nb
        ).chart
        let trend = TrendChart.make(
            slug: "golden-trend", title: "Median arbeidsdager til svar: utvikling",
            description: "To kommuner mot de andre.", axisTitle: nb.axisTitle(.workdays),
            unit: .workdays, years: [2021, 2022, 2023],
            focus: [
                TrendChart.Series(
                    code: "5001", name: "Trondheim",
                    points: [d("5001", "Trondheim", 2.5), d("5001", "Trondheim", 2), d("5001", "Trondheim", 1.5)],
                    years: [2021, 2022, 2023]),
                TrendChart.Series(
                    code: "5006", name: "Steinkjer", points: [d("5006", "Steinkjer", 4), d("5006", "Steinkjer", 3.5)],
                    years: [2022, 2023]),
            ],
            others: [2021: [1, 2, 3.5], 2022: [1.5, 2, 3], 2023: [1, 2.5, 4]], othersAreAll: false, strings: nb
        ).chart
        let heat = Heatmap.make(
            slug: "golden-heatmap", title: "Alle indikatorer, 2023 (normalisert)",
            description: "Fire kommuner, tre indikatorer.",
            columns: [
                Heatmap.Column(
                    id: "a", label: "Åpenhet (tillit)", direction: 1,
                    values: ["0301": 70, "5001": 64, "1804": 61, "5006": 58]),
                Heatmap.Column(
                    id: "b", label: "Median arbeidsdager", direction: -1,
                    values: ["0301": 3, "5001": 1.5, "1804": 2, "5006": 4]),
                Heatmap.Column(
                    id: "c", label: "Andel publisert åpent", direction: 1,
                    values: ["0301": 0.7, "5001": 0.66, "5006": 0.5]),
            ],
            municipalities: [
                ("0301", "Oslo", false), ("1804", "Bodø", false), ("5001", "Trondheim", true),
                ("5006", "Steinkjer", true),
            ].map { (code: $0.0, name: $0.1, focus: $0.2) },
            strings: nb
        ).chart
        let rank = RankChart.make(
            slug: "golden-rank", title: "Åpenhetsindeks: rangering 2023", description: "Rang med 5–95 %-intervall.",
            axisTitle: nb.axisTitle(.rank),
            data: [
                d("0301", "Oslo", 1, 1, 2), d("5001", "Trondheim", 2, 1, 3, focus: true), d("1804", "Bodø", 3, 2, 4),
                d("5006", "Steinkjer", 4, 3, 4, focus: true),
            ],
            language: .nb
        ).chart
        return [("bars", bars), ("trend", trend), ("heatmap", heat), ("rank", rank)]
    }

    @Test(arguments: ["bars", "trend", "heatmap", "rank"])
    func matchesReviewedFile(_ name: String) throws {
        let chart = try #require(Self.charts.first { $0.0 == name }?.1)
        if ProcessInfo.processInfo.environment["APEN_UPDATE_GOLDEN"] == "1" {
            let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "Fixtures/golden")
            try chart.fileText.write(to: dir.appendingPathComponent("\(name).svg"), atomically: true, encoding: .utf8)
            return
        }
        let url = try #require(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/golden/\(name).svg"))
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(chart.fileText == expected)
        #expect(XMLCheck.parse(expected).error == nil)
    }
}
