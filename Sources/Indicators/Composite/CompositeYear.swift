import ApenCore
import Foundation

/// One year of a composite index: normalisation, aggregation, ranks, Monte-Carlo and shifts
/// (METHODS §6; formulas in docs/composite.md).
struct CompositeYear: Sendable {
    let def: CompositeDefinition
    let year: Int
    /// Municipalities with at least one component value, in UTF-8 byte order.
    let municipalities: [String]
    /// `raw[m][c]`: component c's value for municipality m.
    let raw: [[Double?]]
    /// With `scope: all` (minmax, zscore): `pooled[c]` is component c's values over every
    /// municipality-year of the run (years ascending, municipalities in byte order), from
    /// which min, max, mean and sd are taken instead of this year's values.
    var pooled: [[Double]]? = nil
    /// With `impute: previous`: `previous[m][c]` is municipality m's value of component c from the
    /// latest of the three years before this one that has it (nil otherwise).
    var previous: [[Double?]]? = nil
    /// With `sensitivity: true`: the Sobol sample matrices A and B (one row per model run).
    var sobol: (a: [[Double]], b: [[Double]])? = nil
    /// With `uncertainty.sampling_error` (and some SE in the run): `errors[m][c]`, the SE of
    /// `raw[m][c]` (nil: not drawn); `runIndex[m]`, municipality m's position among the run's
    /// `runCount` municipalities; `noise` and `sobolNoise`, the deviates of
    /// ``CompositeIndex/samplingErrorDeviates(_:municipalities:)`` and ``CompositeIndex/sobolNoise(_:municipalities:)``.
    var errors: [[Double?]]? = nil
    var runIndex: [Int] = []
    var runCount = 0
    var noise: [Double] = []
    var sobolNoise: (a: [Double], b: [Double])? = nil

    /// Mean and sample sd (n − 1) of `xs`, summed in the given order; sd 0 for one value or
    /// when all values are equal (three times 0.4 would otherwise sum to a mean 1 ulp off and
    /// give a spurious sd of about 1e-17).
    static func meanSD(_ xs: [Double]) -> (mean: Double, sd: Double) {
        if let first = xs.first, xs.allSatisfy({ $0 == first }) { return (first, 0) }
        var sum = 0.0
        for x in xs { sum += x }
        let mean = sum / Double(xs.count)
        var ss = 0.0
        for x in xs { ss += (x - mean) * (x - mean) }
        return (mean, xs.count > 1 ? (ss / Double(xs.count - 1)).squareRoot() : 0)
    }

    /// A value drawn with its sampling error: ranked municipality j's component c, value x with
    /// standard error `se`, whose deviate is at `column` of a sample's block (c·M + run index).
    /// A struct, not a tuple: an array of labelled tuples costs a generic-metadata look-up per use.
    struct ErrorCell: Sendable {
        let j: Int
        let c: Int
        let x: Double
        let se: Double
        let column: Int
    }

    /// One component's normalisation (METHODS §6 "Normalisation") with its statistics fixed:
    /// goalposts, this year's (or the pooled) min and max, or mean and sd.
    struct Scale: Sendable {
        enum Kind: Sendable {
            case goalposts(lo: Double, hi: Double)
            case minmax(min: Double, max: Double)
            case zscore(mean: Double, sd: Double)
        }
        let kind: Kind
        /// Direction −1.
        let flip: Bool

        /// The normalised score of a raw value x.
        @inline(__always) func score(_ v: Double) -> Double {
            switch kind {
            case .goalposts(let lo, let hi):
                let x = min(max(v, lo), hi)
                return flip ? 100 * (hi - x) / (hi - lo) : 100 * (x - lo) / (hi - lo)
            case .minmax(let mn, let mx):
                return mx == mn ? 50 : (flip ? 100 * (mx - v) / (mx - mn) : 100 * (v - mn) / (mx - mn))
            case .zscore(let mean, let sd):
                let z = sd > 0 ? (v - mean) / sd : 0
                return flip ? -z : z
            }
        }

        /// The score of a value that is not one of the observed values the statistics come
        /// from (imputed, or drawn with its sampling error): a minmax score clamped to [0, 100].
        @inline(__always) func outsideScore(_ v: Double) -> Double {
            if case .minmax = kind { return min(max(score(v), 0), 100) }
            return score(v)
        }
    }

    /// Normalised values (METHODS §6 "Normalisation"): `observed[m][c]` from the observed values
    /// only; `filled[m][c]` adds the imputed values (`impute: mean | previous`, METHODS §6
    /// "Missing components"), normalised with the same statistics, which come from the
    /// observed values alone. An imputed minmax score is clamped to [0, 100] (a previous
    /// year's value may lie outside this year's range). `imputed[m][c]` marks the filled cells
    /// and `imputedValues[m][c]` holds their raw values; `scales[c]` is component c's
    /// normalisation (nil when no municipality has the component).
    func normalised(
        _ normalisation: CompositeDefinition.Normalisation? = nil, impute: CompositeDefinition.Imputation? = nil
    ) -> (
        observed: [[Double?]], filled: [[Double?]], imputed: [[Bool]], warnings: [(String, RunWarning)],
        imputedValues: [[Double?]], scales: [Scale?]
    ) {
        let k = def.components.count
        var norm = raw.map { _ in [Double?](repeating: nil, count: k) }
        var filled = norm
        var imputedValues = norm
        var imputed = raw.map { _ in [Bool](repeating: false, count: k) }
        var scales = [Scale?](repeating: nil, count: k)
        var warnings: [(String, RunWarning)] = []
        for (c, comp) in def.components.enumerated() {
            let present = raw.indices.filter { raw[$0][c] != nil }
            let xs = pooled?[c] ?? present.map { raw[$0][c]! }
            let flip = comp.direction < 0
            // The value to impute for municipality m, if any (raw units).
            var fill: (Int) -> Double? = { _ in nil }
            switch impute ?? def.impute {
            case .none: break
            case .mean:
                if !present.isEmpty {
                    var sum = 0.0
                    for m in present { sum += raw[m][c]! }
                    let mean = sum / Double(present.count)
                    fill = { _ in mean }
                }
            case .previous:
                if let previous { fill = { m in previous[m][c] } }
            }
            let scale: Scale
            switch normalisation ?? def.normalisation {
            case .goalposts:
                scale = Scale(
                    kind: .goalposts(lo: comp.goalposts!.lowerBound, hi: comp.goalposts!.upperBound), flip: flip)
            case .minmax:
                guard let mn = xs.min(), let mx = xs.max() else { continue }
                scale = Scale(kind: .minmax(min: mn, max: mx), flip: flip)
            case .zscore:
                guard !xs.isEmpty else { continue }
                // Mean and sample sd (n − 1) summed in municipality order (fixed).
                let (mean, sd) = Self.meanSD(xs)
                if !(sd > 0) && pooled == nil {
                    warnings.append(
                        (
                            "component '\(comp.indicator)' has no spread in \(year) (\(xs.count) value(s)); its z-scores are 0",
                            RunWarning(
                                .componentNoSpread, source: "composite.\(def.id)", indicator: comp.indicator,
                                count: xs.count, year: year)
                        ))
                }
                scale = Scale(kind: .zscore(mean: mean, sd: sd), flip: flip)
            }
            scales[c] = scale
            for m in raw.indices {
                if let x = raw[m][c] {
                    norm[m][c] = scale.score(x)
                    filled[m][c] = norm[m][c]
                } else if let x = fill(m) {
                    filled[m][c] = scale.outsideScore(x)
                    imputed[m][c] = true
                    imputedValues[m][c] = x
                }
            }
        }
        return (norm, filled, imputed, warnings, imputedValues, scales)
    }

    /// The index of one municipality over its available components, sums in declaration order
    /// (a weight of 0 leaves its component out; METHODS §6 "Aggregation"):
    /// - arithmetic: Σ w_c·z_c / Σ w_c;
    /// - geometric: G = exp(Σ w_c·ln s'_c / Σ w_c) with s' = 1 + 0.99·z (z on 0–100, so s' on
    ///   1–100), mapped back as (G − 1)/0.99.
    @inline(__always) static func aggregate(
        _ z: [Double?], weights: ArraySlice<Double>, _ rule: CompositeDefinition.Aggregation
    ) -> Double? {
        var sw = 0.0
        var swz = 0.0
        var c = 0
        switch rule {
        case .arithmetic:
            for w in weights {
                if let v = z[c] {
                    sw += w
                    swz += w * v
                }
                c += 1
            }
            return sw > 0 ? swz / sw : nil
        case .geometric:
            for w in weights {
                if let v = z[c], w > 0 {
                    sw += w
                    swz += w * log(1 + 0.99 * v)
                }
                c += 1
            }
            return sw > 0 ? (exp(swz / sw) - 1) / 0.99 : nil
        }
    }

    func compute(draws: [Double], jobs: Int, into out: inout IndicatorOutputRows, location: SourceLocation) throws {
        let id = "composite.\(def.id)"
        let k = def.components.count
        let weights = def.components.map(\.weight)
        let (norm, filled, imputedCells, normWarnings, imputedValues, nominalScales) = normalised()
        // Built once: every sample and model run below reuses it.
        let structure = self.structure
        for (w, data) in normWarnings {
            out.warnings.append(Diagnostic(location, w, severity: .warning, warning: data))
        }

        // Eligible: available weight ≥ min_available of the total.
        let minAvailable = def.minAvailable
        var ranked: [Int] = []
        var short: [String] = []
        let pillarWeights = def.pillars.map(\.weight)
        for m in municipalities.indices {
            if structure.score(filled[m], observed: norm[m], weights: weights, pillarWeights: pillarWeights).index
                != nil
            {
                ranked.append(m)
            } else {
                short.append(municipalities[m])
            }
        }
        if !short.isEmpty {
            out.warnings.append(
                Diagnostic(
                    location,
                    "no index in \(year) for \(short.joined(separator: ", ")): available component weight below \(Self.fractionText(minAvailable)) of the total",
                    severity: .warning,
                    warning: RunWarning(
                        .weightTooLow, source: id,
                        groups: short.map { RunWarning.Group($0, year: year) }, year: year, number: minAvailable)))
        }
        guard !ranked.isEmpty else { return }
        // Eligibility on observed weight (above); the index uses observed and imputed scores.
        let observed = ranked.map { norm[$0] }
        let z = ranked.map { filled[$0] }
        let usedImputed = ranked.map { imputedCells[$0].contains(true) }
        let nominalScores = ranked.map {
            structure.score(filled[$0], observed: norm[$0], weights: weights, pillarWeights: pillarWeights)
        }
        let nominal = nominalScores.map { $0.index! }
        // Which pillars each municipality has, decided once with the declared weights (as the
        // set of ranked municipalities is): the Monte-Carlo samples only reweight.
        let pillarMasks = nominalScores.map { $0.pillars.map { $0 != nil } }
        let ranks = CompositeRanking.ranks(nominal)
        let n = ranked.count

        // Monte-Carlo ranks: samples × n, each sample's weights fixed by its position in `draws`
        // (k component weights, one per pillar, then the drawn choices of the uncertainty lists).
        let u = def.uncertainty
        let nw = k + def.pillars.count
        let width = nw + u.factorCount
        let samples = draws.count / max(width, 1)
        // Scores of the ranked municipalities under every normalisation × imputation a sample can draw.
        let normalisations = u.normalisation.isEmpty ? [def.normalisation] : u.normalisation
        let imputations = u.impute.isEmpty ? [def.impute] : u.impute
        var variants: [[[Double?]]] = []  // [normalisation * imputations.count + imputation][j]
        var variantScales: [[Scale?]] = []  // [normalisation]
        for nm in normalisations {
            for im in imputations {
                if nm == def.normalisation && im == def.impute {
                    variants.append(z)
                } else {
                    let filledVariant = normalised(nm, impute: im).filled
                    variants.append(ranked.map { filledVariant[$0] })
                }
            }
            variantScales.append(
                nm == def.normalisation
                    ? nominalScales : normalised(nm, impute: CompositeDefinition.Imputation.none).scales)
        }
        // Sampling error: the ranked municipalities' observed values that have an SE, each drawn
        // per sample as clamp(value + SE·ε) (ε from the run's deviates) and normalised with the
        // sample's normalisation and its fixed statistics (docs/composite.md).
        var errorCells: [ErrorCell] = []
        if let errors {
            for (j, m) in ranked.enumerated() {
                for c in 0..<k {
                    if let x = raw[m][c], let se = errors[m][c] {
                        errorCells.append(ErrorCell(j: j, c: c, x: x, se: se, column: c * runCount + runIndex[m]))
                    }
                }
            }
        }
        let cells = errorCells
        let goalposts = def.components.map(\.goalposts)
        let scalesByNormalisation = variantScales
        /// Scores `zs` with every cell of `cells` drawn from its deviates `eps` (`eps[base + column]`).
        @Sendable func perturbed(_ zs: [[Double?]], normalisation ni: Int, eps: [Double], base: Int) -> [[Double?]] {
            guard !cells.isEmpty else { return zs }
            var out = zs
            let scales = scalesByNormalisation[ni]
            for cell in cells {
                var v = cell.x + cell.se * eps[base + cell.column]
                if let g = goalposts[cell.c] { v = min(max(v, g.lowerBound), g.upperBound) }
                out[cell.j][cell.c] = scales[cell.c]!.outsideScore(v)
            }
            return out
        }
        let noise = self.noise
        let noiseWidth = k * runCount
        let aggregations = u.aggregation.isEmpty ? [def.aggregation] : u.aggregation
        let scoreVariants = variants
        let allWeights = weights + pillarWeights
        /// The ranks of one Sobol model run from a row of uniforms (weights, then list choices) and,
        /// with sampling error, its row of deviates (`eps[base...]`).
        let sobolRun: @Sendable ([Double], [Double], Int) -> [Int] = { row, eps, base in
            var w = [Double](repeating: 0, count: nw)
            for i in 0..<nw {
                let lo = (1 - def.delta) * allWeights[i]
                let hi = (1 + def.delta) * allWeights[i]
                w[i] = lo + (hi - lo) * row[i]
            }
            var col = nw
            func pick(_ count: Int) -> Int {
                guard count > 0 else { return 0 }
                defer { col += 1 }
                return min(count - 1, Int(row[col] * Double(count)))
            }
            let ni = pick(u.normalisation.count)
            let rule = aggregations[pick(u.aggregation.count)]
            let ii = pick(u.impute.count)
            let zs = perturbed(scoreVariants[ni * imputations.count + ii], normalisation: ni, eps: eps, base: base)
            return CompositeRanking.ranks(
                (0..<n).map {
                    structure.sampled(
                        zs[$0], pillarMask: pillarMasks[$0], weights: w[0..<k], pillarWeights: w[k..<nw], rule: rule)
                })
        }
        var summaries: [(low: Double, median: Double, high: Double)?] = Array(repeating: nil, count: n)
        if samples > 0 {
            let chunk = 64
            let chunkCount = (samples + chunk - 1) / chunk
            let perChunk = Parallel.map(count: chunkCount, jobs: jobs) { ci in
                var block: [Int] = []
                block.reserveCapacity(chunk * n)
                for s in (ci * chunk)..<min(samples, (ci + 1) * chunk) {
                    let w = draws[(s * width)..<(s * width + k)]
                    let pw = draws[(s * width + k)..<(s * width + nw)]
                    var slot = s * width + nw
                    func choice(_ declared: Bool) -> Int {
                        guard declared else { return 0 }
                        defer { slot += 1 }
                        return Int(draws[slot])
                    }
                    let ni = choice(!u.normalisation.isEmpty)
                    let rule = aggregations[choice(!u.aggregation.isEmpty)]
                    let ii = choice(!u.impute.isEmpty)
                    let zs = perturbed(
                        scoreVariants[ni * imputations.count + ii], normalisation: ni, eps: noise, base: s * noiseWidth)
                    block += CompositeRanking.ranks(
                        (0..<n).map {
                            structure.sampled(
                                zs[$0], pillarMask: pillarMasks[$0], weights: w, pillarWeights: pw, rule: rule)
                        })
                }
                return block
            }
            let all = perChunk.flatMap { $0 }  // sample-major: all[s * n + m]
            for m in 0..<n {
                let sampled = (0..<samples).map { Double(all[$0 * n + m]) }.sorted()
                // A 95 % interval (2.5th–97.5th type-7 percentiles) and the median sampled rank.
                summaries[m] = (
                    Quantile.type7(sorted: sampled, p: 0.025)!, Quantile.type7(sorted: sampled, p: 0.5)!,
                    Quantile.type7(sorted: sampled, p: 0.975)!
                )
            }
        }

        for (j, m) in ranked.enumerated() {
            let name = municipalities[m]
            let flags: IndicatorFlags = usedImputed[j] ? [.imputed] : []
            out.rows.append(
                IndicatorRow(indicator: id, municipality: name, year: year, value: nominal[j], n: n, flags: flags))
            out.rows.append(
                IndicatorRow(
                    indicator: id + ".rank", municipality: name, year: year, value: Double(ranks[j]), n: n,
                    ciLow: summaries[j]?.low, ciHigh: summaries[j]?.high, flags: flags))
            if let median = summaries[j]?.median {
                out.rows.append(
                    IndicatorRow(
                        indicator: id + ".rank_median", municipality: name, year: year, value: median, n: n,
                        flags: flags))
            }
            for (p, pillar) in def.pillars.enumerated() {
                guard let score = nominalScores[j].pillars[p] else { continue }
                let imputedHere = structure.members[p].contains { imputedCells[m][$0] }
                out.rows.append(
                    IndicatorRow(
                        indicator: "\(id).\(pillar.id)", municipality: name, year: year, value: score, n: n,
                        flags: imputedHere ? [.imputed] : []))
            }
            // The values imputed for the index (raw units), one row per component (breakdown).
            for (c, comp) in def.components.enumerated() {
                guard let v = imputedValues[m][c] else { continue }
                out.rows.append(
                    IndicatorRow(
                        indicator: id + ".imputed", municipality: name, year: year, breakdown: comp.indicator,
                        value: v, n: n, flags: [.imputed]))
            }
        }

        coherence(observed: observed, index: nominal, n: n, into: &out, location: location)
        if let sobol { try sensitivity(sobol, noise: sobolNoise, run: sobolRun, n: n, jobs: jobs, into: &out) }

        // Leave-one-out: each municipality's |rank without component c − nominal rank|, ranked among
        // the nominally ranked municipalities that still have min_available of the remaining weight.
        guard k >= 2 else { return }
        for (c, comp) in def.components.enumerated() {
            var rest = weights
            rest[c] = 0
            var kept: [Int] = []
            var values: [Double] = []
            for j in 0..<n {
                if let v = structure.score(z[j], observed: observed[j], weights: rest, pillarWeights: pillarWeights)
                    .index
                {
                    kept.append(j)
                    values.append(v)
                }
            }
            guard !kept.isEmpty else { continue }
            let without = CompositeRanking.ranks(values)
            let shiftID = "\(id).shift.\(comp.indicator)"
            var sum = 0
            for (t, j) in kept.enumerated() {
                let shift = abs(without[t] - ranks[j])
                sum += shift
                out.rows.append(
                    IndicatorRow(
                        indicator: shiftID, municipality: municipalities[ranked[j]], year: year, value: Double(shift),
                        n: kept.count))
            }
            // The year's mean over the municipalities ranked without c: the row with an empty municipality.
            out.rows.append(
                IndicatorRow(
                    indicator: shiftID, municipality: "", year: year, value: Double(sum) / Double(kept.count),
                    n: kept.count))
        }
    }

    /// Sobol indices of every ranked municipality's rank per factor (Saltelli 2010 first order,
    /// Jansen 1999 total order, ``Sobol/indices(fA:fB:fAB:)``), averaged over municipalities
    /// weighted by their rank variance (over the runs on A and B, divisor 2N); rows
    /// `sobol_first.<factor>` and `sobol_total.<factor>` with an empty municipality and n = the
    /// municipalities whose rank varies. Runs are computed in chunks on `jobs` workers and
    /// combined in row order, so the result does not depend on `jobs`.
    func sensitivity(
        _ m: (a: [[Double]], b: [[Double]]), noise: (a: [Double], b: [Double])?,
        run: @escaping @Sendable ([Double], [Double], Int) -> [Int], n: Int, jobs: Int,
        into out: inout IndicatorOutputRows
    ) throws {
        let factors = CompositeIndex.sobolFactors(def)
        let N = m.a.count
        let noiseWidth = def.components.count * runCount
        // Run i: block i / N (A, B, then A_B of each factor), row i % N. A_B of `sampling_error`
        // takes B's block of deviates, every other run its own matrix's (A's for A_B).
        let totalRuns = (2 + factors.count) * N
        let chunk = 64
        let perChunk = Parallel.map(count: (totalRuns + chunk - 1) / chunk, jobs: jobs) { ci in
            (ci * chunk..<min(totalRuns, (ci + 1) * chunk)).map { i -> [Int] in
                let block = i / N
                let r = i % N
                let fromB: Bool
                var row: [Double]
                switch block {
                case 0:
                    row = m.a[r]
                    fromB = false
                case 1:
                    row = m.b[r]
                    fromB = true
                default:
                    let f = factors[block - 2]
                    row = m.a[r]
                    for c in f.columns { row[c] = m.b[r][c] }
                    fromB = f.name == "sampling_error"
                }
                return run(row, (fromB ? noise?.b : noise?.a) ?? [], r * noiseWidth)
            }
        }
        let ranks = perChunk.flatMap { $0 }  // ranks[run][municipality]
        var weightSum = 0.0
        var first = [Double](repeating: 0, count: factors.count)
        var total = [Double](repeating: 0, count: factors.count)
        var varying = 0
        for j in 0..<n {
            let series = { (start: Int) in (start..<(start + N)).map { Double(ranks[$0][j]) } }
            let fA = series(0)
            let fB = series(N)
            let fAB = factors.indices.map { series((2 + $0) * N) }
            guard let s = Sobol.indices(fA: fA, fB: fB, fAB: fAB) else { continue }
            var sum = 0.0
            for y in fA + fB { sum += y }
            let mean = sum / Double(2 * N)
            var ss = 0.0
            for y in fA + fB { ss += (y - mean) * (y - mean) }
            let weight = ss / Double(2 * N)
            varying += 1
            weightSum += weight
            for f in factors.indices {
                first[f] += weight * s.first[f]
                total[f] += weight * s.total[f]
            }
        }
        guard weightSum > 0 else { return }
        let id = "composite.\(def.id)"
        for (f, factor) in factors.enumerated() {
            out.rows.append(
                IndicatorRow(
                    indicator: "\(id).sobol_first.\(factor.name)", municipality: "", year: year,
                    value: first[f] / weightSum, n: varying))
            out.rows.append(
                IndicatorRow(
                    indicator: "\(id).sobol_total.\(factor.name)", municipality: "", year: year,
                    value: total[f] / weightSum, n: varying))
        }
    }

    /// Coherence (METHODS §6, as COINr's `get_corr` and `get_cronbach`), rows with an empty
    /// municipality: `corr.<component>`, the Pearson correlation of the component's observed
    /// normalised scores with the index over the ranked municipalities that have it (n = pairs;
    /// no row below 3 pairs or without spread), a warning when it is negative; and `alpha`,
    /// Cronbach's α of the normalised components over the ranked municipalities that have all
    /// of them (n = complete cases; k ≥ 2).
    func coherence(
        observed: [[Double?]], index: [Double], n: Int, into out: inout IndicatorOutputRows,
        location: SourceLocation
    ) {
        let id = "composite.\(def.id)"
        for (c, comp) in def.components.enumerated() {
            let pairs = (0..<n).compactMap { j in observed[j][c].map { ($0, index[j]) } }
            guard pairs.count >= 3, let r = Self.pearson(pairs) else { continue }
            out.rows.append(
                IndicatorRow(
                    indicator: "\(id).corr.\(comp.indicator)", municipality: "", year: year, value: r, n: pairs.count))
            if r < 0 {
                out.warnings.append(
                    Diagnostic(
                        location,
                        "component '\(comp.indicator)' is negatively correlated with the index in \(year) (r = \(NumberText.shortest(r))); check its direction",
                        severity: .warning,
                        warning: RunWarning(
                            .negativeCorrelation, source: id, indicator: comp.indicator, year: year,
                            number: r)))
            }
        }
        // Each component with every other (METHODS §6, as COINr's get_corr): rows `corr.<a>` with
        // breakdown `<b>`, over the ranked municipalities that have both (n = pairs; no row below 3
        // pairs or without spread).
        for (a, compA) in def.components.enumerated() {
            for (b, compB) in def.components.enumerated() where b != a {
                let pairs = (0..<n).compactMap { j in observed[j][a].flatMap { x in observed[j][b].map { (x, $0) } } }
                guard pairs.count >= 3, let r = Self.pearson(pairs) else { continue }
                out.rows.append(
                    IndicatorRow(
                        indicator: "\(id).corr.\(compA.indicator)", municipality: "", year: year,
                        breakdown: compB.indicator, value: r, n: pairs.count))
            }
        }
        if def.components.count >= 2 {
            let items = def.components.indices.map { c in (0..<n).map { observed[$0][c] ?? .nan } }
            if let (alpha, cases) = Reliability.alpha(items: items) {
                out.rows.append(
                    IndicatorRow(indicator: "\(id).alpha", municipality: "", year: year, value: alpha, n: cases))
            }
        }
    }

    /// Pearson's r of (x, y) pairs, two-pass, summed in the given order; nil without spread.
    static func pearson(_ pairs: [(Double, Double)]) -> Double? {
        let n = Double(pairs.count)
        var sx = 0.0
        var sy = 0.0
        for (x, y) in pairs {
            sx += x
            sy += y
        }
        let mx = sx / n
        let my = sy / n
        var sxx = 0.0
        var syy = 0.0
        var sxy = 0.0
        for (x, y) in pairs {
            sxx += (x - mx) * (x - mx)
            syy += (y - my) * (y - my)
            sxy += (x - mx) * (y - my)
        }
        guard sxx > 0 && syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// The two levels of the index (METHODS §6 "Aggregation").
    var structure: CompositeStructure { CompositeStructure(def: def) }

    /// Whether the observed weight (components with a value and a weight above 0) is at least
    /// `minAvailable` of the total weight, both summed in declaration order: `available ≥ f·total`,
    /// and for the default 2/3 exactly `3·available ≥ 2·total`. A weight of 0 marks a component
    /// left out (leave-one-out).
    static func hasEnoughWeight(_ z: [Double?], weights: [Double], minAvailable: Double) -> Bool {
        var total = 0.0
        var available = 0.0
        for (c, w) in weights.enumerated() {
            total += w
            if z[c] != nil { available += w }
        }
        guard total > 0 && available > 0 else { return false }
        if minAvailable == CompositeDefinition.defaultMinAvailable { return 3 * available >= 2 * total }
        return available >= minAvailable * total
    }

    /// "2/3" for the default, the shortest decimal otherwise.
    static func fractionText(_ f: Double) -> String {
        if f == CompositeDefinition.defaultMinAvailable { return "2/3" }
        let text = NumberText.shortest(f)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

/// Components, optionally grouped in pillars: each level aggregates with the same rule, its own
/// weights and its own `min_available` test (METHODS §6). Without pillars there is one level.
struct CompositeStructure: Sendable {
    let rule: CompositeDefinition.Aggregation
    let minAvailable: Double
    /// `members[p]`: the component indices of pillar p, in declaration order (empty without pillars).
    let members: [[Int]]

    init(def: CompositeDefinition) {
        rule = def.aggregation
        minAvailable = def.minAvailable
        let index = Dictionary(uniqueKeysWithValues: def.components.enumerated().map { ($1.indicator, $0) })
        members = def.pillars.map { p in p.components.compactMap { index[$0] }.sorted() }
    }

    /// The index and pillar scores with `weights` (one per component; 0 leaves a component out)
    /// and `pillarWeights`; `nil` where the observed weight is short of `min_available`.
    func score(_ z: [Double?], observed: [Double?], weights: [Double], pillarWeights: [Double])
        -> (index: Double?, pillars: [Double?])
    {
        guard !members.isEmpty else {
            let ok = CompositeYear.hasEnoughWeight(observed, weights: weights, minAvailable: minAvailable)
            return (ok ? CompositeYear.aggregate(z, weights: weights[...], rule) : nil, [])
        }
        var pillars: [Double?] = []
        for comps in members {
            var w = [Double](repeating: 0, count: weights.count)
            for c in comps { w[c] = weights[c] }
            let ok = CompositeYear.hasEnoughWeight(observed, weights: w, minAvailable: minAvailable)
            pillars.append(ok ? CompositeYear.aggregate(z, weights: w[...], rule) : nil)
        }
        let ok = CompositeYear.hasEnoughWeight(pillars, weights: pillarWeights, minAvailable: minAvailable)
        return (ok ? CompositeYear.aggregate(pillars, weights: pillarWeights[...], rule) : nil, pillars)
    }

    /// A Monte-Carlo sample's index: the pillars in `pillarMask` (decided with the declared
    /// weights) aggregated with the drawn weights, without testing `min_available` again.
    func sampled(
        _ z: [Double?], pillarMask: [Bool], weights: ArraySlice<Double>, pillarWeights: ArraySlice<Double>,
        rule: CompositeDefinition.Aggregation
    ) -> Double {
        guard !members.isEmpty else { return CompositeYear.aggregate(z, weights: weights, rule)! }
        var pillars = [Double?](repeating: nil, count: members.count)
        let base = weights.startIndex
        for (p, comps) in members.enumerated() where pillarMask[p] {
            var w = [Double](repeating: 0, count: weights.count)
            for c in comps { w[c] = weights[base + c] }
            pillars[p] = CompositeYear.aggregate(z, weights: w[...], rule)
        }
        return CompositeYear.aggregate(pillars, weights: pillarWeights, rule)!
    }
}
