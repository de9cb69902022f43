import ApenCore
import Foundation
import Testing

@testable import Check

struct CheckReportRenderingTests {
    typealias T = CheckConfiguration.Tolerance

    /// Six rows, one of each kind. The expected numbers, by hand:
    /// - survey.transparency.index: 62.5 − 61.25 = +1.25; 1.25 / 61.25 = 2.0408…% → "+2.04%";
    ///   rel 0.005 allows 0.005·61.25 = 0.30625 < 1.25 → drift.
    /// - survey.trust.index: 61.25 − 61 = 0.25 ≤ 0.305 → ok (hidden without --all).
    /// - engagement.repeat_share: 0.2500000001 − 0.25 ≈ 1e-10 ≤ abs 1e-9 (default) → ok.
    /// - foi.granted_share: equal value under abs 0, n 4 → 5 → n changed (warn).
    /// - foi.median_workdays: only in the baseline → missing (fail).
    /// - publications.open_share: only in the new results → added (warn).
    static func report() throws -> CheckReport {
        let baseline = [
            IndicatorRow(
                indicator: "survey.transparency.index", municipality: "5001", year: 2019, value: 61.25, n: 120),
            IndicatorRow(indicator: "survey.trust.index", municipality: "5001", year: 2019, value: 61, n: 120),
            IndicatorRow(indicator: "engagement.repeat_share", municipality: "5001", year: 2023, value: 0.25, n: 40),
            IndicatorRow(indicator: "foi.granted_share", municipality: "5001", year: 2023, value: 0.75, n: 4),
            IndicatorRow(indicator: "foi.median_workdays", municipality: "5006", year: 2023, value: 3.5, n: 10),
        ]
        let current = [
            IndicatorRow(indicator: "publications.open_share", municipality: "5001", year: 2023, value: 0.5, n: 8),
            IndicatorRow(indicator: "foi.granted_share", municipality: "5001", year: 2023, value: 0.75, n: 5),
            IndicatorRow(
                indicator: "engagement.repeat_share", municipality: "5001", year: 2023, value: 0.2500000001, n: 40),
            IndicatorRow(indicator: "survey.trust.index", municipality: "5001", year: 2019, value: 61.25, n: 120),
            IndicatorRow(indicator: "survey.transparency.index", municipality: "5001", year: 2019, value: 62.5, n: 120),
        ]
        let config = CheckConfiguration(
            baseline: "b.csv",
            tolerances: [("default", T(abs: 1e-9)), ("survey.*", T(rel: 0.005)), ("foi.granted_share", T(abs: 0))])
        return try CheckReport.compare(baseline: baseline, current: current, configuration: config)
    }

    static func fixture(_ name: String) throws -> String {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The golden file was written by hand from the arithmetic above, not from the output.
    @Test func markdownMatchesTheHandCheckedGoldenFile() throws {
        let md = try Self.report().rendered(as: .md, all: false, title: "Åpen check: example.apen.yaml")
        #expect(md == (try Self.fixture("check-golden.md")))
    }

    @Test func textShowsFailuresFirstAndTheSummaryLine() throws {
        let text = try Self.report().rendered(as: .text, all: false)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("indicator                  municipality  year  baseline   new"))
        #expect(lines[1].hasPrefix("foi.median_workdays        5006          2023       3.5"))
        #expect(lines[2].hasPrefix("survey.transparency.index  5001          2019     61.25  62.5  +1.25  +2.04%"))
        #expect(lines[3].hasPrefix("foi.granted_share"))
        #expect(lines[4].hasPrefix("publications.open_share"))
        #expect(lines[5] == "")
        #expect(lines[6] == "6 checked, 1 drifted, 1 missing, 1 added, 1 n changed — failed: 2 failures, 2 warnings")
        #expect(lines.count == 8)  // the final line ends with "\n"
    }

    @Test func allIncludesOkRowsLast() throws {
        let text = try Self.report().rendered(as: .text, all: true)
        let ids = text.split(separator: "\n").dropFirst().prefix(6).map { String($0.prefix { $0 != " " }) }
        #expect(
            ids == [
                "foi.median_workdays", "survey.transparency.index", "foi.granted_share", "publications.open_share",
                "engagement.repeat_share", "survey.trust.index",
            ])
    }

    @Test func jsonIsValidWithAFixedKeyOrderAndFullPrecision() throws {
        let json = try Self.report().rendered(as: .json, all: true)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(object["outcome"] as? String == "failed")
        #expect(object["exit_code"] as? Int == 1)
        let summary = object["summary"] as! [String: Int]
        #expect(
            summary == [
                "checked": 6, "drifted": 1, "missing": 1, "added": 1, "n_changed": 1, "failures": 2, "warnings": 2,
            ])
        let rows = object["rows"] as! [[String: Any]]
        #expect(rows.count == 6)
        #expect(rows[0]["status"] as? String == "missing")
        #expect(rows[0]["new"] is NSNull)
        #expect(rows[1]["delta"] as? Double == 1.25)
        let engagement = rows.first { $0["indicator"] as? String == "engagement.repeat_share" }!
        #expect(engagement["new"] as? Double == 0.2500000001)  // not rounded
        #expect(engagement["delta"] as? Double == 0.2500000001 - 0.25)
        let tol = rows[1]["tolerance"] as! [String: Any]
        #expect(tol["rule"] as? String == "survey.*")
        #expect(tol["rel"] as? Double == 0.005)
        #expect(tol["abs"] is NSNull)
        // Key order is fixed: outcome, exit_code, summary, rows.
        let keys = ["\"outcome\"", "\"exit_code\"", "\"summary\"", "\"rows\""].map { json.range(of: $0)!.lowerBound }
        #expect(keys == keys.sorted())
        #expect(json.hasPrefix("{\n  \"outcome\": \"failed\",\n  \"exit_code\": 1,\n"))
    }

    @Test func passingReportWithoutAllShowsOnlyTheSummary() throws {
        let r = try CheckReport.compare(
            baseline: [row("x", "1", 2020, 1)], current: [row("x", "1", 2020, 1)],
            configuration: CheckConfiguration(baseline: "b", tolerances: []))
        #expect(r.rendered(as: .text, all: false) == "1 checked, 0 drifted, 0 missing, 0 added, 0 n changed — passed\n")
        #expect(
            r.rendered(as: .md, all: false)
                == "### Åpen check — passed\n\n**1 checked, 0 drifted, 0 missing, 0 added, 0 n changed** — passed\n")
    }

    @Test func markdownEscapesCellText() throws {
        let r = try CheckReport.compare(
            baseline: [], current: [row("a|b*c", "x_y", 2020, 1)],
            configuration: CheckConfiguration(baseline: "b", tolerances: []))
        #expect(r.rendered(as: .md, all: false).contains("| a\\|b\\*c | x\\_y | 2020 |"))
    }
}

extension CheckReportRenderingTests {
    @Test func maxRowsKeepsTheWorstRowsAndCountsTheRest() throws {
        let md = try Self.report().rendered(as: .md, all: false, title: "t", maxRows: 2)
        let golden = try Self.fixture("check-golden.md").split(separator: "\n", omittingEmptySubsequences: false)
        // The golden table's header, rule and first two rows (the two failures), then the note.
        let expected =
            "### t — failed\n\n" + golden[2...5].joined(separator: "\n") + "\n\n… 2 more rows not shown\n\n"
            + "**6 checked, 1 drifted, 1 missing, 1 added, 1 n changed** — failed: 2 failures, 2 warnings\n"
        #expect(md == expected)
        let text = try Self.report().rendered(as: .text, all: true, maxRows: 5)
        #expect(text.contains("\n… 1 more row not shown\n\n6 checked"))
        #expect(try Self.report().rendered(as: .text, all: false, maxRows: 0).hasPrefix("… 4 more rows not shown\n\n"))
        // JSON ignores the limit.
        #expect(
            try Self.report().rendered(as: .json, all: true, maxRows: 1) == Self.report().rendered(as: .json, all: true)
        )
        // A limit above the row count changes nothing.
        #expect(
            try Self.report().rendered(as: .md, all: false, maxRows: 4) == Self.report().rendered(as: .md, all: false))
    }
}
