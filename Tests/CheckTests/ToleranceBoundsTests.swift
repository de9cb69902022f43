import Testing

@testable import Check

/// `CheckConfiguration.Tolerance.admits`: |new − old| ≤ abs, or ≤ rel·|old| (docs/check.md).
/// Values are binary-exact where a bound is hit exactly, so the boundary cases test `≤`.
struct ToleranceBoundsTests {
    typealias T = CheckConfiguration.Tolerance

    @Test(arguments: [
        // abs only: |1.125 − 1| = 0.125 (exact in binary).
        (T(abs: 0.125), 1.0, 1.125, true),
        (T(abs: 0.125), 1.0, 0.875, true),
        (T(abs: 0.12), 1.0, 1.125, false),
        // rel only: 0.01·50 = 0.5; |50.5 − 50| = 0.5 → on the bound.
        (T(rel: 0.01), 50.0, 50.5, true),
        (T(rel: 0.01), 50.0, 49.5, true),
        (T(rel: 0.01), 50.0, 50.5000001, false),
        // rel uses |old|: 0.01·|−50| = 0.5.
        (T(rel: 0.01), -50.0, -50.5, true),
        // rel of 0 is 0: any change fails unless abs allows it.
        (T(rel: 0.5), 0.0, 1e-12, false),
        (T(abs: 1e-9, rel: 0.5), 0.0, 1e-12, true),
        // Either bound suffices: 0.4 > abs 0.1 but ≤ rel 0.01·50 = 0.5.
        (T(abs: 0.1, rel: 0.01), 50.0, 50.4, true),
        // 0.0625 ≤ abs 0.1 though > rel 0.01·1 = 0.01.
        (T(abs: 0.1, rel: 0.01), 1.0, 1.0625, true),
        // Both fail: 0.5 > 0.1 and > 0.01.
        (T(abs: 0.1, rel: 0.01), 1.0, 1.5, false),
        // Exact: 0.1 + 0.2 is 0.30000000000000004, not 0.3.
        (T(), 0.3, 0.1 + 0.2, false),
        (T(), 0.3, 0.3, true),
        (T(), 0.0, -0.0, true),
        // An explicit zero bound is exact too.
        (T(abs: 0), 2.0, 2.0, true),
        (T(abs: 0), 2.0, 2.0000000000000004, false),
    ])
    func admits(tolerance: T, old: Double, new: Double, expected: Bool) {
        #expect(tolerance.admits(old: old, new: new) == expected)
    }

    @Test func summaries() {
        #expect(T().summary == "exact")
        #expect(T(abs: 1e-9).summary == "abs 1e-09")
        #expect(T(rel: 0.005).summary == "rel 0.005")
        #expect(T(abs: 0.1, rel: 0.01).summary == "abs 0.1 or rel 0.01")
    }
}
