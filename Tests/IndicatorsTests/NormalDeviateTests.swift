import ApenCore
import Testing

/// The normal quantile and deviates of the sampling-error draws (ApenCore/Statistics/Normal.swift)
/// and xoshiro256**'s jump, against scipy.stats.norm.ppf and an independent Python xoshiro
/// (Reference/composite_reference.py → Fixtures/composite_reference.json).
@Suite struct NormalDeviateTests {
    /// Φ⁻¹ against scipy's `norm.ppf` from the far tails to the centre: within 4e-15 relative
    /// (a few ulps; Acklam's start alone is off by up to 1.15e-9).
    @Test func quantileMatchesScipy() throws {
        let json = try #require(try CompositeReference.load()["normal_quantile"] as? [String: Any])
        let ps = try CompositeReference.doubles(json["p"])
        let xs = try CompositeReference.doubles(json["x"])
        for (p, x) in zip(ps, xs) {
            let q = Normal.quantile(p)
            #expect(abs(q - x) <= 4e-15 * max(1, abs(x)), "p = \(p): \(q) vs \(x)")
        }
    }

    /// By hand: Φ⁻¹(1/2) = 0; Φ⁻¹(0.975) = 1.959963984540054 (the familiar 1.96); symmetry
    /// Φ⁻¹(1 − p) = −Φ⁻¹(p) exactly for p = 0.2 (1 − 0.2 is exact); the ends and outside.
    @Test func quantileByHand() {
        #expect(Normal.quantile(0.5) == 0)
        #expect(abs(Normal.quantile(0.975) - 1.959963984540054) < 1e-15)
        #expect(Normal.quantile(0.8) == -Normal.quantile(1 - 0.8))
        #expect(Normal.quantile(0) == -.infinity && Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(-0.1).isNaN && Normal.quantile(1.5).isNaN)
        // u = 0 (probability 2⁻⁵³) gives Φ⁻¹(2⁻⁵⁴) ≈ −8.29, finite.
        #expect(abs(Normal.deviate(uniform: 0) - (-8.292361075813597)) < 1e-13)
    }

    /// The jump: the first outputs after jumping seed 1's generator, and the normal deviates of
    /// seed 1 (Φ⁻¹ of the uniforms of `uniform_seed1_first5`).
    @Test func jumpAndDeviatesMatchReference() throws {
        let json = try CompositeReference.load()
        var g = Xoshiro256StarStar(seed: 1)
        g.jump()
        #expect((0..<3).map { _ in g.next() } == (try CompositeReference.uint64s(json, "xoshiro_seed1_jumped_first3")))
        var h = Xoshiro256StarStar(seed: 1)
        let expected = try CompositeReference.doubles(json["normal_seed1_first5"])
        for e in expected {
            let x = h.nextNormal()
            #expect(abs(x - e) <= 4e-15 * max(1, abs(e)))
        }
    }

    /// 200 000 deviates: mean within 5 standard errors of 0 (5/√n ≈ 0.011), variance within 5
    /// standard errors of 1 (sd of s² is √(2/n) ≈ 0.0032 → 0.016), and 95 % of them within ±1.96
    /// (binomial sd √(0.95·0.05/n) ≈ 0.00049 → ± 0.0025).
    @Test func deviatesAreStandardNormal() {
        var g = Xoshiro256StarStar(seed: 2026)
        let n = 200_000
        var sum = 0.0
        var squares = 0.0
        var inside = 0
        for _ in 0..<n {
            let x = g.nextNormal()
            sum += x
            squares += x * x
            if abs(x) < 1.959963984540054 { inside += 1 }
        }
        let mean = sum / Double(n)
        let variance = squares / Double(n) - mean * mean
        #expect(abs(mean) < 5 / Double(n).squareRoot())
        #expect(abs(variance - 1) < 5 * (2 / Double(n)).squareRoot())
        #expect(abs(Double(inside) / Double(n) - 0.95) < 0.0025)
    }
}
