import ApenCore

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
