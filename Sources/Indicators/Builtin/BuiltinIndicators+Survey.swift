import ApenCore

/// METHODS.md §2: survey.<scale>.index, .agree_share, .alpha and survey.responses.
///
/// Each municipality-year is a *domain* of its waves (one wave = one source's rows of one
/// year): the wave's design (PSUs per stratum, the finite-population correction) is counted
/// once per wave over every respondent row, scored or not, and each domain's estimate reads
/// only its own respondents plus those per-stratum facts — linear in the rows.
extension BuiltinIndicators {
    /// One survey table prepared for per-group work: columns looked up once. A final class
    /// with constant properties (so `Sendable`), so that picking a respondent's table costs one
    /// reference count rather than one per column array.
    private final class SurveyTable: Sendable {
        let lo: Double
        let hi: Double
        let missingCodes: [Double]
        /// Per scale name (in `scales` order): item columns with their reversal flag, or nil.
        let scales: [[(values: [Double], reverse: Bool)]?]
        /// Per breakdown (in `breakdownNames` order): each row's global value index (−1 missing),
        /// or nil when this table does not declare the breakdown.
        let breakdowns: [[Int32]?]

        init(
            lo: Double, hi: Double, missingCodes: [Double], scales: [[(values: [Double], reverse: Bool)]?],
            breakdowns: [[Int32]?]
        ) {
            self.breakdowns = breakdowns
            self.lo = lo
            self.hi = hi
            self.missingCodes = missingCodes
            self.scales = scales
        }
    }

    static func survey(_ inputs: [SurveyInput], wanted: Set<String>, minN: Int, jobs: Int) throws -> IndicatorOutput {
        let tables = inputs.map(\.table)
        let scaleNames = BuiltinCatalogue.scaleNames(inputs)
        var municipality: [TextColumn] = []
        var years: [[Int32]] = []
        for input in inputs {
            let t = input.table
            municipality.append(try required(t, "municipality") { $0.text("municipality") })
            years.append(GroupIndex.years(ofNumbers: try required(t, "year") { $0.numbers("year") }))
        }
        let estimates = scaleNames.contains {
            wanted.contains("survey.\($0).index") || wanted.contains("survey.\($0).agree_share")
        }
        let frame = try SurveyDesignFrame(inputs, years: years, failOnLonely: estimates)
        // METHODS §2 "Survey breakdowns": values interned across tables, sorted by bytes.
        var breakdownNames: [String] = []
        for input in inputs {
            for b in input.settings.breakdowns where !breakdownNames.contains(b) { breakdownNames.append(b) }
        }
        var breakdownValues: [[String]] = []
        var breakdownRank: [[String: Int32]] = []
        for b in breakdownNames {
            var values = Set<String>()
            for input in inputs where input.settings.breakdowns.contains(b) {
                values.formUnion(try required(input.table, b) { $0.text(b) }.dictionary)
            }
            let sorted = values.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            breakdownValues.append(sorted)
            breakdownRank.append(Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, Int32($0)) }))
        }
        var prepared: [SurveyTable] = []
        for input in inputs {
            let t = input.table
            let s = input.settings
            var scales: [[(values: [Double], reverse: Bool)]?] = []
            for name in scaleNames {
                guard let spec = s.scales.first(where: { $0.name == name }) else {
                    scales.append(nil)
                    continue
                }
                scales.append(
                    try spec.items.map { item in
                        (try required(t, item) { $0.numbers(item) }, spec.reverse.contains(item))
                    })
            }
            var breakdowns: [[Int32]?] = []
            for (bi, b) in breakdownNames.enumerated() {
                guard s.breakdowns.contains(b), let c = t.text(b) else {
                    breakdowns.append(nil)
                    continue
                }
                let global = c.dictionary.map { breakdownRank[bi][$0]! }
                breakdowns.append(c.codes.map { $0 < 0 ? -1 : global[Int($0)] })
            }
            prepared.append(
                SurveyTable(
                    lo: s.likert.lowerBound, hi: s.likert.upperBound, missingCodes: s.missingCodes, scales: scales,
                    breakdowns: breakdowns))
        }
        let index = GroupIndex(municipality: municipality, years: years)
        let path = sourcePath(tables)
        let sources = tables.map(\.source)

        let results = Parallel.map(count: index.count, jobs: jobs) {
            [prepared, frame, breakdownNames, breakdownValues] g -> GroupResult in
            var result = GroupResult()
            let members = index.members(g)
            let year = Int32(index.keys[g].year)
            if wanted.contains("survey.responses") {
                result.add(row("survey.responses", index, g, value: Double(members.count), n: members.count))
            }
            let wavePSUs = frame.wavePSUs(year: year)
            let stratum = frame.stratum(year: year)
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
                for m in members {
                    let ti = Int(index.memberTable[m])
                    let r = Int(index.memberRow[m])
                    let p = prepared[ti]
                    guard let items = p.scales[si] else { continue }
                    let k = items.count
                    var sum = 0.0
                    var answered = 0
                    for item in items {
                        let x = item.values[r]
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
                        var record = frame.record(table: ti, row: r, y: y)
                        record.agrees = agrees
                        scored.append(record)
                        for bi in scoredValues.indices { scoredValues[bi].append(p.breakdowns[bi]?[r] ?? -1) }
                    }
                    if wantAlpha, answered == k {
                        // Complete case: every item answered (none NaN or a missing code).
                        if alphaK == nil {
                            alphaK = k
                            alphaItems = Array(repeating: [], count: k)
                        }
                        if alphaK == k {
                            for (j, item) in items.enumerated() {
                                let x = item.values[r]
                                alphaItems[j].append(item.reverse ? p.lo + p.hi - x : x)
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
                            let stratum = frame.describe(stratumCode: error.stratum, year: year, sources: sources)
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
        return try merge(results, index: index, sources: tables)
    }
}
