import ApenCore
import Testing

@testable import Reports

/// The composite section's sensitivity chart and table, coherence table, and treated and
/// imputed values (docs/reports.md, METHODS §6), on SampleInput plus rows written here.
@Suite struct CompositeSectionTests {
    static let id = "composite.openness"
    static let a = "foi.median_workdays"
    static let b = "foi.within_5_workdays_share"

    static func input(_ language: Language = .nb) -> ReportInput {
        var input = SampleInput.input(language: language)
        func summary(_ indicator: String, _ value: Double, breakdown: String = "", n: Int = 5) -> IndicatorRow {
            IndicatorRow(
                indicator: indicator, municipality: "", year: 2023, breakdown: breakdown, value: value, n: n)
        }
        input.rows += [
            // Sobol indices: weights 0.30 / 0.62, sampling error 0.25 / 0.41, aggregation 0.01 / 0.05.
            summary(id + ".sobol_first.weights", 0.30, n: 4), summary(id + ".sobol_total.weights", 0.62, n: 4),
            summary(id + ".sobol_first.aggregation", 0.01, n: 4),
            summary(id + ".sobol_total.aggregation", 0.05, n: 4),
            summary(id + ".sobol_first.sampling_error", 0.25, n: 4),
            summary(id + ".sobol_total.sampling_error", 0.41, n: 4),
            // Coherence: with the index, with each other, α.
            summary(id + ".corr." + a, 0.81), summary(id + ".corr." + b, -0.2),
            summary(id + ".corr." + a, -0.35, breakdown: b), summary(id + ".corr." + b, -0.35, breakdown: a),
            summary(id + ".alpha", 0.72),
            // Trondheim's median working days (1.5 in SampleInput) winsorised to 3; Bodø's missing
            // within-5-days share imputed as 0.9.
            IndicatorRow(
                indicator: id + ".treated", municipality: "5001", year: 2023, breakdown: a, value: 3, n: 5),
            IndicatorRow(
                indicator: id + ".imputed", municipality: "1804", year: 2023, breakdown: b, value: 0.9, n: 5,
                flags: [.imputed]),
        ]
        return input
    }

    static func file(_ name: String, _ language: Language = .nb) throws -> String {
        try #require(ReportWriter.render(input(language)).first { $0.name == name }?.text)
    }

    /// The chart's text alternative states the finding: factors by total-order index, largest first.
    @Test func sensitivityChartStatesTheFinding() throws {
        let md = try Self.file("report.md")
        #expect(
            md.contains(
                "![Åpenhetsindeks (openness): hva rangeringen avhenger av, 2023](charts/sobol-composite.openness.svg)"))
        #expect(
            md.contains(
                "Rangeringen avhenger mest av vektene (0,62), utvalgsfeilen i komponentene (0,41), deretter aggregeringsmetoden (0,05).*"
            ))
        #expect(md.contains("4 kommuner der rangen varierer"))
        // The rank chart names the factors that vary (METHODS order), not the weights alone.
        #expect(
            md.contains(
                "av rangen når vektene, aggregeringsmetoden og utvalgsfeilen i komponentene varieres tilfeldig (Monte Carlo).*"
            ))
        #expect(md.contains("| Vektene | 0,30 | 0,62 |"))
        #expect(md.contains("| Utvalgsfeilen i komponentene | 0,25 | 0,41 |"))
        let en = try Self.file("report.md", .en)
        #expect(
            en.contains(
                "The ranking depends most on the weights (0.62), the components' sampling error (0.41), then the aggregation method (0.05).*"
            ))
        let nn = try Self.file("report.md", .nn)
        #expect(nn.contains("kva rangeringa avheng av, 2023"))
        // One bar per factor, in the context colour (3.25:1 against white), the largest on top.
        let svg = try Self.file("charts/sobol-composite.openness.svg")
        #expect(svg.components(separatedBy: "class=\"bar\"").count - 1 == 3)
        #expect(svg.contains("#7193AB"))
        let order = ["weights", "sampling_error", "aggregation"].map {
            svg.range(of: "data-municipality=\"\($0)\"")!.lowerBound
        }
        #expect(order == order.sorted())
    }

    @Test func coherenceTableHasEveryPairAndAlpha() throws {
        let md = try Self.file("report.md")
        #expect(md.contains("samvariasjon mellom komponentene og med indeksen (Pearsons r), 2023"))
        #expect(md.contains("| Komponent | Indeks | 1 | 2 |"))
        #expect(md.contains("| 1. Median arbeidsdager til svar | 0,81 | 1 | −0,35 |"))
        #expect(md.contains("Cronbachs α for komponentene: 0,72 (5 kommuner med alle komponentene)."))
    }

    @Test func treatedAndImputedValuesAreListed() throws {
        let md = try Self.file("report.md")
        #expect(md.contains("| Kommune | År | Komponent | Opprinnelig verdi | Satt til |"))
        #expect(md.contains("| **Trondheim** | **2023** | **Median arbeidsdager til svar** | **1,5** | **3,0** |"))
        #expect(md.contains("| Kommune | År | Komponent | Anslått verdi |"))
        // 0.9 as a share: 90,0 % (the report's number format, with its non-breaking space).
        let share = DisplayNumber.value(0.9, unit: .share, language: .nb)
        #expect(share.hasPrefix("90,0"))
        #expect(md.contains("| Bodø | 2023 | Innsynskrav besvart innen 5 arbeidsdager | \(share) |"))
        let en = try Self.file("report.md", .en)
        #expect(en.contains("treated outliers (winsorised before normalisation)"))
    }
}
