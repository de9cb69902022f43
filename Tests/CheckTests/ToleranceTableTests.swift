import Testing

@testable import Check

struct ToleranceTableTests {
    typealias T = CheckConfiguration.Tolerance

    // Literal characters (Glob.specificity): "survey.*" 7, "survey.transparency.*" 20, "*.index" 6,
    // "foi.*" 4, "*_share" 6.
    static let rules: [(pattern: String, tolerance: T)] = [
        ("default", T(abs: 1e-9)),
        ("survey.*", T(rel: 0.005)),
        ("survey.transparency.*", T(rel: 0.01)),
        ("survey.transparency.index", T(abs: 0.5)),
        ("*.index", T(abs: 2)),
        ("foi.*", T(abs: 0.1)),
        ("*_share", T(abs: 0.2)),
    ]

    @Test(arguments: [
        // An exact id beats every glob, even more specific-looking ones written later.
        ("survey.transparency.index", "survey.transparency.index"),
        // 20 literal characters beat 7.
        ("survey.transparency.alpha", "survey.transparency.*"),
        // "survey.*" (7) beats "*.index" (6).
        ("survey.trust.index", "survey.*"),
        ("engagement.index", "*.index"),
        // "*_share" (6) beats "foi.*" (4).
        ("foi.granted_share", "*_share"),
        ("foi.median_workdays", "foi.*"),
        // Nothing matches: the default.
        ("publications.median_lag", "default"),
    ])
    func mostSpecificRuleWins(indicator: String, rule: String) {
        #expect(ToleranceTable(Self.rules).resolve(indicator).rule == rule)
    }

    @Test func theDefaultIsUsedOnlyWhenNothingElseMatchesWhereverItIsWritten() {
        let table = ToleranceTable([("survey.*", T(rel: 0.1)), ("default", T(abs: 3))])
        #expect(table.resolve("survey.x.index") == ResolvedTolerance(tolerance: T(rel: 0.1), rule: "survey.*"))
        #expect(table.resolve("foi.x") == ResolvedTolerance(tolerance: T(abs: 3), rule: "default"))
    }

    @Test func withoutADefaultAnUnmatchedIndicatorMustBeExact() {
        let r = ToleranceTable([("survey.*", T(rel: 0.1))]).resolve("foi.x")
        #expect(r.rule == nil)
        #expect(r.tolerance.isExact)
        #expect(ToleranceTable([]).resolve("anything").tolerance == .exact)
    }

    // "a.*" and "*.b" both have 2 literal characters: the later rule wins the tie.
    @Test func tiesGoToTheLaterRule() {
        let ab = ToleranceTable([("a.*", T(abs: 1)), ("*.b", T(abs: 2))])
        let ba = ToleranceTable([("*.b", T(abs: 2)), ("a.*", T(abs: 1))])
        #expect(ab.resolve("a.b").rule == "*.b")
        #expect(ba.resolve("a.b").rule == "a.*")
    }

    // "?" is a wildcard matching exactly one character: "a.?" is a glob, so the exact id "a.b" beats it.
    @Test func questionMarkIsAGlobNotAnExactId() {
        let t = ToleranceTable([("a.b", T(abs: 1)), ("a.?", T(abs: 2)), ("a.??", T(abs: 3))])
        #expect(t.resolve("a.b").rule == "a.b")
        #expect(t.resolve("a.c").rule == "a.?")
        #expect(t.resolve("a.cd").rule == "a.??")
    }
}
