import ApenCore
import Foundation
import Testing

@testable import Reports

/// A national-scale report: 360 municipalities, three years, every sample indicator.
@Suite struct NationalScaleTests {
    static func input() -> ReportInput {
        var input = SampleInput.input()
        var rows: [IndicatorRow] = []
        let base = SampleInput.rows().filter { $0.municipality == "5001" }
        for i in 0..<360 {
            let code = i < SampleInput.municipalities.count ? SampleInput.municipalities[i] : String(1100 + i)
            let shift = Double((i * 37) % 100) / 100  // 0 … 0.99, fixed
            for r in base {
                var c = r
                c.municipality = code
                switch r.indicator {
                case let id where id.hasSuffix("_share"):
                    c.value = min(1, max(0, r.value - 0.2 + 0.4 * shift))
                    if r.ciLow != nil {
                        c.ciLow = max(0, c.value - 0.04)
                        c.ciHigh = min(1, c.value + 0.04)
                    }
                case let id where id.hasSuffix(".rank"):
                    continue
                default:
                    c.value = r.value * (0.7 + 0.6 * shift)
                    if let l = r.ciLow, let h = r.ciHigh {
                        c.ciLow = c.value - (r.value - l)
                        c.ciHigh = c.value + (h - r.value)
                    }
                }
                rows.append(c)
            }
        }
        // Ranks from the composite values, with an interval of ±3 clamped to 1…360.
        let comp = rows.filter { $0.indicator == "composite.openness" }.sorted {
            $0.value > $1.value || ($0.value == $1.value && $0.municipality < $1.municipality)
        }
        for (k, r) in comp.enumerated() {
            let rank = Double(k + 1)
            rows.append(
                IndicatorRow(
                    indicator: "composite.openness.rank", municipality: r.municipality, year: r.year, value: rank,
                    n: 360,
                    ciLow: max(1, rank - 3), ciHigh: min(360, rank + 3)))
        }
        input.rows = rows
        return input
    }

    @Test func wellFormedAndOnePageCharts() {
        let input = Self.input()
        let files = ReportWriter.render(input)
        for f in files where f.name.hasSuffix(".svg") {
            #expect(XMLCheck.parse(f.text).error == nil, "\(f.name)")
        }
        let heat = files.first { $0.name == "charts/heatmap.svg" }
        #expect(heat != nil)
        // The tables switch to focus rows + quartiles instead of 360 lines per indicator.
        let md = files.first { $0.name == "report.md" }?.text ?? ""
        #expect(md.contains("Median, alle kommuner"))
        if let out = ProcessInfo.processInfo.environment["APEN_REPORT_SAMPLE_DIR"] {
            _ = try? ReportWriter.write(input, to: out + "/national")
        }
    }
}
