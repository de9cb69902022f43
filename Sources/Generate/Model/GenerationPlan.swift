import ApenCore

/// How many rows of each kind the generator writes for each municipality and year.
///
/// The targets are national totals for all 357 municipalities over ten years at scale 1
/// (`Generator.targets`: ≈ 200 k survey rows, 1 M engagement actions, 500 k journal records,
/// 50 k access requests); scale `s` multiplies them. Each municipality gets a share that grows
/// with its population (population^0.5 for the survey — small municipalities are oversampled,
/// as national surveys do — and population^0.7 for the activity logs), and each year a
/// share that rises 2 % a year around 2019.5 (so ten years 2015–2024 sum to the target).
/// Fractions are rounded stochastically (unbiased); a survey group smaller than 8 respondents
/// is either dropped or raised to 8 with the matching probability, so every surveyed group
/// has two PSUs with several respondents each.
///
/// A group's count depends only on (seed, scale, kind, municipality, year), never on which
/// other municipalities or years are generated: `--municipalities 5001` writes exactly
/// Trondheim's rows of the national dataset.
///
/// ```swift
/// let plan = try GenerationPlan(scale: 1, seed: 42)
/// plan.total(.engagement)   // ≈ 1 000 000
/// ```
package struct GenerationPlan: Sendable {
    package let scale: Double
    package let seed: UInt64
    package let municipalities: [Municipality]
    package let years: ClosedRange<Int>
    /// Extra multipliers per kind on top of `scale` (the example dataset has a larger survey
    /// and fewer engagement actions than national proportions would give); default 1.
    package let kindScale: [SourceKind: Double]

    /// Smallest surveyed group (see the type's documentation).
    package static let minimumSurveyGroup = 8

    /// - Parameters:
    ///   - municipalities: 4-digit numbers; `nil` = all 357 of 2024.
    ///   - kindScale: optional per-kind multipliers on top of `scale`.
    /// - Throws: `Diagnostic` for a scale that is not positive and finite, or an unknown municipality.
    package init(
        scale: Double, seed: UInt64, municipalities: [String]? = nil, years: ClosedRange<Int> = 2015...2024,
        kindScale: [SourceKind: Double] = [:]
    ) throws {
        guard scale.isFinite, scale > 0, kindScale.values.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw Diagnostic(SourceLocation(path: "--scale"), "scale must be a positive number, found \(scale)")
        }
        guard years.lowerBound >= 1990, years.upperBound <= 2090 else {
            throw Diagnostic(
                SourceLocation(path: "--years"),
                "years must lie within 1990–2090, found \(years.lowerBound)-\(years.upperBound)")
        }
        self.scale = scale
        self.seed = seed
        self.municipalities = try municipalities.map(Municipality.lookup) ?? Municipality.norway2024
        self.years = years
        self.kindScale = kindScale
    }

    /// Σ population^e over all 357 municipalities (the national denominator of every share).
    private static let sqrtTotal = Municipality.norway2024.reduce(0.0) { $0 + Double($1.population2024).squareRoot() }
    private static let pow07Total = Municipality.norway2024.reduce(0.0) { $0 + pow07(Double($1.population2024)) }

    /// x^0.7 without libm: exp2(0.7·log2 x) with the shared series (bit-identical everywhere).
    static func pow07(_ x: Double) -> Double { exp2Approx(0.7 * log2Approx(x)) }

    /// The expected (unrounded) number of rows for one group.
    package func expected(_ kind: SourceKind, _ m: Municipality, _ year: Int) -> Double {
        let pop = Double(m.population2024)
        let share: Double
        switch kind {
        case .survey: share = pop.squareRoot() / GenerationPlan.sqrtTotal
        case .population: return 1
        default: share = GenerationPlan.pow07(pop) / GenerationPlan.pow07Total
        }
        let trend = max(0.5, 1 + 0.02 * (Double(year) - 2019.5))
        return Double(Generator.targets[kind] ?? 0) * scale * (kindScale[kind] ?? 1) * share * trend / 10
    }

    /// The number of rows written for one group (deterministic for the plan's seed).
    package func count(_ kind: SourceKind, _ m: Municipality, _ year: Int) -> Int {
        if kind == .population { return 1 }
        let x = expected(kind, m, year)
        var rng = Xoshiro256(seed: SplitMix64.mix(seed, 0xC0DE, kind.streamKey, m.streamKey, UInt64(year)))
        if kind == .survey, x < Double(GenerationPlan.minimumSurveyGroup) {
            return rng.chance(x / Double(GenerationPlan.minimumSurveyGroup)) ? GenerationPlan.minimumSurveyGroup : 0
        }
        let whole = x.rounded(.down)
        return Int(whole) + (rng.chance(x - whole) ? 1 : 0)
    }

    /// Rows of `kind` over the whole plan (data rows, header excluded).
    package func total(_ kind: SourceKind) -> Int {
        var n = 0
        for m in municipalities { for y in years { n += count(kind, m, y) } }
        return n
    }
}
