import ApenCore
import Testing

@testable import Reports

/// No two horizontal labels in any chart overlap, judged by the same width estimate the
/// charts use (`TextMetrics`) and a text box from 0.8 em above to 0.2 em below the baseline.
@Suite struct LabelOverlapTests {
    struct Box {
        var x0, x1, y0, y1: Double
        var text: String
        func overlaps(_ o: Box) -> Bool { x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1 }
    }

    static func boxes(_ svg: String) -> [Box] {
        let xml = XMLCheck.parse(svg)
        var out: [Box] = []
        for e in xml.all("text") where e.attributes["transform"] == nil {
            guard let x = e.number("x"), let y = e.number("y") else { continue }
            let size = e.number("font-size") ?? 12
            let w = TextMetrics.width(e.text, fontSize: size)
            let x0: Double
            switch e.attributes["text-anchor"] {
            case "middle": x0 = x - w / 2
            case "end": x0 = x - w
            default: x0 = x
            }
            out.append(Box(x0: x0, x1: x0 + w, y0: y - 0.8 * size, y1: y + 0.2 * size, text: e.text))
        }
        return out
    }

    @Test func detectorSeesAnOverlap() {
        let svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><text x=\"10\" y=\"20\">Trondheim</text><text x=\"30\" y=\"24\">Steinkjer</text><text x=\"10\" y=\"60\">Bodø</text></svg>"
        let b = Self.boxes(svg)
        #expect(b.count == 3)
        #expect(b[0].overlaps(b[1]))
        #expect(!b[0].overlaps(b[2]))
    }

    @Test(arguments: ["sample-nb", "sample-en", "national"])
    func noOverlappingLabels(_ which: String) {
        let input =
            which == "national"
            ? NationalScaleTests.input() : SampleInput.input(language: which == "sample-en" ? .en : .nb)
        for f in ReportWriter.render(input) where f.name.hasSuffix(".svg") {
            let b = Self.boxes(f.text)
            var clashes: [String] = []
            for i in b.indices {
                for j in b.indices where j > i && b[i].overlaps(b[j]) {
                    clashes.append("'\(b[i].text)' × '\(b[j].text)'")
                }
            }
            #expect(clashes.isEmpty, "\(f.name): \(clashes.prefix(5).joined(separator: ", "))")
        }
    }
}
