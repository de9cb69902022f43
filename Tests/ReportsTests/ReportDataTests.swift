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
}
