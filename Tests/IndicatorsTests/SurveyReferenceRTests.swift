import ApenCore
import Foundation
import Testing

@testable import Indicators

/// The survey family against R's `survey` package (4.1): every case of
/// `Fixtures/survey-r2/manifest.json` was estimated by `Reference/survey_r2.R` as domains of
/// each wave's design (`svymean` on `subset(design, municipality == m)`, `degf()`,
/// `svyciprop(method = "beta")`; with `breakdowns:` also `subset(design, municipality == m &
/// aldersgruppe == v)` for every age group v, METHODS §2 "Survey breakdowns"), and the expected
/// rows were committed. Value, SE and interval
/// bounds agree to 1e-9 relative; n and df exactly.
struct SurveyReferenceRTests {
    struct Case: Decodable, CustomTestStringConvertible {
        struct Scale: Decodable {
            var items: [String]
            var reverse: [String]
        }
        var name: String
        var file: String
        var likert: [Double]
        var missing: [Double]
        var scales: [String: Scale]
        var strata: Bool
        var psu: Bool
        var weight: Bool
        var fpc: Bool
        var lonely: String
        var expected: String
        /// Survey breakdowns (METHODS §2): extra text columns whose values are domains too.
        var breakdowns: [String]?

        var testDescription: String { name }
    }

    static let cases: [Case] = {
        guard let data = try? Data(contentsOf: FixtureTables.url("survey-r2/manifest.json")),
            let cases = try? JSONDecoder().decode([Case].self, from: data)
        else { return [] }
        return cases
    }()

    @Test func theManifestHasEveryCase() {
        #expect(Self.cases.count >= 11)
        #expect(Self.cases.contains { $0.breakdowns == ["aldersgruppe"] })
    }

    @Test(arguments: cases)
    func matchesR(_ c: Case) throws {
        let items = Set(c.scales.values.flatMap(\.items))
        let scales = c.scales.keys.sorted().map { name in
            ScaleSpec(name: name, items: c.scales[name]!.items, reverse: c.scales[name]!.reverse)
        }
        let table = try FixtureTables.fixture("survey-r2/\(c.file)", kind: .survey, numbers: items)
        let settings = SurveySettings(
            likert: c.likert[0]...c.likert[1], missingCodes: c.missing, scales: scales, hasStrata: c.strata,
            hasPSU: c.psu, hasFPC: c.fpc, lonelyPSU: LonelyPSU(rawValue: c.lonely)!)
        var withBreakdowns = settings
        withBreakdowns.breakdowns = c.breakdowns ?? []
        let out = try BuiltinIndicators.compute(
            .survey, inputs: IndicatorInputs(surveys: [SurveyInput(table: table, settings: withBreakdowns)]),
            select: { $0.hasSuffix(".index") || $0.hasSuffix(".agree_share") })
        let expected = try IndicatorCSV.parse(
            text: FixtureTables.text("survey-r2/\(c.expected)"), path: c.expected)
        let key = { (r: IndicatorRow) in "\(r.indicator)|\(r.municipality)|\(r.year)|\(r.breakdown)" }
        #expect(out.rows.map(key) == expected.canonicallySorted().map(key))
        let byKey = Dictionary(uniqueKeysWithValues: expected.map { (key($0), $0) })
        for a in out.rows {
            guard let e = byKey[key(a)] else { continue }
            let k = "\(c.name) \(key(a))"
            #expect(a.n == e.n, "\(k) n")
            #expect(a.df == e.df, "\(k) df \(String(describing: a.df)) vs \(String(describing: e.df))")
            #expect(close(a.value, e.value, rel: 1e-9, abs: 1e-12), "\(k) value \(a.value) vs \(e.value)")
            #expect(
                close(a.se, e.se, rel: 1e-9, abs: 1e-12),
                "\(k) se \(String(describing: a.se)) vs \(String(describing: e.se))")
            #expect(
                close(a.ciLow, e.ciLow, rel: 1e-9, abs: 1e-300),
                "\(k) ci_low \(String(describing: a.ciLow)) vs \(String(describing: e.ciLow))")
            #expect(
                close(a.ciHigh, e.ciHigh, rel: 1e-9, abs: 1e-300),
                "\(k) ci_high \(String(describing: a.ciHigh)) vs \(String(describing: e.ciHigh))")
        }
    }
}
