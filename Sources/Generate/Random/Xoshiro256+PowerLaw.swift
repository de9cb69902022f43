import ApenCore

extension Xoshiro256 {
    /// A discrete power-law value ≥ 1: tier t with probability (1−r)·rᵗ (t ≤ maxTier), then a
    /// uniform integer in [2ᵗ, 2ᵗ⁺¹). With r = 2^−α the tail falls like x^−(1+α) — a Pareto
    /// shape without libm. Used for actions per participant and publication lags.
    mutating func powerLaw(r: Double, maxTier: Int) -> Int {
        var t = 0
        while t < maxTier && chance(r) { t += 1 }
        let lo = 1 << t
        return lo + below(lo)
    }
}
