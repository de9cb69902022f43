import Testing

@testable import Check

struct CheckOutcomeTests {
    @Test func exitCodes() throws {
        let config = CheckConfiguration(baseline: "b.csv", tolerances: [])
        let warnOnly = try CheckReport.compare(baseline: [], current: [row("x", "1", 2020, 1)], configuration: config)
        let drift = try CheckReport.compare(
            baseline: [row("x", "1", 2020, 1)], current: [row("x", "1", 2020, 2)], configuration: config)
        #expect(CheckOutcome(warnOnly).exitCode == 0)  // an added row warns by default: still exit 0
        #expect(CheckOutcome(drift).exitCode == 1)
        #expect(CheckOutcome.unusable(reason: "b.csv:3: expected 8 fields, found 7").exitCode == 2)
        #expect(CheckOutcome(drift).report == drift)
        #expect(CheckOutcome.unusable(reason: "x").report == nil)
    }
}
