import ApenCore

/// METHODS.md §2: survey.<scale>.index, .agree_share, .alpha and survey.responses.
///
/// Each municipality-year is a *domain* of its waves (one wave = one source's rows of one
/// year): the wave's design (PSUs per stratum, the finite-population correction) is counted
/// once per wave over every respondent row, scored or not, and each domain's estimate reads
/// only its own respondents plus those per-stratum facts — linear in the rows.
extension BuiltinIndicators {
    /// One survey table prepared for per-group work: columns looked up once. A final class
    /// with constant properties (so `Sendable`), so that picking a respondent's source costs one
    /// reference count rather than one per array.
    private final class SurveySource: Sendable {
        let lo: Double
        let hi: Double
        let missingCodes: [Double]
        /// The items of a record.
        let k: Int
        /// Per scale name (in `scales` order): item indices in a record with their reversal flag, or nil.
        let scales: [[(item: Int, reverse: Bool)]?]
        /// Per breakdown (in `breakdownNames` order): the source's own breakdown index and its
        /// codes' global value indices, or nil when this source does not declare the breakdown.
        let breakdowns: [(local: Int, rank: [Int32])?]
        /// Source stratum code → global stratum rank; source PSU code → global PSU rank (nil: not declared).
        let strata: [Int32]?
        let psus: [Int32]?

        init(
            lo: Double, hi: Double, missingCodes: [Double], k: Int, scales: [[(item: Int, reverse: Bool)]?],
            breakdowns: [(local: Int, rank: [Int32])?], strata: [Int32]?, psus: [Int32]?
        ) {
            self.breakdowns = breakdowns
            self.lo = lo
            self.hi = hi
            self.missingCodes = missingCodes
            self.k = k
            self.scales = scales
            self.strata = strata
            self.psus = psus
        }
    }

    static func survey(_ inputs: [SurveyInput], wanted: Set<String>, minN: Int, jobs: Int) throws -> IndicatorOutput {
        // One computation: the tables are folded into a state (items kept as `Double`) and finished.
        var partial = SurveyPartial(compact: false)
        for input in inputs {
            var one = SurveyPartial(
                source: input.table.source, kind: input.table.kind, settings: input.settings, compact: false)
            try one.fold(input.table)
            partial.merge(one, sameSource: false)
        }
        return try survey(partial, wanted: wanted, minN: minN, jobs: jobs)
    }

    /// The survey family from a partial state: exactly what `compute(.survey, …)` gives on the
    /// tables the state was folded from.
    /// - Throws: as `compute`.
    package static func survey(
        partial: SurveyPartial, select: (String) -> Bool = { _ in true }, minN: Int = 5, jobs: Int = 1
    ) throws -> IndicatorOutput {
        let wanted = Set(BuiltinCatalogue.ids(family: .survey, scales: partial.scaleNames).filter(select))
        guard !wanted.isEmpty else { return IndicatorOutput() }
        return try survey(partial, wanted: wanted, minN: minN, jobs: max(1, jobs))
    }

    static func survey(_ partial: SurveyPartial, wanted: Set<String>, minN: Int, jobs: Int) throws -> IndicatorOutput {
        let sources = partial.sources
        let names = sources.map(\.name)
        func required(_ ti: Int, _ column: String) throws {
            let s = sources[ti]
            if s.missing.contains(column) {
                throw missingColumn(column, source: s.name, kind: s.kind, columns: s.columns)
            }
        }
        let scaleNames = partial.scaleNames
        for ti in sources.indices {
            try required(ti, "municipality")
            try required(ti, "year")
        }
        let estimates = scaleNames.contains {
            wanted.contains("survey.\($0).index") || wanted.contains("survey.\($0).agree_share")
        }
        let design = try SurveyPartialDesign(partial, failOnLonely: estimates, required: required)
        // METHODS §2 "Survey breakdowns": values interned across tables, sorted by bytes.
        var breakdownNames: [String] = []
        for s in sources {
            for b in s.settings.breakdowns where !breakdownNames.contains(b) { breakdownNames.append(b) }
        }
        var breakdownValues: [[String]] = []
        var breakdownRank: [[String: Int32]] = []
        for b in breakdownNames {
            var values = Set<String>()
            for (ti, s) in sources.enumerated() {
                guard let local = s.settings.breakdowns.firstIndex(of: b) else { continue }
                try required(ti, b)
                values.formUnion(s.breakdowns[local].strings)
            }
            let sorted = values.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            breakdownValues.append(sorted)
            breakdownRank.append(Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Int32($0)) }))
        }
        var prepared: [SurveySource] = []
        for (ti, s) in sources.enumerated() {
            let st = s.settings
            var scales: [[(item: Int, reverse: Bool)]?] = []
            for name in scaleNames {
                guard let spec = st.scales.first(where: { $0.name == name }) else {
                    scales.append(nil)
                    continue
                }
                scales.append(
                    try spec.items.map { item in
                        try required(ti, item)
                        return (s.items.firstIndex(of: item)!, spec.reverse.contains(item))
                    })
            }
            // Per global breakdown: the index of the source's own, and its codes' global ranks.
            var breakdowns: [(local: Int, rank: [Int32])?] = []
            for (bi, b) in breakdownNames.enumerated() {
                guard let local = st.breakdowns.firstIndex(of: b) else {
                    breakdowns.append(nil)
                    continue
                }
                breakdowns.append((local, s.breakdowns[local].strings.map { breakdownRank[bi][$0]! }))
            }
            prepared.append(
                SurveySource(
                    lo: st.likert.lowerBound, hi: st.likert.upperBound, missingCodes: st.missingCodes, k: s.items.count,
                    scales: scales, breakdowns: breakdowns, strata: design.strata[ti], psus: design.psus[ti]))
        }
        let index = GroupIndex(partial.groups.keys, ungroupedRows: sources.reduce(0) { $0 + $1.ungrouped })
        let path = names.joined(separator: ",")

        let results = Parallel.map(count: index.count, jobs: jobs) {
            [prepared, design, breakdownNames, breakdownValues] g -> GroupResult in
            var result = GroupResult()
            let parts = partial.groups[index.partialKey(g)]!
            let year = Int32(index.keys[g].year)
            if wanted.contains("survey.responses") {
                let n = parts.reduce(0) { $0 + $1.count }
                result.add(row("survey.responses", index, g, value: Double(n), n: n))
            }
            let wavePSUs = design.designs.wavePSUs(year: year, tables: sources.count)
            let stratum = design.designs.stratum(year: year)
            for (si, name) in scaleNames.enumerated() {
                let ids = (
                    index: "survey.\(name).index", agree: "survey.\(name).agree_share", alpha: "survey.\(name).alpha"
                )
                let wantMean = wanted.contains(ids.index) || wanted.contains(ids.agree)
                let wantAlpha = wanted.contains(ids.alpha)
                var scored: [SurveyEstimator.DesignRecord] = []
                // Per breakdown, each scored record's value (−1 missing), parallel to `scored`.
                var scoredValues: [[Int32]] = Array(repeating: [], count: breakdownNames.count)
                var agreeing = 0
                var alphaItems: [[Double]] = []
                var alphaK: Int?
                for part in parts {
                    let ti = part.source
                    let p = prepared[ti]
                    guard let items = p.scales[si] else { continue }
                    let k = items.count
                    for r in 0..<part.count {
                        var sum = 0.0
                        var answered = 0
                        for item in items {
                            let x = partial.item(part, r, item.item, k: p.k)
                            // Ingest turns missing codes into NaN; a code that slipped through is still missing.
                            if x.isNaN || p.missingCodes.contains(x) { continue }
                            sum += item.reverse ? p.lo + p.hi - x : x
                            answered += 1
                        }
                        // Score needs ⌈k/2⌉ answered items (METHODS §2).
                        if wantMean, answered > 0, answered >= (k + 1) / 2 {
                            let score = sum / Double(answered)
                            let y = 100 * (score - p.lo) / (p.hi - p.lo)
                            let agrees = score > (p.lo + p.hi) / 2
                            if agrees { agreeing += 1 }
                            var record = SurveyEstimator.DesignRecord(
                                stratum: ti << 32 | (p.strata.map { Int($0[Int(part.stratum[r])]) + 1 } ?? 0),
                                psu: p.psus.map { Int($0[Int(part.psu[r])]) } ?? -1, y: y, w: part.weight[r])
                            record.agrees = agrees
                            scored.append(record)
                            for bi in scoredValues.indices {
                                var v: Int32 = -1
                                if let b = p.breakdowns[bi] {
                                    let code = part.breakdowns[b.local][r]
                                    if code >= 0 { v = b.rank[Int(code)] }
                                }
                                scoredValues[bi].append(v)
                            }
                        }
                        if wantAlpha, answered == k {
                            // Complete case: every item answered (none NaN or a missing code).
                            if alphaK == nil {
                                alphaK = k
                                alphaItems = Array(repeating: [], count: k)
                            }
                            if alphaK == k {
                                for (j, item) in items.enumerated() {
                                    let x = partial.item(part, r, item.item, k: p.k)
                                    alphaItems[j].append(item.reverse ? p.lo + p.hi - x : x)
                                }
                            }
                        }
                    }
                }
                // One sort serves both estimates: agreement is a function of the score, so the agree
                // records in the scores' canonical order are in a canonical order too.
                if breakdownNames.isEmpty {
                    scored.sort(by: SurveyEstimator.DesignRecord.canonical)
                } else {
                    // Sort the records and their breakdown values together.
                    let order = scored.indices.sorted {
                        SurveyEstimator.DesignRecord.canonical(scored[$0], scored[$1])
                    }
                    scored = order.map { scored[$0] }
                    for bi in scoredValues.indices { scoredValues[bi] = order.map { scoredValues[bi][$0] } }
                }
                // The ordinary domain, then one per (breakdown, value) among the scored respondents:
                // a subsequence of the sorted records is sorted too.
                var domains: [(breakdown: String, records: [SurveyEstimator.DesignRecord], agreeing: Int)] = [
                    ("", scored, agreeing)
                ]
                for (bi, name) in breakdownNames.enumerated() {
                    var byValue: [Int32: [SurveyEstimator.DesignRecord]] = [:]
                    for (i, v) in scoredValues[bi].enumerated() where v >= 0 {
                        byValue[v, default: []].append(scored[i])
                    }
                    for v in byValue.keys.sorted() {
                        let records = byValue[v]!
                        domains.append(
                            ("\(name)=\(breakdownValues[bi][Int(v)])", records, records.filter(\.agrees).count))
                    }
                }
                for domain in domains {
                    for isShare in [false, true] {
                        let id = isShare ? ids.agree : ids.index
                        guard wanted.contains(id) else { continue }
                        let agreeing = domain.agreeing
                        var records = domain.records
                        if isShare { for i in records.indices { records[i].y = records[i].agrees ? 1 : 0 } }
                        do throws(SurveyEstimator.SingletonStratum) {
                            guard
                                let e = try SurveyEstimator.estimate(
                                    &records, wavePSUs: wavePSUs, presorted: true, stratum: stratum)
                            else {
                                result.skip(id, .noRespondentWithScore)
                                continue
                            }
                            let interval = isShare ? SurveyEstimator.kornGraubard(e, count: agreeing) : e.interval
                            var r = row(id, index, g, value: e.mean, n: e.n, se: e.se, interval: interval)
                            r.breakdown = domain.breakdown
                            r.df = e.df
                            r.flags = .survey(n: e.n, df: e.df, minN: minN)
                            result.add(r)
                        } catch {
                            let stratum = SurveyDesignFrame.describe(
                                stratumCode: error.stratum, year: year, sources: names,
                                strataNames: design.strataNames)
                            result.error = Diagnostic(
                                SourceLocation(path: path, field: "psu"),
                                "\(id) for \(index.label(g)): \(stratum) has a single PSU; declare lonely_psu: remove or adjust"
                            )
                            return result
                        }
                    }
                }
                if wantAlpha {
                    if let k = alphaK, k < 2 {
                        result.skip(ids.alpha, .singleItemScale)
                    } else if alphaItems.first.map({ $0.count < 2 }) ?? true {
                        result.skip(ids.alpha, .fewerThanTwoCompleteCases)
                    } else if let a = Reliability.alpha(items: alphaItems) {
                        var r = row(ids.alpha, index, g, value: a.alpha, n: a.n)
                        r.flags = a.n < minN ? .lowN : []
                        result.add(r)
                    } else {
                        result.skip(ids.alpha, .zeroVariance)
                    }
                }
            }
            return result
        }
        return try merge(results, index: index, path: path)
    }
}
