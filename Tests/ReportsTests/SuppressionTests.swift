import ApenCore
import Testing

@testable import Reports

/// `report: {suppress_below: N}` and the reliability marks in charts (issue 16 "Reliability
/// shown honestly"). The sample has n = 40 for every open-data row; the tests lower one or two
/// of them by hand, so which cells are hidden is known without running the code.
@Suite struct SuppressionTests {
    static func row(_ m: String, n: Int, indicator: String = "foi.granted_share") -> IndicatorRow {
        IndicatorRow(indicator: indicator, municipality: m, year: 2024, value: 0.5, n: n)
    }

    @Test func theRuleIsNBelowTheLimitExceptCompositeAndSummaryRows() {
        var options = ReportOptions()
        // Off by default: nothing is hidden, however small n is.
        #expect(!Suppression.hides(Self.row("5006", n: 0), options))
        options.suppressBelow = 3
        #expect(Suppression.hides(Self.row("5006", n: 0), options))
        #expect(Suppression.hides(Self.row("5006", n: 2), options))
        #expect(!Suppression.hides(Self.row("5006", n: 3), options))  // n = N is shown
        // A composite's n counts components, a row without a municipality is a year's summary.
        #expect(!Suppression.hides(Self.row("5006", n: 2, indicator: "composite.openness"), options))
        #expect(!Suppression.hides(Self.row("", n: 2), options))
    }

    /// Oslo's (0301) stars in 2023 rest on n = 2 < 10; Steinkjer's (5006) 2023 value is flagged
    /// `low_n`. The latest year of the sample is 2023, so both are in the bar chart.
    static func input(language: Language = .nb) -> ReportInput {
        var input = SampleInput.input(language: language)
        input.options.suppressBelow = 10
        input.rows = input.rows.map { r in
            guard r.indicator == "opendata.stars_mean", r.year == 2023 else { return r }
            var r = r
            if r.municipality == "0301" { r.n = 2 }
            if r.municipality == "5006" { r.flags = .lowN }
            return r
        }
        return input
    }

    static func file(_ input: ReportInput, _ name: String) -> String {
        ReportWriter.render(input).first { $0.name == name }!.text
    }

    @Test func tablesShowAColonAndSayWhy() {
        let input = Self.input()
        let md = Self.file(input, "report.md")
        // Oslo's row of the stars table: 2021 and 2022 shown, 2023 «:».
        let line = md.split(separator: "\n").first { $0.hasPrefix("| Oslo |") && $0.hasSuffix("| : |") }
        #expect(line != nil)
        #expect(md.contains(": Tallet er skjult fordi det bygger på færre enn 10 enheter (suppress\\_below)"))
        // indicators.md hides it too; indicators.csv keeps it (indicator, municipality, year,
        // value, n: the sample has no breakdown column).
        let csv = Self.file(input, "indicators.csv").split(separator: "\n")
        let kept = csv.first { $0.hasPrefix("opendata.stars_mean,0301,2023,") }?.split(
            separator: ",", omittingEmptySubsequences: false)
        #expect(kept?[4] == "2")
        let tables = Self.file(input, "indicators.md")
        #expect(tables.contains("færre enn 10 enheter"))
    }

    @Test func barsLeaveTheValueOutAndMarkFlaggedOnes() {
        let svg = Self.file(Self.input(), "charts/bars-opendata.stars_mean.svg")
        let xml = XMLCheck.parse(svg)
        #expect(xml.error == nil)
        // Five municipalities, one suppressed: four bars, none of them Oslo's.
        let bars = xml.withClass("bar", "rect")
        #expect(bars.count == 4)
        #expect(!bars.contains { $0.attributes["data-municipality"] == "0301" })
        #expect(xml.withClass("suppressed", "text").map(\.text) == [":"])
        // Steinkjer's low-n bar is hollow (white inside, its colour as the outline) and marked *.
        let flagged = xml.withClass("flagged", "rect")
        #expect(flagged.map { $0.attributes["data-municipality"] } == ["5006"])
        #expect(flagged.first?.attributes["fill"] == "#FFFFFF")
        #expect(flagged.first?.attributes["stroke"] == "#D55E00")
        #expect(xml.withClass("label", "text").map(\.text).contains("Steinkjer*"))
        // The suppressed bar is the last row: its place would tell its size. The description
        // says what hollow bars and «:» mean.
        let labels = xml.withClass("label", "text").map(\.text)
        #expect(labels.last == "Oslo")
        #expect(svg.contains("Hule stolper og punkter merket *, † eller ‡ er usikre eller anslåtte tall"))
        #expect(svg.contains("«:» står for tall som er skjult fordi de bygger på færre enn 10 enheter."))
    }

    @Test func heatmapHidesTheCellAndLeavesItOutOfTheScale() {
        let svg = Self.file(Self.input(language: .nn), "charts/heatmap.svg")
        let xml = XMLCheck.parse(svg)
        #expect(xml.error == nil)
        #expect(xml.withClass("suppressed", "text").map(\.text) == [":"])
        #expect(svg.contains("Oslo – Gjennomsnittleg stjernenivå: : (skjult (n &lt; 10))"))
        // Stars 2023 are 2.2 + 0.3·i in the order 5001, 5006, 1804, 5501, 0301: 2.2, 2.5, 2.8, 3.1,
        // 3.4. Without Oslo's 3.4 the scale runs 2.2–3.1: Steinkjer 0.3/0.9 = 33.3 → 33, Bodø
        // 0.6/0.9 = 66.7 → 67 (with Oslo they would be 25 and 50).
        #expect(svg.contains("Bodø – Gjennomsnittleg stjernenivå: 67<"))
        #expect(svg.contains("Steinkjer – Gjennomsnittleg stjernenivå: 33<"))
        #expect(xml.withClass("focus-marker", "rect").count == 2)
        #expect(xml.withClass("focus-outline", "rect").isEmpty)
    }

    @Test func trendsSayWhatIsLeftOutAndMarkFlaggedPoints() {
        // Oslo is not in focus: its suppressed 2023 value leaves the others' band, and the
        // description says figures are left out; Steinkjer's flagged 2023 point is hollow.
        let data = ReportData(Self.input())
        let chart = ChartSet.trend(data.indicator("opendata.stars_mean")!, data, Strings(language: .nb))!
        #expect(chart.description.hasSuffix("Tall som bygger på færre enn 10 enheter, er utelatt (skjult)."))
        #expect(chart.description.contains("Hule stolper og punkter merket *, † eller ‡ er usikre eller anslåtte tall"))
        let xml = XMLCheck.parse(chart.fileText)
        #expect(xml.withClass("flagged", "circle").count == 1)
    }

    @Test func noSuppressionNoColon() {
        var input = Self.input()
        input.options.suppressBelow = nil
        let md = Self.file(input, "report.md")
        #expect(!md.contains("skjult fordi"))
        #expect(!md.contains("| : |"))
    }
}
