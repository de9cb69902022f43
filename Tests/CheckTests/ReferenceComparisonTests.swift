import ApenCore
import Foundation
import Testing

@testable import Check

/// Cross-checks ``CheckReport/compare(baseline:current:configuration:baselineName:currentName:)``
/// against Fixtures/reference/make_reference.py, which computes every row's status, result and
/// rule with Python floats and `fnmatch` (180 rows around the tolerance bounds, shuffled).
struct ReferenceComparisonTests {
    static func path(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/reference").appendingPathComponent(name).path
    }

    static func lines(_ name: String) throws -> [[String]] {
        try String(contentsOfFile: path(name), encoding: .utf8)
            .split(separator: "\n").dropFirst().map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
    }

    @Test func agreesWithThePythonReference() throws {
        let rules = try Self.lines("rules.csv").map { f in
            (pattern: f[0], tolerance: CheckConfiguration.Tolerance(abs: Double(f[1]), rel: Double(f[2])))
        }
        let config = CheckConfiguration(baseline: "baseline.csv", tolerances: rules)
        let report = try CheckReport.compare(
            baseline: IndicatorCSV.read(path: Self.path("baseline.csv")),
            current: IndicatorCSV.read(path: Self.path("current.csv")), configuration: config)
        var got: [String: String] = [:]
        for r in report.rows {
            got["\(r.key.indicator),\(r.key.municipality),\(r.key.year)"] =
                "\(r.status.rawValue),\(r.verdict.rawValue),\(r.tolerance.rule ?? "")"
        }
        let expected = try Self.lines("expected.csv")
        #expect(expected.count == 180)
        #expect(got.count == expected.count)
        for e in expected {
            let key = e[0...2].joined(separator: ",")
            #expect(got[key] == e[3...5].joined(separator: ","), "\(key)")
        }
    }
}
