import ApenCore
import Testing

@testable import Reports

@Suite struct HeatmapTests {
    @Test func minMaxScoresByHand() {
        // min 10, max 20: a → 0, b → 100, c = 15 → 50; lower-is-better flips: 100, 0, 50.
        let v = ["a": 10.0, "b": 20, "c": 15]
        #expect(Heatmap.minMaxScores(v, direction: 1) == ["a": 0, "b": 100, "c": 50])
        #expect(Heatmap.minMaxScores(v, direction: -1) == ["a": 100, "b": 0, "c": 50])
        #expect(Heatmap.minMaxScores(["a": 3, "b": 3], direction: 1) == ["a": 50, "b": 50])
    }

    @Test func rowsSortedByMeanScoreWithMissingCells() {
        let cols = [
            Heatmap.Column(id: "c1", label: "C1", direction: 1, values: ["x": 10, "y": 20, "z": 20]),
            Heatmap.Column(id: "c2", label: "C2", direction: -1, values: ["x": 1, "y": 3]),
        ]
        // Column 1: min 10, max 20 → x 0, y 100, z 100. Column 2: x 100, y 0.
        // Means: x (0+100)/2 = 50, y (100+0)/2 = 50, z 100 (one cell) → z first, then the tie x, y by code.
        let munis = [("x", "X", false), ("y", "Y", true), ("z", "Z", false)].map {
            (code: $0.0, name: $0.1, focus: $0.2)
        }
        let (chart, layout) = Heatmap.make(
            slug: "heatmap", title: "T", description: "D", columns: cols, municipalities: munis,
            strings: Strings(language: .nb))
        #expect(layout.rowOrder == ["z", "x", "y"])
        #expect(layout.scores[0] == [100, nil])
        let xml = XMLCheck.parse(chart.fileText)
        #expect(xml.error == nil)
        #expect(xml.withClass("cell", "rect").count == 6)
        #expect(xml.withClass("missing", "rect").count == 1)
        #expect(xml.withClass("focus-marker", "rect").count == 1)
        #expect(xml.withClass("column", "text").map(\.text) == ["C1", "C2"])
    }

    @Test func readableFor360Municipalities() {
        let codes = (0..<360).map { String(format4($0)) }
        let cols = (0..<8).map { j in
            Heatmap.Column(
                id: "c\(j)", label: "Indikator \(j)", direction: 1,
                values: Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, Double(($0 * (j + 3)) % 97)) }))
        }
        let munis = codes.map { (code: $0, name: "Kommune \($0)", focus: $0 == "0100") }
        let (chart, layout) = Heatmap.make(
            slug: "heatmap", title: "T", description: "D", columns: cols, municipalities: munis,
            strings: Strings(language: .en))
        #expect(layout.rowOrder.count == 360)
        #expect(layout.labelled.contains("0100"))
        #expect(chart.height < 1100)  // stays about one page tall
        let ys: [Double] = XMLCheck.parse(chart.fileText).withClass("label", "text").filter {
            !($0.attributes["class"] ?? "").contains("column")
        }.compactMap { $0.number("y") }.sorted()
        for (a, b) in zip(ys, ys.dropFirst()) { #expect(b - a >= 11) }
    }

    func format4(_ i: Int) -> String {
        let s = String(i)
        return String(repeating: "0", count: 4 - s.count) + s
    }
}
