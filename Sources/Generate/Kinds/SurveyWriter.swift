import ApenCore

/// Writes `survey.csv`: one row per respondent with the twelve Likert items q01–q12 in three
/// scales (transparency q01–q04 with q04 reverse-coded, trust q05–q08, participation q09–q12),
/// design weight, stratum and PSU (METHODS.md §2 input).
///
/// Answers are correlated within a scale: item = round(3 + municipality latent + 0.55·general
/// attitude + 0.75·scale attitude + 0.65·item noise), clamped to 1…5 (q04 written reversed,
/// 6 − x). About 3.5 % of cells are empty and 2 % hold the missing code 9. Weights lie in
/// [0.3, 3] with three decimals. A group of n respondents has 1 stratum below 40 respondents,
/// else min(4, n/40) strata; each stratum has max(2, min(12, n_h/6)) PSUs numbered 1…, so PSU
/// ids repeat across strata (nested in their stratum) and no stratum has a single PSU.
///
/// Two subgroup columns follow the items, for survey breakdowns (METHODS.md §2): `aldersgruppe`
/// (18-29, 30-49, 50-66, 67+ with shares 0.20, 0.33, 0.27, 0.20) and `kjonn` (kvinne, mann,
/// half each), drawn from a random stream of their own, so every other value is what it was
/// before they were added.
enum SurveyWriter {
    static let items = (1...12).map { $0 < 10 ? "q0\($0)" : "q\($0)" }
    static let subgroups = ["aldersgruppe", "kjonn"]
    static let columns = ["respondent_id", "municipality", "year", "stratum", "psu", "weight"] + items + subgroups
    static let ageGroups = ["18-29", "30-49", "50-66", "67+"]
    /// Cumulative shares of `ageGroups`.
    static let ageCumulative = [0.20, 0.53, 0.80, 1.0]
    static let genders = ["kvinne", "mann"]

    static func write(plan: GenerationPlan, dialect: Dialect, path: String) throws -> Int {
        let w = try RowWriter(path: path, dialect: dialect)
        w.header(columns)
        let strata = ["A", "B", "C", "D"].map { w.encode($0) }
        let stratumWeight = [0.8, 1.0, 1.3, 1.7]
        let nine = w.encode("9")
        let ages = ageGroups.map { w.encode($0) }
        let sexes = genders.map { w.encode($0) }
        for m in plan.municipalities {
            let traits = MunicipalityTraits(seed: plan.seed, municipality: m)
            let code = w.encode(m.code)
            for year in plan.years {
                let n = plan.count(.survey, m, year)
                if n == 0 { continue }
                var rng = Xoshiro256(
                    seed: SplitMix64.mix(plan.seed, SourceKind.survey.streamKey, m.streamKey, UInt64(year)))
                var subgroupRNG = Xoshiro256(
                    seed: SplitMix64.mix(plan.seed, SourceKind.survey.streamKey ^ 0x5ab6, m.streamKey, UInt64(year)))
                let drift = traits.drift * (Double(year) - 2019.5)
                let mu = [traits.scales.0 + drift, traits.scales.1 + drift, traits.scales.2 + drift]
                let nStrata = n < 40 ? 1 : min(4, n / 40)
                var psus = [Int](repeating: 0, count: nStrata)
                for h in 0..<nStrata {
                    let nh = n / nStrata + (h < n % nStrata ? 1 : 0)
                    psus[h] = max(2, min(12, nh / 6))
                }
                let idPrefix = w.encode("\(m.code)-\(year)-")
                for i in 0..<n {
                    let h = i % nStrata
                    w.id(idPrefix, i + 1, digits: 5)
                    w.raw(code)
                    w.int(year)
                    w.raw(strata[h])
                    w.int((i / nStrata) % psus[h] + 1)
                    let weight = stratumWeight[h] * (1 + 0.3 * rng.normal())
                    w.thousandths(min(3000, max(300, Int((weight * 1000).rounded()))))
                    let general = rng.normal()
                    for s in 0..<3 {
                        let attitude = mu[s] + 0.55 * general + 0.75 * rng.normal()
                        for j in 0..<4 {
                            let u = rng.uniform()
                            let x = min(5, max(1, Int((3 + attitude + 0.65 * rng.normal()).rounded())))
                            if u < 0.035 {
                                w.empty()
                            } else if u < 0.055 {
                                w.raw(nine)
                            } else {
                                w.int(s == 0 && j == 3 ? 6 - x : x)
                            }
                        }
                    }
                    let u = subgroupRNG.uniform()
                    w.raw(ages[ageCumulative.firstIndex { u < $0 } ?? ageGroups.count - 1])
                    w.raw(sexes[subgroupRNG.uniform() < 0.5 ? 0 : 1])
                    w.endRow()
                }
            }
        }
        try w.finish()
        return w.rows
    }
}
