import ApenCore
import Testing

@testable import Reports

@Suite struct KeyFindingsTests {
    static let nbsp = "\u{00A0}"

    @Test func fiveWorkingDayRuleForFocusAndOverall() {
        let f = KeyFindings.foiFindings(ReportData(SampleInput.input()))
        // Steinkjer 2023: 0.92 + 2·0.02 = 0.96 of 120 + 30 = 150 requests.
        #expect(
            f.contains(
                "I Steinkjer ble 96,0\(Self.nbsp)% av innsynskravene i 2023 besvart innen 5 arbeidsdager (150 krav). Et krav som ikke er besvart innen fem arbeidsdager, regnes som avslått og kan påklages (offentleglova § 32)."
            ))
        // Shares below 1 in 2023: 5001 0.95, 5006 0.96, 1804 0.99; 5501 and 0301 are capped at 1 → 3 of 5.
        #expect(f.last == "3 av 5 kommuner besvarte ikke alle innsynskrav innen 5 arbeidsdager i 2023.")
    }

    @Test func allAnsweredInTime() {
        var input = SampleInput.input(language: .en)
        input.rows = [
            IndicatorRow(indicator: "foi.within_5_workdays_share", municipality: "5001", year: 2023, value: 1, n: 12)
        ]
        input.options.focus = ["5001"]
        let f = KeyFindings.foiFindings(ReportData(input))
        #expect(f == ["Trondheim answered all access requests in 2023 within 5 working days (12 requests)."])
    }

    @Test func compositeRankWithInterval() {
        let f = KeyFindings.compositeFindings(ReportData(SampleInput.input()))
        // Index 2023: Oslo 70.3, Tromsø 66.7, Trondheim 64.2, Bodø 61.0, Steinkjer 58.9 → Trondheim 3rd, interval 3 ± 1.
        #expect(
            f.first
                == "Trondheim er nr. 3 av 5 kommuner på «Åpenhetsindeks (openness)» i 2023; med varierte vekter ligger rangen mellom 2 og 4 (5.–95. persentil)."
        )
        #expect(f.count == 2)
    }

    @Test func compositeRankSaysWhereItWasTheYearBefore() {
        var input = SampleInput.input(language: .en)
        input.rows.append(
            IndicatorRow(
                indicator: "composite.openness.rank", municipality: "5001", year: 2022, value: 4, n: 5, ciLow: 3,
                ciHigh: 5))
        let f = KeyFindings.compositeFindings(ReportData(input))
        #expect(
            f.first
                == "Trondheim ranks 3 of 5 municipalities on “Openness index (openness)” in 2023 (4 in 2022); with varied weights the rank lies between 2 and 4 (5th–95th percentile)."
        )
    }

    @Test func largestChangesAgainstTheSpread() {
        // A: 50 → 60, B: 40 → 41, C lower-is-better days 5 → 4.
        // Index spread over all rows: 60 − 40 = 20 → A 10/20 = 0.5, B 1/20 = 0.05.
        // Days spread: 5 − 4 = 1 → C 1/1 = 1.0 (largest).
        let rows = [
            IndicatorRow(indicator: "survey.trust.index", municipality: "A", year: 2022, value: 50, n: 10),
            IndicatorRow(indicator: "survey.trust.index", municipality: "A", year: 2023, value: 60, n: 10),
            IndicatorRow(indicator: "survey.trust.index", municipality: "B", year: 2022, value: 40, n: 10),
            IndicatorRow(indicator: "survey.trust.index", municipality: "B", year: 2023, value: 41, n: 10),
            IndicatorRow(indicator: "foi.median_workdays", municipality: "C", year: 2022, value: 5, n: 10),
            IndicatorRow(indicator: "foi.median_workdays", municipality: "C", year: 2023, value: 4, n: 10),
        ]
        let input = ReportInput(title: "T", language: .nb, rows: rows, catalogue: SampleInput.catalogue)
        let f = KeyFindings.changeFindings(ReportData(input))
        #expect(
            f == [
                "C: «Median arbeidsdager til svar» falt fra 5,0 i 2022 til 4,0 i 2023 (\u{2212}1,0), en forbedring.",
                "A: «Åpenhet (trust)» steg fra 50,0 i 2022 til 60,0 i 2023 (+10,0), en forbedring.",
                "B: «Åpenhet (trust)» steg fra 40,0 i 2022 til 41,0 i 2023 (+1,0), en forbedring.",
            ])
    }

    @Test func overlappingIntervalsMakeAChangeUncertain() {
        // 50 [46, 54] → 53 [49, 57]: intervals overlap (49 ≤ 54). 40 [38, 42] → 45 [43, 47]: apart (43 > 42).
        let rows = [
            IndicatorRow(
                indicator: "survey.trust.index", municipality: "A", year: 2022, value: 50, n: 10, ciLow: 46, ciHigh: 54),
            IndicatorRow(
                indicator: "survey.trust.index", municipality: "A", year: 2023, value: 53, n: 10, ciLow: 49, ciHigh: 57),
            IndicatorRow(
                indicator: "survey.trust.index", municipality: "B", year: 2022, value: 40, n: 10, ciLow: 38, ciHigh: 42),
            IndicatorRow(
                indicator: "survey.trust.index", municipality: "B", year: 2023, value: 45, n: 10, ciLow: 43, ciHigh: 47),
        ]
        let f = KeyFindings.changeFindings(
            ReportData(ReportInput(title: "T", language: .en, rows: rows, catalogue: SampleInput.catalogue)))
        // Spread 53 − 40 = 13 (values only): B 5/13 before A 3/13.
        #expect(
            f == [
                "B: “Openness (trust)” rose from 40.0 in 2022 to 45.0 in 2023 (+5.0), an improvement.",
                "A: “Openness (trust)” rose from 50.0 in 2022 to 53.0 in 2023 (+3.0), an improvement, but the 95% intervals overlap, so the change is uncertain.",
            ])
    }

    @Test func noFindingsWithoutComparisons() {
        let input = ReportInput(
            title: "T", language: .en,
            rows: [IndicatorRow(indicator: "survey.responses", municipality: "A", year: 2023, value: 3, n: 3)],
            catalogue: [])
        #expect(KeyFindings.make(ReportData(input)).isEmpty)
        let html = ReportWriter.render(input).first { $0.name == "report.html" }?.text ?? ""
        #expect(html.contains("No findings to highlight"))
    }
}
