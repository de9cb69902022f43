import ApenCore
import Testing

@testable import Reports

@Suite struct ReportDataTests {
    @Test func sectionsFollowFamiliesScalesAndCatalogueOrder() {
        var input = SampleInput.input()
        input.rows += [
            IndicatorRow(indicator: "survey.access.agree_share", municipality: "5001", year: 2023, value: 0.5, n: 10),
            IndicatorRow(indicator: "survey.access.index", municipality: "5001", year: 2023, value: 50, n: 10),
            IndicatorRow(indicator: "custom.something", municipality: "5001", year: 2023, value: 1, n: 1),
        ]
        let ids = ReportData(input).indicators.map(\.id)
        // Survey: no-scale entry first, then scale "access" (index before agree_share, as in the
        // catalogue), then scale "trust"; families in report order; unknown family last.
        #expect(
            Array(ids.prefix(5)) == [
                "survey.responses", "survey.access.index", "survey.access.agree_share", "survey.trust.index",
                "survey.trust.agree_share",
            ])
        #expect(ids.last == "custom.something")
        let families = ReportData(input).families.map(\.family)
        #expect(families == ["survey", "engagement", "publication", "opendata", "foi", "composite", "custom"])
    }

    @Test func focusKeepsOptionOrderAndDropsUnknownCodes() {
        var input = SampleInput.input()
        input.options.focus = ["5006", "9999", "5001", "5006"]
        #expect(ReportData(input).focus == ["5006", "5001"])
    }

    @Test func municipalitiesInByteOrderAndYearsAscending() {
        let data = ReportData(SampleInput.input())
        #expect(data.municipalities == ["0301", "1804", "5001", "5006", "5501"])
        #expect(data.years == [2021, 2022, 2023])
        #expect(data.name("5006") == "Steinkjer")
        // Without a configured name: the classification's (1234 was Granvin until 2019), else the code.
        #expect(data.name("1234") == "Granvin")
        #expect(data.name("seattle") == "seattle")
    }

    /// A pillar's scores (`composite.<id>.<pillar>`, unit score) are a table in the composite
    /// section, in the rank table's order, and get no chart of their own.
    @Test func compositePillarsAreATable() throws {
        var input = SampleInput.input()
        input.catalogue.append(
            IndicatorInfo(
                id: "composite.openness.voice", family: "composite",
                label: LocalizedText(nb: "Stemme", en: "Voice"), unit: .score, direction: 1, inputs: [],
                definition: LocalizedText(nb: "", en: ""), methods: "§6"))
        for (i, m) in ["0301", "1804", "5001", "5006", "5501"].enumerated() {
            input.rows.append(
                IndicatorRow(
                    indicator: "composite.openness.voice", municipality: m, year: 2023, value: 10 * Double(i) + 0.25,
                    n: 5))
        }
        let files = ReportWriter.render(input)
        let md = try #require(files.first { $0.name == "report.md" }?.text)
        #expect(md.contains("| Kommune | voice |"))
        // SampleInput ranks 0301 first (rank i + 1): its voice score 0.25 shows as 0,3 (one decimal).
        let lines = md.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex(of: "| Kommune | voice |"))
        #expect(lines[header + 2].hasSuffix("| 0,3 |"))
        #expect(!files.contains { $0.name.contains("composite.openness.voice") })
    }

    /// A composite shift's yearly mean has an empty municipality (METHODS §6): it is no
    /// municipality of the report, and the sensitivity table shows it rather than a
    /// municipality's own shift (each municipality's row in SampleInput is 0.4).
    @Test func compositeSummaryRowIsNoMunicipalityAndFeedsTheSensitivityTable() throws {
        var input = SampleInput.input()
        input.rows.append(
            IndicatorRow(
                indicator: "composite.openness.shift.foi.median_workdays", municipality: "", year: 2023, value: 0.75,
                n: 5))
        #expect(ReportData(input).municipalities == ["0301", "1804", "5001", "5006", "5501"])
        let md = try #require(ReportWriter.render(input).first { $0.name == "report.md" }?.text)
        let table = md.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("0,75") }
        #expect(table.count == 1)
        #expect(!md.split(separator: "\n").contains { $0.hasPrefix("| ") && $0.hasSuffix("| 0,40 |") })
    }
}
