import ApenCore

/// METHODS.md §2: survey.<scale>.index, .agree_share, .alpha and survey.responses.
extension BuiltinIndicators {
    /// One survey table prepared for per-group work: columns looked up once. A final class
    /// with constant properties (so `Sendable`), so that picking a respondent's table costs one
    /// reference count rather than one per column array.
    private final class SurveyTable: Sendable {
        let weights: [Double]?
        let strata: [Int32]?
        let psu: [Int32]?
        let lo: Double
        let hi: Double
        let missingCodes: [Double]
        /// Per scale name (in `scales` order): item columns with their reversal flag, or nil.
        let scales: [[(values: [Double], reverse: Bool)]?]

        init(
            weights: [Double]?, strata: [Int32]?, psu: [Int32]?, lo: Double, hi: Double,
            missingCodes: [Double], scales: [[(values: [Double], reverse: Bool)]?]
        ) {
            self.weights = weights
            self.strata = strata
            self.psu = psu
            self.lo = lo
            self.hi = hi
            self.missingCodes = missingCodes
            self.scales = scales
        }
    }

    static func survey(_ inputs: [SurveyInput], wanted: Set<String>, jobs: Int) throws -> IndicatorOutput {
        let tables = inputs.map(\.table)
        let scaleNames = BuiltinCatalogue.scaleNames(inputs)
        var municipality: [TextColumn] = []
        var years: [[Int32]] = []
        var strataColumns: [TextColumn?] = []
        var psuColumns: [TextColumn?] = []
        for input in inputs {
            let t = input.table
            municipality.append(try required(t, "municipality") { $0.text("municipality") })
            years.append(GroupIndex.years(ofNumbers: try required(t, "year") { $0.numbers("year") }))
            strataColumns.append(input.settings.hasStrata ? try required(t, "stratum") { $0.text("stratum") } : nil)
            psuColumns.append(input.settings.hasPSU ? try required(t, "psu") { $0.text("psu") } : nil)
        }
        let strataRank = TextRank(strataColumns)
        let psuRank = TextRank(psuColumns)
        var prepared: [SurveyTable] = []
        for (ti, input) in inputs.enumerated() {
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
            let strata = strataColumns[ti].map { c in c.codes.map { strataRank.rank(table: ti, code: $0) } }
            let psu = psuColumns[ti].map { c in c.codes.map { psuRank.rank(table: ti, code: $0) } }
            prepared.append(
                SurveyTable(
                    weights: t.numbers("weight"), strata: strata, psu: psu,
                    lo: s.likert.lowerBound, hi: s.likert.upperBound, missingCodes: s.missingCodes, scales: scales))
        }
        let lonely = inputs.map(\.settings.lonelyPSU)
        let index = GroupIndex(municipality: municipality, years: years)
        let path = sourcePath(tables)

        let results = Parallel.map(count: index.count, jobs: jobs) { [prepared] g -> GroupResult in
            var result = GroupResult()
            let members = index.members(g)
            if wanted.contains("survey.responses") {
                result.add(row("survey.responses", index, g, value: Double(members.count), n: members.count))
            }
            for (si, name) in scaleNames.enumerated() {
                let ids = (
                    index: "survey.\(name).index", agree: "survey.\(name).agree_share", alpha: "survey.\(name).alpha"
                )
                let wantMean = wanted.contains(ids.index) || wanted.contains(ids.agree)
                let wantAlpha = wanted.contains(ids.alpha)
                var scored: [SurveyEstimator.DesignRecord] = []
                var agree: [SurveyEstimator.DesignRecord] = []
                var alphaItems: [[Double]] = []
                var alphaK: Int?
                // The lonely-PSU rule of the group: the strictest declared by its tables.
                var rule = LonelyPSU.remove
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
                        let w = p.weights?[r] ?? 1
                        let stratum = p.strata.map { Int($0[r]) } ?? -1
                        let psu = p.psu.map { Int($0[r]) } ?? -1
                        scored.append(.init(stratum: stratum, psu: psu, y: y, w: w))
                        agree.append(.init(stratum: stratum, psu: psu, y: score > (p.lo + p.hi) / 2 ? 1 : 0, w: w))
                        rule = stricter(rule, lonely[ti])
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
                for (id, records) in [(ids.index, scored), (ids.agree, agree)] where wanted.contains(id) {
                    var records = records
                    do throws(SurveyEstimator.SingletonStratum) {
                        guard let e = try SurveyEstimator.estimate(&records, lonely: rule) else {
                            result.skip(id, "no respondent with a score")
                            continue
                        }
                        result.add(row(id, index, g, value: e.mean, n: e.n, se: e.se, interval: e.interval))
                    } catch {
                        let stratum =
                            error.stratum < 0
                            ? "the whole sample (no strata declared)" : "stratum '\(strataRank.names[error.stratum])'"
                        result.error = Diagnostic(
                            SourceLocation(path: path, field: "psu"),
                            "\(id) for \(index.label(g)): \(stratum) has a single PSU; declare lonely_psu: remove or adjust"
                        )
                        return result
                    }
                }
                if wantAlpha {
                    if let k = alphaK, k < 2 {
                        result.skip(ids.alpha, "a scale of one item")
                    } else if alphaItems.first.map({ $0.count < 2 }) ?? true {
                        result.skip(ids.alpha, "fewer than 2 complete cases")
                    } else if let a = Reliability.alpha(items: alphaItems) {
                        result.add(row(ids.alpha, index, g, value: a.alpha, n: a.n))
                    } else {
                        result.skip(ids.alpha, "zero variance of the total score")
                    }
                }
            }
            return result
        }
        return try merge(results, index: index, sources: tables)
    }

    /// `fail` beats `adjust` beats `remove`: pooling tables never loosens a declared rule.
    private static func stricter(_ a: LonelyPSU, _ b: LonelyPSU) -> LonelyPSU {
        func level(_ x: LonelyPSU) -> Int { x == .fail ? 2 : x == .adjust ? 1 : 0 }
        return level(a) >= level(b) ? a : b
    }
}
