import Foundation

/// The standard normal quantile Φ⁻¹ and normal deviates from uniforms — the composite index's
/// sampling-error draws (METHODS §6 "Uncertainty": a component value from Normal(value, SE²)).
///
/// Method (docs/composite.md, "Random numbers"): inversion. Φ⁻¹(p) for p ≤ 1/2 starts from
/// P. J. Acklam's rational approximation (relative error below 1.15e-9; coefficients as
/// published by Acklam, 2003) and takes one Halley step on Φ(x) − p with Φ(x) = erfc(−x/√2)/2,
/// which brings it to within a few ulps; p > 1/2 uses Φ⁻¹(p) = −Φ⁻¹(1 − p) (1 − p is exact there),
/// so the upper tail loses nothing to cancellation. Inversion maps one uniform to one deviate, so
/// a deviate is a function of its uniform and the Sobol sample matrices (columns of uniforms)
/// serve sampling error like every other factor.
///
/// ```swift
/// Normal.quantile(0.975)              // 1.959963984540054
/// var g = Xoshiro256StarStar(seed: 1)
/// let e = g.nextNormal()              // Normal.deviate(uniform: g.nextUniform())
/// ```
package enum Normal {
    private static let a = [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00,
    ]
    private static let b = [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01,
    ]
    private static let c = [
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00,
    ]
    private static let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]

    /// Φ⁻¹(p) for 0 < p < 1; −∞ at 0, +∞ at 1, NaN outside [0, 1].
    package static func quantile(_ p: Double) -> Double {
        guard p > 0 && p < 1 else { return p == 0 ? -.infinity : p == 1 ? .infinity : .nan }
        if p > 0.5 { return -lowerHalf(1 - p) }
        return lowerHalf(p)
    }

    /// Φ⁻¹(p) for 0 < p ≤ 1/2 (x ≤ 0).
    private static func lowerHalf(_ p: Double) -> Double {
        var x: Double
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            x =
                (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else {
            let q = p - 0.5
            let r = q * q
            x =
                (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        // One Halley step: e = Φ(x) − p, u = e/φ(x), x ← x − u/(1 + x·u/2).
        let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    /// A standard normal deviate from a uniform u in [0, 1): Φ⁻¹(u), with u = 0 (probability
    /// 2⁻⁵³) taken as 2⁻⁵⁴ so that the deviate is finite (−8.3).
    package static func deviate(uniform u: Double) -> Double { quantile(u == 0 ? 0x1p-54 : u) }
}

extension Xoshiro256StarStar {
    /// A standard normal deviate: ``Normal/deviate(uniform:)`` of ``nextUniform()`` (one 64-bit output).
    package mutating func nextNormal() -> Double { Normal.deviate(uniform: nextUniform()) }

    /// The published xoshiro256** jump: advances the state as 2¹²⁸ calls to ``next()`` would, so
    /// the jumped generator gives a sequence that does not overlap the original's (Blackman &
    /// Vigna, xoshiro256starstar.c, `jump`).
    package mutating func jump() {
        let polynomial: [UInt64] = [
            0x180e_c6d3_3cfd_0aba, 0xd5a6_1266_f0c9_392c, 0xa958_2618_e03f_c9aa, 0x39ab_dc45_29b1_661c,
        ]
        var s: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for word in polynomial {
            for bit in 0..<64 {
                if word & (1 << UInt64(bit)) != 0 {
                    s.0 ^= state.0
                    s.1 ^= state.1
                    s.2 ^= state.2
                    s.3 ^= state.3
                }
                _ = next()
            }
        }
        self = Xoshiro256StarStar(state: s)
    }
}
