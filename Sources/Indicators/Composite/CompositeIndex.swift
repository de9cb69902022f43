import ApenCore

/// The composite openness index (METHODS §6; OECD/JRC *Handbook on Constructing Composite
/// Indicators*, 2008): normalise → weight → aggregate → rank → uncertainty and sensitivity.
///
/// For each year, per municipality: every available component is normalised (goalposts,
/// minmax or zscore, with its direction), the index is the weighted mean of the available
/// normalised components with weights rescaled over those available, and there is no value
/// when the available weight is below `min_available` (default 2/3) of the total. Municipalities with an index are
/// ranked (1 = highest, ties 1, 2, 2, 4). The Monte-Carlo rank interval and the leave-one-out
/// rank shift are defined in docs/composite.md.
///
/// Output ids: `composite.<id>` (n = municipalities with a value that year, METHODS §1),
/// `composite.<id>.rank` (ci = 2.5th/97.5th type-7 percentiles of Monte-Carlo ranks),
/// `composite.<id>.rank_median` (the median Monte-Carlo rank; none when `samples` is 0),
/// `composite.<id>.shift.<component>` (each municipality's |Δrank|, and the year's mean on the
/// row with an empty municipality).
///
/// ```swift
/// var def = CompositeDefinition(id: "openness", components: [
///     .init(indicator: "survey.transparency.index", weight: 1, direction: 1, goalposts: 0...100),
///     .init(indicator: "foi.median_workdays", weight: 1, direction: -1, goalposts: 0...10),
/// ])
/// let out = try CompositeIndex.compute(def, rows: indicatorRows, jobs: 4)
/// ```
package enum CompositeIndex {
    /// Checks a definition: at least one component, no duplicates, finite positive weights,
    /// direction ±1, goalposts with lo < hi for `goalposts`, samples ≥ 0, 0 ≤ δ < 1,
    /// 0 < min_available ≤ 1.
    /// - Returns: one message per problem (empty when valid).
    package static func problems(_ def: CompositeDefinition) -> [String] {
        var out: [String] = []
        if def.components.isEmpty { out.append("a composite needs at least one component") }
        var seen: Set<String> = []
        for c in def.components {
            if !seen.insert(c.indicator).inserted { out.append("component '\(c.indicator)' is listed twice") }
            if !(c.weight.isFinite && c.weight > 0) {
                out.append("component '\(c.indicator)': weight must be a positive number, found \(c.weight)")
            }
            if c.direction != 1 && c.direction != -1 {
                out.append("component '\(c.indicator)': direction must be 1 or -1, found \(c.direction)")
            }
            if def.normalisation == .goalposts {
                if let g = c.goalposts {
                    if !(g.lowerBound.isFinite && g.upperBound.isFinite && g.lowerBound < g.upperBound) {
                        out.append(
                            "component '\(c.indicator)': goalposts need lo < hi, found [\(g.lowerBound), \(g.upperBound)]"
                        )
                    }
                } else {
                    out.append("component '\(c.indicator)': goalposts normalisation needs goalposts [lo, hi]")
                }
            }
        }
        if def.samples < 0 { out.append("samples must be 0 or more, found \(def.samples)") }
        if !(def.delta >= 0 && def.delta < 1) { out.append("delta must be in [0, 1), found \(def.delta)") }
        if !def.pillars.isEmpty {
            let components = Set(def.components.map(\.indicator))
            var pillarOf: [String: String] = [:]
            var names: Set<String> = []
            for p in def.pillars {
                if !names.insert(p.id).inserted { out.append("pillar '\(p.id)' is declared twice") }
                if reservedPillarNames.contains(p.id) { out.append("pillar '\(p.id)': the name is reserved") }
                if !(p.weight.isFinite && p.weight > 0) {
                    out.append("pillar '\(p.id)': weight must be a positive number, found \(p.weight)")
                }
                if p.components.isEmpty { out.append("pillar '\(p.id)' has no components") }
                for c in p.components {
                    if !components.contains(c) {
                        out.append("pillar '\(p.id)': '\(c)' is not a component of the index")
                    } else if let other = pillarOf[c] {
                        out.append("pillar '\(p.id)': component '\(c)' is already in pillar '\(other)'")
                    } else {
                        pillarOf[c] = p.id
                    }
                }
            }
            for c in def.components where pillarOf[c.indicator] == nil {
                out.append("component '\(c.indicator)' is in no pillar")
            }
        }
        let u = def.uncertainty
        if (u.aggregation.contains(.geometric) || def.aggregation == .geometric)
            && (u.normalisation.contains(.zscore) || def.normalisation == .zscore)
            && !(def.aggregation == .geometric && def.normalisation == .zscore)
        {
            out.append("uncertainty: geometric aggregation cannot be drawn together with zscore normalisation")
        }
        if u.normalisation.contains(.goalposts) || def.normalisation == .goalposts {
            for c in def.components where c.goalposts == nil && def.normalisation != .goalposts {
                out.append(
                    "component '\(c.indicator)': uncertainty over goalposts normalisation needs goalposts [lo, hi]")
            }
        }
        if def.aggregation == .geometric && def.normalisation == .zscore {
            out.append("geometric aggregation needs scores on 0–100 (goalposts or minmax), not zscore")
        }
        if let w = def.winsorise {
            if !(w.skew.isFinite && w.skew > 0) { out.append("winsorise.skew must be above 0, found \(w.skew)") }
            if !w.kurtosis.isFinite { out.append("winsorise.kurtosis must be a number, found \(w.kurtosis)") }
            if w.maxPoints < 1 { out.append("winsorise.max_points must be 1 or more, found \(w.maxPoints)") }
        }
        if !(def.minAvailable > 0 && def.minAvailable <= 1) {
            out.append("min_available must be above 0 and at most 1, found \(def.minAvailable)")
        }
        return out
    }

    /// The Monte-Carlo draws, sample-major: per sample every component weight (declaration
    /// order), then every pillar weight, each uniform in [(1−δ)w, (1+δ)w] as lo + (hi − lo)·u,
    /// then for each declared `uncertainty` list (normalisation, aggregation, imputation) the
    /// chosen entry's position ⌊u·count⌋; u from ``Xoshiro256StarStar/nextUniform()`` seeded by `seed`.
    package static func monteCarloWeights(_ def: CompositeDefinition) -> [Double] {
        var g = Xoshiro256StarStar(seed: def.seed)
        var out: [Double] = []
        let weights = def.components.map(\.weight) + def.pillars.map(\.weight)
        let u = def.uncertainty
        let choices = [u.normalisation.count, u.aggregation.count, u.impute.count].filter { $0 > 0 }
        out.reserveCapacity(max(0, def.samples) * (weights.count + choices.count))
        for _ in 0..<max(0, def.samples) {
            for w in weights {
                let lo = (1 - def.delta) * w
                let hi = (1 + def.delta) * w
                out.append(lo + (hi - lo) * g.nextUniform())
            }
            // Then one uniform choice per declared list: entry ⌊u·count⌋ (u < 1), in the order
            // normalisation, aggregation, imputation.
            for count in choices { out.append(Double(min(count - 1, Int(g.nextUniform() * Double(count))))) }
        }
        return out
    }

    /// The sampling-error deviates (METHODS §6 "Uncertainty", `sampling_error: true`): per sample,
    /// per component in declaration order, one standard normal deviate for each of the run's
    /// `municipalities` (all years, byte order) — drawn whether or not that municipality has the
    /// value in a given year, so one sequence serves every year. They come from the seed's
    /// xoshiro256** jumped once (``Xoshiro256StarStar/jump()``, 2¹²⁸ outputs ahead), a stream of
    /// their own: switching sampling error on leaves the other draws where they were, and with
    /// every SE 0 the ranks are those of a run without it, bit for bit.
    /// - Returns: `samples · components · municipalities` deviates, index `(s·k + c)·M + m`;
    ///   empty without `sampling_error`.
    package static func samplingErrorDeviates(_ def: CompositeDefinition, municipalities: Int) -> [Double] {
        guard def.uncertainty.samplingError else { return [] }
        var g = Xoshiro256StarStar(seed: def.seed)
        g.jump()
        let count = max(0, def.samples) * def.components.count * municipalities
        return (0..<count).map { _ in g.nextNormal() }
    }

    /// The uncertain factors of the sensitivity analysis, in METHODS §6 order, with the
    /// columns of the Sobol sample matrices each one takes: `weights` (every component weight,
    /// then every pillar weight, one factor), then one column per declared uncertainty list,
    /// then `sampling_error` (with `sampling_error: true`), whose columns — one deviate per
    /// component and municipality — are the separate blocks of ``sobolNoise(_:municipalities:)``
    /// (its range here is empty).
    package static func sobolFactors(_ def: CompositeDefinition) -> [(name: String, columns: Range<Int>)] {
        let nw = def.components.count + def.pillars.count
        var out: [(String, Range<Int>)] = [("weights", 0..<nw)]
        var next = nw
        let u = def.uncertainty
        for (name, declared) in [
            ("normalisation", !u.normalisation.isEmpty), ("aggregation", !u.aggregation.isEmpty),
            ("impute", !u.impute.isEmpty),
        ] where declared {
            out.append((name, next..<(next + 1)))
            next += 1
        }
        if u.samplingError { out.append(("sampling_error", next..<next)) }
        return out
    }

    /// The sampling-error block of the Sobol matrices A and B: N rows of `components ·
    /// municipalities` uniforms each, mapped to normal deviates (``Normal/deviate(uniform:)``),
    /// drawn row by row, A before B, from the seed's generator jumped once (as
    /// ``samplingErrorDeviates(_:municipalities:)``). Row r's deviate of component c and run
    /// municipality m is at `r·k·M + c·M + m`.
    static func sobolNoise(_ def: CompositeDefinition, municipalities: Int) -> (a: [Double], b: [Double]) {
        var g = Xoshiro256StarStar(seed: def.seed)
        g.jump()
        let count = def.samples * def.components.count * municipalities
        let a = (0..<count).map { _ in g.nextNormal() }
        let b = (0..<count).map { _ in g.nextNormal() }
        return (a, b)
    }

    /// The Sobol matrices A and B (N = `samples` rows of uniforms, one column per factor column),
    /// drawn by ``Sobol/sampleMatrices(rows:factors:rng:)`` from xoshiro256** seeded with `seed`
    /// (a generator of its own, so the Monte-Carlo draws do not change).
    static func sobolMatrices(_ def: CompositeDefinition) -> (a: [[Double]], b: [[Double]]) {
        var g = Xoshiro256StarStar(seed: def.seed)
        let columns = sobolFactors(def).last!.columns.upperBound
        return Sobol.sampleMatrices(rows: def.samples, factors: columns, rng: &g)
    }

    /// Output names a pillar may not take (they are other rows of the index).
    package static let reservedPillarNames: Set<String> = [
        "rank", "rank_median", "shift", "sobol_first", "sobol_total", "corr", "alpha", "treated", "imputed",
    ]

    /// Computes the index, its ranks with Monte-Carlo intervals, and the leave-one-out shifts.
    ///
    /// Only ordinary rows (empty breakdown) of the component indicators are read.
    /// - Returns: rows in METHODS §1 order and warnings (municipalities without enough
    ///   components, components with no rows, zscore with no spread).
    /// - Throws: `DiagnosticList` for an invalid definition; `Diagnostic` for two rows of the
    ///   same component, municipality and year, or a non-finite component value.
    /// - Complexity: O(years × samples × m log m) for m municipalities; samples run on `jobs` workers.
    package static func compute(_ def: CompositeDefinition, rows: [IndicatorRow], jobs: Int) throws
        -> IndicatorOutputRows
    {
        let here = SourceLocation(path: "composite '\(def.id)'")
        let issues = problems(def)
        if !issues.isEmpty { throw DiagnosticList(issues.map { Diagnostic(here, $0) }) }

        let k = def.components.count
        var componentIndex: [String: Int] = [:]
        for (i, c) in def.components.enumerated() { componentIndex[c.indicator] = i }
        // year → municipality → component values (and their SEs, for sampling error)
        var data: [Int: [String: [Double?]]] = [:]
        var errors: [Int: [String: [Double?]]] = [:]
        var anyError = false
        var seenComponent = [Bool](repeating: false, count: k)
        for r in rows where r.breakdown.isEmpty {
            guard let c = componentIndex[r.indicator] else { continue }
            guard r.value.isFinite else {
                throw Diagnostic(
                    here, "component '\(r.indicator)' has a non-finite value for \(r.municipality) \(r.year)")
            }
            var cells = data[r.year, default: [:]][r.municipality] ?? [Double?](repeating: nil, count: k)
            if cells[c] != nil {
                throw Diagnostic(here, "component '\(r.indicator)' has two rows for \(r.municipality) \(r.year)")
            }
            cells[c] = r.value
            data[r.year, default: [:]][r.municipality] = cells
            seenComponent[c] = true
            if def.uncertainty.samplingError, let se = r.se, se.isFinite, se > 0 {
                errors[r.year, default: [:]][r.municipality, default: [Double?](repeating: nil, count: k)][c] = se
                anyError = true
            }
        }
        var out = IndicatorOutputRows()
        for (c, seen) in seenComponent.enumerated() where !seen {
            out.warnings.append(
                Diagnostic(
                    here, "component '\(def.components[c].indicator)' has no rows; it counts as missing everywhere",
                    severity: .warning,
                    warning: RunWarning(
                        .componentNoRows, source: "composite.\(def.id)", indicator: def.components[c].indicator)))
        }
        // Outlier treatment, per component and year over the municipalities with a value (byte order).
        if let rule = def.winsorise {
            for year in data.keys.sorted() {
                let names = data[year]!.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                for c in 0..<k {
                    let present = names.filter { data[year]![$0]![c] != nil }
                    let xs = present.map { data[year]![$0]![c]! }
                    let (treated, changed) = CompositeTreatment.winsorise(xs, rule)
                    guard !changed.isEmpty else { continue }
                    var listed: [String] = []
                    var groups: [RunWarning.Group] = []
                    for i in changed {
                        data[year]![present[i]]![c] = treated[i]
                        listed.append(
                            "\(present[i]) \(NumberText.shortest(xs[i])) → \(NumberText.shortest(treated[i]))")
                        groups.append(RunWarning.Group(present[i], year: year, from: xs[i], to: treated[i]))
                    }
                    for i in changed {
                        out.rows.append(
                            IndicatorRow(
                                indicator: "composite.\(def.id).treated", municipality: present[i], year: year,
                                breakdown: def.components[c].indicator, value: treated[i], n: present.count))
                    }
                    out.warnings.append(
                        Diagnostic(
                            here,
                            "component '\(def.components[c].indicator)' winsorised in \(year) (|skew| > \(NumberText.shortest(rule.skew)), kurtosis > \(NumberText.shortest(rule.kurtosis))): \(listed.joined(separator: ", "))",
                            severity: .warning,
                            warning: RunWarning(
                                .componentWinsorised, source: "composite.\(def.id)",
                                indicator: def.components[c].indicator,
                                groups: groups, year: year)))
                }
            }
        }
        // scope: all — every component's values over the run's municipality-years, in a fixed order.
        var pooled: [[Double]]?
        if def.scope == .all && def.normalisation != .goalposts {
            var lists = [[Double]](repeating: [], count: k)
            for year in data.keys.sorted() {
                let byMunicipality = data[year]!
                for m in byMunicipality.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                    for (c, v) in byMunicipality[m]!.enumerated() { if let v { lists[c].append(v) } }
                }
            }
            if def.normalisation == .zscore {
                for (c, xs) in lists.enumerated() where !xs.isEmpty && !(CompositeYear.meanSD(xs).sd > 0) {
                    out.warnings.append(
                        Diagnostic(
                            here,
                            "component '\(def.components[c].indicator)' has no spread over all years (\(xs.count) value(s)); its z-scores are 0",
                            severity: .warning,
                            warning: RunWarning(
                                .componentNoSpread, source: "composite.\(def.id)",
                                indicator: def.components[c].indicator,
                                count: xs.count)))
                }
            }
            pooled = lists
        }
        if def.uncertainty.samplingError && !anyError && def.samples > 0 {
            out.warnings.append(
                Diagnostic(
                    here,
                    "uncertainty.sampling_error: no component value has a standard error (se); sampling error changes nothing",
                    severity: .warning))
        }
        // The run's municipalities (all years, byte order): the columns of the sampling-error draws.
        let runMunicipalities = Set(data.values.flatMap(\.keys)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let runIndex = Dictionary(uniqueKeysWithValues: runMunicipalities.enumerated().map { ($1, $0) })
        let draws = monteCarloWeights(def)
        let sobol = def.sensitivity && def.samples > 0 ? sobolMatrices(def) : nil
        let useNoise = def.uncertainty.samplingError && anyError
        let noise = useNoise ? samplingErrorDeviates(def, municipalities: runMunicipalities.count) : []
        let sobolNoise =
            useNoise && sobol != nil ? sobolNoise(def, municipalities: runMunicipalities.count) : nil
        for year in data.keys.sorted() {
            let byMunicipality = data[year]!
            let municipalities = byMunicipality.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let raw = municipalities.map { byMunicipality[$0]! }
            var composite = CompositeYear(def: def, year: year, municipalities: municipalities, raw: raw)
            composite.pooled = pooled
            if def.impute == .previous {
                // The latest of the three earlier years that has the value (METHODS §6).
                composite.previous = municipalities.map { m in
                    (0..<k).map { c in
                        for back in 1...3 {
                            if let v = data[year - back]?[m]?[c] { return v }
                        }
                        return nil
                    }
                }
            }
            composite.sobol = sobol
            if useNoise {
                let se = errors[year] ?? [:]
                composite.errors = municipalities.map { se[$0] ?? [Double?](repeating: nil, count: k) }
                composite.runIndex = municipalities.map { runIndex[$0]! }
                composite.runCount = runMunicipalities.count
                composite.noise = noise
                composite.sobolNoise = sobolNoise
            }
            try composite.compute(draws: draws, jobs: jobs, into: &out, location: here)
        }
        out.rows.sort(by: IndicatorRow.canonicalOrder)
        return out
    }
}
