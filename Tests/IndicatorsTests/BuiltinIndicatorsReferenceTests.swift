import ApenCore
import Foundation
import Testing

@testable import Indicators

/// Every built-in indicator against values computed independently by
/// `Reference/make_reference.py` (numpy, pandas, holidays) from the same fixtures; the survey
/// index and agree share (METHODS r2: domains of the wave's design, t and Korn–Graubard
/// intervals) by `Reference/reference_survey_r2.R` (R `survey` 4.1).
struct BuiltinIndicatorsReferenceTests {
    static let items: Set<String> = ["q1", "q2", "q3", "q4", "q5"]
    static let scales = [
        ScaleSpec(name: "trust", items: ["q1", "q2", "q3"], reverse: ["q3"]),
        ScaleSpec(name: "voice", items: ["q4", "q5"]),
    ]

    static func inputs(shuffle seed: UInt64? = nil) throws -> IndicatorInputs {
        func load(_ name: String, _ kind: SourceKind, numbers: Set<String> = []) throws -> Table {
            let t = try FixtureTables.fixture(name, kind: kind, numbers: numbers)
            guard let seed else { return t }
            return try FixtureTables.fixture(
                name, kind: kind, numbers: numbers,
                rowOrder: FixtureTables.permutation(t.rowCount, seed: seed))
        }
        let survey = SurveyInput(
            table: try load("reference/survey.csv", .survey, numbers: items),
            settings: SurveySettings(scales: scales, hasStrata: true, hasPSU: true))
        return IndicatorInputs(
            surveys: [survey],
            engagement: [try load("reference/engagement.csv", .engagement)],
            publications: [try load("reference/publications.csv", .publications)],
            accessRequests: [try load("reference/access_requests.csv", .accessRequests)],
            population: [try load("reference/population.csv", .population)])
    }

    static func compare(_ actual: [IndicatorRow], _ expected: [IndicatorRow]) {
        let key = { (r: IndicatorRow) in "\(r.indicator)|\(r.municipality)|\(r.year)" }
        #expect(actual.map(key) == expected.canonicallySorted().map(key))
        let byKey = Dictionary(uniqueKeysWithValues: expected.map { (key($0), $0) })
        for a in actual {
            guard let e = byKey[key(a)] else { continue }
            #expect(a.n == e.n, "\(key(a)) n")
            #expect(close(a.value, e.value), "\(key(a)) value \(a.value) vs \(e.value)")
            #expect(
                close(a.se, e.se, rel: 1e-9), "\(key(a)) se \(String(describing: a.se)) vs \(String(describing: e.se))")
            #expect(close(a.ciLow, e.ciLow, rel: 1e-9, abs: 1e-10), "\(key(a)) ci_low")
            #expect(close(a.ciHigh, e.ciHigh, rel: 1e-9, abs: 1e-10), "\(key(a)) ci_high")
            #expect(a.df == e.df, "\(key(a)) df \(String(describing: a.df)) vs \(String(describing: e.df))")
        }
    }

    /// The reference rows: survey index and agree share from R (revision 2), the rest from
    /// make_reference.py.
    static func expected() throws -> [IndicatorRow] {
        let fromR = try FixtureTables.expectedRows("reference/survey_expected_r2.csv")
        let ids = Set(fromR.map(\.indicator))
        return try FixtureTables.expectedRows("reference/expected.csv").filter { !ids.contains($0.indicator) } + fromR
    }

    @Test func everyFamilyMatchesTheReference() throws {
        let out = try BuiltinIndicators.computeAll(inputs: try Self.inputs(), jobs: 2)
        Self.compare(out.rows, try Self.expected())
    }

    @Test func skippedGroupsAreListedAsWarnings() throws {
        let out = try BuiltinIndicators.computeAll(inputs: try Self.inputs())
        let text = out.warnings.map(\.description)
        #expect(out.warnings.allSatisfy { $0.severity == .warning })
        // 5006/2024 has no population row; 9999 is not in the population table.
        #expect(
            text.contains {
                $0.contains("engagement.participants_per_1000: no value (population unknown) for 5006/2024, 9999/2024")
            })
        #expect(text.contains { $0.contains("engagement.gini: no value (fewer than 2 participants) for 9999/2024") })
        #expect(
            text.contains {
                $0.contains("survey.trust.alpha: no value (zero variance of the total score) for 9999/2023")
            })
        #expect(text.contains { $0.contains("foi.median_workdays: no value (no answered request) for 9999/2024") })
        #expect(
            text.contains { $0.contains("publication.lag_median_days: no value (no published record) for 9999/2024") })
        #expect(text.contains { $0.contains("opendata.stars_mean: no value (no dataset record) for 9999/2024") })
    }

    @Test func unweightedSurveyWithoutDesignIsThePlainMean() throws {
        let table = try FixtureTables.fixture("reference/survey_plain.csv", kind: .survey, numbers: Self.items)
        let out = try BuiltinIndicators.compute(
            .survey,
            inputs: IndicatorInputs(surveys: [SurveyInput(table: table, settings: SurveySettings(scales: Self.scales))])
        )
        let fromR = try FixtureTables.expectedRows("reference/survey_plain_expected_r2.csv")
        let ids = Set(fromR.map(\.indicator))
        Self.compare(
            out.rows,
            try FixtureTables.expectedRows("reference/survey_plain_expected.csv").filter { !ids.contains($0.indicator) }
                + fromR)
    }

    @Test(arguments: [LonelyPSU.remove, .adjust])
    func lonelyPSU(rule: LonelyPSU) throws {
        let table = try FixtureTables.fixture("reference/survey_lonely.csv", kind: .survey, numbers: Self.items)
        let settings = SurveySettings(scales: [Self.scales[0]], hasStrata: true, hasPSU: true, lonelyPSU: rule)
        let out = try BuiltinIndicators.compute(
            .survey, inputs: IndicatorInputs(surveys: [SurveyInput(table: table, settings: settings)]),
            select: { $0 == "survey.trust.index" })
        let expected = FixtureTables.records(try FixtureTables.text("reference/survey_lonely_expected_r2.csv"))
            .first { $0[0] == rule.rawValue }!
        #expect(out.rows.count == 1)
        let row = try #require(out.rows.first)
        #expect(close(row.value, Double(expected[1])!))
        #expect(row.n == Int(expected[2])!)
        #expect(close(row.se, Double(expected[3])!, rel: 1e-9))
        #expect(row.df == Int(expected[4])!)
    }

    @Test func lonelyPSUFailNamesTheStratum() throws {
        let table = try FixtureTables.fixture("reference/survey_lonely.csv", kind: .survey, numbers: Self.items)
        let settings = SurveySettings(scales: [Self.scales[0]], hasStrata: true, hasPSU: true, lonelyPSU: .fail)
        let error = #expect(throws: Diagnostic.self) {
            try BuiltinIndicators.compute(
                .survey, inputs: IndicatorInputs(surveys: [SurveyInput(table: table, settings: settings)]))
        }
        #expect(
            error?.description
                == "reference/survey_lonely.csv: field 'psu': stratum 'C' of the 2024 wave has a single PSU; declare lonely_psu: remove or adjust"
        )
    }
}
