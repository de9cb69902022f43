import ApenCore
import Testing

@testable import Check

struct CheckReportTests {
    typealias T = CheckConfiguration.Tolerance

    static func config(
        _ rules: [(pattern: String, tolerance: T)], missing: CheckConfiguration.Policy = .fail,
        added: CheckConfiguration.Policy = .warn, changedN: CheckConfiguration.Policy = .warn
    ) -> CheckConfiguration {
        var c = CheckConfiguration(baseline: "b.csv", tolerances: rules)
        c.missing = missing
        c.added = added
        c.changedN = changedN
        return c
    }

    @Test func eachStatusAndItsDefaultVerdict() throws {
        let baseline = [
            row("a.ok", "5001", 2020, 10, n: 5),
            row("a.drift", "5001", 2020, 10),
            row("a.n", "5001", 2020, 10, n: 5),
            row("a.gone", "5001", 2020, 1),
            row("a.both", "5001", 2020, 10, n: 5),
        ]
        let current = [
            row("a.ok", "5001", 2020, 10.05, n: 5),  // |Δ| = 0.05 ≤ abs 0.1
            row("a.drift", "5001", 2020, 10.5),  // |Δ| = 0.5 > 0.1
            row("a.n", "5001", 2020, 10, n: 6),  // value equal, n 5 → 6
            row("a.new", "5001", 2020, 2),
            row("a.both", "5001", 2020, 11, n: 6),  // drift wins over n changed
        ]
        let r = try CheckReport.compare(
            baseline: baseline, current: current, configuration: Self.config([("a.*", T(abs: 0.1))]))
        let byId = Dictionary(uniqueKeysWithValues: r.rows.map { ($0.key.indicator, ($0.status, $0.verdict)) })
        #expect(byId["a.ok"]! == (.ok, .ok))
        #expect(byId["a.drift"]! == (.drift, .fail))
        #expect(byId["a.n"]! == (.nChanged, .warn))
        #expect(byId["a.gone"]! == (.missing, .fail))
        #expect(byId["a.new"]! == (.added, .warn))
        #expect(byId["a.both"]! == (.drift, .fail))
        #expect(r.summary == CheckSummary(r.rows))
        #expect(
            [r.summary.checked, r.summary.drifted, r.summary.missing, r.summary.added, r.summary.nChanged] == [
                6, 2, 1, 1, 1,
            ])
        #expect([r.summary.failures, r.summary.warnings] == [3, 2])
        #expect(!r.passed)
    }

    @Test(arguments: [
        // (missing policy, added policy, expected exit code) with one missing and one added row.
        (CheckConfiguration.Policy.fail, CheckConfiguration.Policy.warn, Int32(1)),
        (.warn, .warn, 0),
        (.warn, .fail, 1),
        (.fail, .fail, 1),
    ])
    func missingAndAddedPolicies(missing: CheckConfiguration.Policy, added: CheckConfiguration.Policy, exit: Int32)
        throws
    {
        let r = try CheckReport.compare(
            baseline: [row("x", "1", 2020, 1), row("y", "1", 2020, 1)],
            current: [row("y", "1", 2020, 1), row("z", "1", 2020, 1)],
            configuration: Self.config([], missing: missing, added: added))
        #expect(r.rows.first { $0.status == .missing }?.verdict == Verdict(missing))
        #expect(r.rows.first { $0.status == .added }?.verdict == Verdict(added))
        #expect(CheckOutcome(r).exitCode == exit)
    }

    @Test func changedNCanBeMadeAFailure() throws {
        let r = try CheckReport.compare(
            baseline: [row("x", "1", 2020, 1, n: 3)], current: [row("x", "1", 2020, 1, n: 4)],
            configuration: Self.config([], changedN: .fail))
        #expect(r.rows.map(\.verdict) == [.fail])
        #expect(CheckOutcome(r).exitCode == 1)
    }

    @Test func failuresFirstThenWarningsThenOkEachInMethodsOrder() throws {
        // METHODS §1 order within a group: indicator, municipality by UTF-8 bytes ("0301" < "5001"), year numerically (2019 < 2020).
        let baseline = [
            row("b", "5001", 2020, 1), row("b", "0301", 2020, 1), row("a", "5001", 2020, 1), row("c", "5001", 2020, 1),
            row("a", "5001", 2019, 1),
        ]
        let current = [
            row("b", "5001", 2020, 2), row("b", "0301", 2020, 2), row("a", "5001", 2020, 1), row("a", "5001", 2019, 1),
            row("d", "5001", 2020, 1),
        ]
        let r = try CheckReport.compare(baseline: baseline, current: current, configuration: Self.config([]))
        #expect(
            r.rows.map { "\($0.key.indicator)/\($0.key.municipality)/\($0.key.year)/\($0.verdict)" } == [
                "b/0301/2020/fail", "b/5001/2020/fail", "c/5001/2020/fail",  // drift, drift, missing
                "d/5001/2020/warn",  // added
                "a/5001/2019/ok", "a/5001/2020/ok",
            ])
    }

    @Test func rowOrderDoesNotMatter() throws {
        let baseline = (0..<50).map { row("i\($0 % 5)", "m\($0 / 5)", 2020, Double($0)) }
        let current = baseline.map {
            var r = $0
            if r.indicator == "i3" { r.value += 1 }
            return r
        }
        let config = Self.config([("default", T(abs: 0.5))])
        let a = try CheckReport.compare(baseline: baseline, current: current, configuration: config)
        let b = try CheckReport.compare(
            baseline: baseline.reversed(), current: current.shuffled(), configuration: config)
        #expect(a == b)
        #expect(a.summary.drifted == 10)
    }

    @Test func breakdownIsPartOfTheKey() throws {
        let r = try CheckReport.compare(
            baseline: [row("x", "1", 2020, 1, breakdown: "web"), row("x", "1", 2020, 5)],
            current: [row("x", "1", 2020, 1, breakdown: "web"), row("x", "1", 2020, 5, breakdown: "mail")],
            configuration: Self.config([]))
        #expect(r.rows.map { "\($0.key.breakdown):\($0.status)" } == [":missing", "mail:added", "web:ok"])
    }

    @Test func deltas() throws {
        let r = try CheckReport.compare(
            baseline: [row("x", "1", 2020, 80), row("z", "1", 2020, 0)],
            current: [row("x", "1", 2020, 60), row("z", "1", 2020, 2)],
            configuration: Self.config([]))
        let x = r.rows.first { $0.key.indicator == "x" }!
        #expect(x.delta == -20)
        #expect(x.relativeDelta == -0.25)  // −20 / |80|
        let z = r.rows.first { $0.key.indicator == "z" }!
        #expect(z.delta == 2)
        #expect(z.relativeDelta == nil)  // old 0: undefined
    }

    @Test func duplicateRowsInMemoryAreRejected() {
        #expect(throws: Diagnostic.self) {
            _ = try CheckReport.compare(
                baseline: [], current: [row("x", "1", 2020, 1), row("x", "1", 2020, 2)], configuration: Self.config([]))
        }
    }
}
