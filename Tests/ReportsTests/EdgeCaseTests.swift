import ApenCore
import Testing

@testable import Reports

/// Inputs at the edges: nothing to show, one municipality, hostile names, breakdown rows.
@Suite struct EdgeCaseTests {
    @Test func emptyInputStillGivesAWellFormedReport() {
        let files = ReportWriter.render(ReportInput(title: "Tom", language: .nb, rows: [], catalogue: []))
        #expect(files.map(\.name) == ["indicators.csv", "findings.csv", "indicators.md", "report.html", "report.md"])
        let html = files.first { $0.name == "report.html" }!.text
        #expect(XMLCheck.parse(html).error == nil)
        #expect(html.contains("Ingen år med data"))
    }

    @Test func oneMunicipalityHasNoHeatmapButBarsAndTrends() {
        let rows = [2022, 2023].map {
            IndicatorRow(
                indicator: "survey.trust.index", municipality: "5006", year: $0, value: 60 + Double($0 - 2022), n: 100)
        }
        let files = ReportWriter.render(
            ReportInput(title: "T", language: .en, rows: rows, catalogue: SampleInput.catalogue))
        let names = files.map(\.name)
        #expect(!names.contains("charts/heatmap.svg"))
        #expect(names.contains("charts/bars-survey.trust.index.svg"))
        #expect(names.contains("charts/trend-survey.trust.index.svg"))
    }

    @Test func namesAndTitlesWithMarkupAreEscapedEverywhere() {
        var input = SampleInput.input()
        input.title = "R&D <test> \"quoted\""
        input.options.names["5001"] = "Trond & <heim>"
        input.warnings = [RunWarning(.other, source: "", text: "a <b> & c")]
        for f in ReportWriter.render(input) where f.name.hasSuffix(".svg") || f.name.hasSuffix(".html") {
            #expect(XMLCheck.parse(f.text).error == nil, "\(f.name)")
        }
        let html = ReportWriter.render(input).first { $0.name == "report.html" }!.text
        #expect(html.contains("Trond &amp; &lt;heim&gt;"))
        let md = ReportWriter.render(input).first { $0.name == "report.md" }!.text
        #expect(md.hasPrefix("# R&D \\<test\\> \"quoted\""))
    }

    @Test func breakdownRowsAreTabledNotCharted() {
        var input = SampleInput.input()
        input.rows += [
            IndicatorRow(
                indicator: "engagement.actions_by_channel", municipality: "5001", year: 2023, breakdown: "digital",
                value: 3.5, n: 10),
            IndicatorRow(
                indicator: "engagement.actions_by_channel", municipality: "5001", year: 2023, breakdown: "meeting",
                value: 1.25, n: 4),
        ]
        let files = ReportWriter.render(input)
        #expect(!files.map(\.name).contains { $0.contains("actions_by_channel") })
        let md = files.first { $0.name == "report.md" }!.text
        // Inferred unit ratio → two decimals; bokmål comma.
        #expect(md.contains("| **Trondheim** | **digital** | **3,50** |"))
        let ind = files.first { $0.name == "indicators.md" }!.text
        #expect(ind.contains("| digital |"))
        #expect(
            files.first { $0.name == "indicators.csv" }!.text.hasPrefix("indicator,municipality,year,breakdown,value"))
    }

    @Test func chartKindsFollowTheOptions() {
        var input = SampleInput.input()
        input.options.charts = ["heatmap"]
        let charts = ReportWriter.render(input).map(\.name).filter { $0.hasPrefix("charts/") }
        #expect(charts == ["charts/heatmap.svg"])
    }
}

@Suite struct CoverageTableTests {
    @Test func manyMunicipalitiesAreSummarised() {
        var input = SampleInput.input()
        // 40 municipalities with 1…40 rows in 2023; focus 5001 has 7.
        let codes = (0..<40).map { String(2000 + $0) }
        input.quality = [
            SourceQuality(
                name: "survey", file: "s.csv", rowsRead: 820, accepted: 820, rejected: 0,
                coverage: codes.enumerated().map { Coverage(municipality: $1, year: 2023, rows: $0 + 1) } + [
                    Coverage(municipality: "5001", year: 2023, rows: 7)
                ])
        ]
        let md = ReportWriter.render(input).first { $0.name == "report.md" }!.text
        #expect(md.contains("| **Trondheim** | **7** |"))
        #expect(md.contains("| Kommuner med rader | 41 |"))
        #expect(md.contains("| Færrest rader | 1 |"))
        // Counts 1…40 plus 7, sorted: 41 values, the median is the 21st = 20.
        #expect(md.contains("| Median, alle kommuner | 20 |"))
        #expect(md.contains("| Flest rader | 40 |"))
        #expect(!md.contains("| 2039 |"))
    }
}

@Suite struct LongListTests {
    @Test func warningListsNameEveryMunicipalityWithItsYearsAsRanges() {
        // 200 municipalities "g1001" … "g1200" without a value in 2021 (names fall back to the
        // code): all 200 are named, the run log having pointed here for the whole list.
        let w = RunWarning(
            .noValue, source: "engagement", indicator: "engagement.gini",
            groups: (1...200).map { RunWarning.Group("g\(1000 + $0)", year: 2021) }, reason: .fewerThanTwoParticipants)
        let data = KeyFindingsTests.data([])
        let text = ReportDocument.warningText(w, data, Strings(language: .nb))
        #expect(text.hasPrefix("«Skjevhet i deltakelse (Gini)» har ingen verdi for g1001 i 2021; g1002 i 2021; "))
        #expect(text.hasSuffix("g1200 i 2021: færre enn 2 deltakere."))
        #expect(text.components(separatedBy: "; ").count == 200)
        #expect(ReportDocument.yearRanges([2025, 2021, 2022, 2023, 2019]) == ["2019", "2021–2023", "2025"])
        // One municipality with several years: its years after its name, once.
        let years = RunWarning(
            .noValue, source: "publications", indicator: "opendata.stars_mean",
            groups: [2021, 2022, 2024].map { RunWarning.Group("5001", year: $0) } + [
                RunWarning.Group("1804", year: 2021)
            ],
            reason: .noDatasetRecord)
        #expect(
            ReportDocument.warningText(years, KeyFindingsTests.data([], .nn), Strings(language: .nn))
                == "«Gjennomsnittleg stjernenivå» har ingen verdi for Trondheim i 2021–2022, 2024; Bodø i 2021: ingen postar av typen datasett."
        )
    }

    @Test func compositeTableShowsTopTenAndFocusBeyondTheLimit() {
        let input = NationalScaleTests.input()
        let md = ReportWriter.render(input).first { $0.name == "report.md" }!.text
        #expect(
            md.contains("The table shows the ten best")
                || md.contains("Tabellen viser de ti beste og de utvalgte kommunene av 360"))
    }
}
