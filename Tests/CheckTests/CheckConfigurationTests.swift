import Testing

@testable import Check

struct CheckConfigurationTests {
    @Test func defaultsAreMissingFailAddedWarnNChangedWarn() {
        let c = CheckConfiguration(baseline: "b.csv", tolerances: [])
        #expect(c.missing == .fail)
        #expect(c.added == .warn)
        #expect(c.changedN == .warn)
    }

    @Test func equalityAndHashSeeEveryField() {
        let base = CheckConfiguration(baseline: "b.csv", tolerances: [("survey.*", .init(rel: 0.01))])
        var n = base
        n.changedN = .fail
        var m = base
        m.missing = .warn
        var t = base
        t.tolerances = [("survey.*", .init(rel: 0.02))]
        for other in [n, m, t] { #expect(other != base) }
        #expect(Set([base, n, m, t]).count == 4)
        #expect(base == CheckConfiguration(baseline: "b.csv", tolerances: [("survey.*", .init(rel: 0.01))]))
    }
}
