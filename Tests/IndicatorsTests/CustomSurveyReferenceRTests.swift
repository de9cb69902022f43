import ApenCore
import Foundation
import Testing

@testable import Indicators

/// Design-based custom indicators over a survey source (METHODS r2 §2) against R's `survey`
/// 4.1 (`Reference/custom_survey_r2.R` → `Fixtures/survey-r2/custom_expected.csv`): the mean of
/// an item and the share of a condition, per municipality and per `by:` value, as domains of the
/// wave's design. Value, SE and bounds to 1e-9 relative; n and df exactly.
struct CustomSurveyReferenceRTests {
    static func table() throws -> Table {
        var t = try FixtureTables.fixture(
            "survey-r2/breakdowns.csv", kind: .survey, numbers: ["q1", "q2", "q3", "q4"])
        // As ingestion reads the items: the missing code 9 is no value.
        for item in ["q1", "q2", "q3", "q4"] {
            t.columns[item] = .number(t.numbers(item)!.map { $0 == 9 ? .nan : $0 })
        }
        return t
    }

    static let settings = SurveySettings(hasStrata: true, hasPSU: true)

    @Test func meanAndShareMatchR() throws {
        var mean = CustomIndicator(id: "custom.q1_mean", source: "s", measure: .mean)
        mean.of = "q1"
        mean.by = "aldersgruppe"
        var share = CustomIndicator(id: "custom.q4_high", source: "s", measure: .share)
        share.of = "q4 >= 4"
        share.filter = "q4 >= 1"
        share.by = "aldersgruppe"
        let t = try Self.table()
        var rows: [IndicatorRow] = []
        for def in [mean, share] {
            rows += try CustomIndicators.compute(def, tables: [t], jobs: 2, survey: Self.settings).rows
        }
        let expected = try IndicatorCSV.parse(
            text: FixtureTables.text("survey-r2/custom_expected.csv"), path: "custom_expected.csv")
        let key = { (r: IndicatorRow) in "\(r.indicator)|\(r.municipality)|\(r.year)|\(r.breakdown)" }
        #expect(rows.canonicallySorted().map(key) == expected.canonicallySorted().map(key))
        let byKey = Dictionary(uniqueKeysWithValues: expected.map { (key($0), $0) })
        for a in rows {
            guard let e = byKey[key(a)] else { continue }
            #expect(a.n == e.n, "\(key(a)) n")
            #expect(a.df == e.df, "\(key(a)) df")
            #expect(close(a.value, e.value, rel: 1e-9, abs: 1e-12), "\(key(a)) value")
            #expect(close(a.se, e.se, rel: 1e-9, abs: 1e-12), "\(key(a)) se")
            #expect(close(a.ciLow, e.ciLow, rel: 1e-9, abs: 1e-300), "\(key(a)) ci_low")
            #expect(close(a.ciHigh, e.ciHigh, rel: 1e-9, abs: 1e-300), "\(key(a)) ci_high")
        }
    }

    /// Without survey settings (any other source kind) the same mean has no SE: the plain
    /// unweighted mean of METHODS §2's other custom measures.
    @Test func withoutTheDesignTheMeanIsPlain() throws {
        var mean = CustomIndicator(id: "custom.q1_mean", source: "s", measure: .mean)
        mean.of = "q1"
        let rows = try CustomIndicators.compute(mean, tables: [try Self.table()], jobs: 1).rows
        #expect(rows.allSatisfy { $0.se == nil && $0.df == nil })
    }
}
