/// Per-municipality tendencies shared by every kind for one seed, so the synthetic
/// municipalities differ consistently: a more open municipality answers faster, publishes
/// more openly and scores higher on the survey.
struct MunicipalityTraits: Sendable {
    /// Latent level of each survey scale (transparency, trust, participation), ~N(0, 0.4).
    var scales: (Double, Double, Double)
    /// Overall openness, ~N(0, 1): shifts open shares and answer times.
    var openness: Double
    /// Yearly drift of the survey latents (improving or worsening municipalities).
    var drift: Double

    init(seed: UInt64, municipality: Municipality) {
        var rng = Xoshiro256(seed: SplitMix64.mix(seed, 0x7EA1, municipality.streamKey))
        openness = rng.normal()
        let base = 0.25 * openness
        scales = (base + 0.3 * rng.normal(), base + 0.3 * rng.normal(), base + 0.3 * rng.normal())
        drift = 0.03 * rng.normal()
    }
}

/// Weighted choices as cumulative tables for `Xoshiro256.pick(cumulative:)`.
struct Choice<Value: Sendable>: Sendable {
    let values: [Value]
    let cumulative: [Double]

    init(_ pairs: [(Value, Double)]) {
        values = pairs.map(\.0)
        var c: [Double] = []
        var s = 0.0
        for p in pairs {
            s += p.1
            c.append(s)
        }
        cumulative = c
    }

    @inline(__always)
    func draw(_ rng: inout Xoshiro256) -> Value { values[rng.pick(cumulative: cumulative)] }

    @inline(__always)
    func drawIndex(_ rng: inout Xoshiro256) -> Int { rng.pick(cumulative: cumulative) }
}

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
