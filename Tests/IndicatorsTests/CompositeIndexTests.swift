import ApenCore
import Testing

@testable import Indicators

/// The composite index (Composite/CompositeIndex.swift, METHODS §6), computed by hand.
@Suite struct CompositeIndexTests {
    typealias Component = CompositeDefinition.Component

    /// A share (goalposts [0, 1], weight 1), an index ([0, 100], weight 2) and answer days
    /// ([0, 10], lower is better, weight 1).
    static let components = [
        Component(indicator: "a.share", weight: 1, direction: 1, goalposts: 0...1),
        Component(indicator: "b.index", weight: 2, direction: 1, goalposts: 0...100),
        Component(indicator: "c.days", weight: 1, direction: -1, goalposts: 0...10),
    ]

    /// 2020 values; 1103 has only the share (weight 1 of 4 < 2/3 → no index).
    static let values: [(String, Double?, Double?, Double?)] = [
        ("0301", 0.8, 60, 2),
        ("5001", 0.5, 90, 12),
        ("5006", 1.2, 40, nil),
        ("1103", 0.9, nil, nil),
    ]

    static func rows(_ values: [(String, Double?, Double?, Double?)], year: Int = 2020) -> [IndicatorRow] {
        var out: [IndicatorRow] = []
        for (m, a, b, c) in values {
            for (id, v) in [("a.share", a), ("b.index", b), ("c.days", c)] {
                if let v { out.append(IndicatorRow(indicator: id, municipality: m, year: year, value: v, n: 10)) }
            }
        }
        // Breakdown rows of a component are not read.
        out.append(
            IndicatorRow(indicator: "a.share", municipality: "0301", year: year, breakdown: "web", value: 0, n: 1))
        return out
    }

    static func definition(_ normalisation: CompositeDefinition.Normalisation = .goalposts, samples: Int = 0)
        -> CompositeDefinition
    {
        var d = CompositeDefinition(id: "open", components: components)
        d.normalisation = normalisation
        d.samples = samples
        return d
    }

    static func values(_ out: IndicatorOutputRows, _ id: String) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: out.rows.filter { $0.indicator == id }.map { ($0.municipality, $0.value) })
    }

    @Test func goalpostsByHand() throws {
        let out = try CompositeIndex.compute(Self.definition(), rows: Self.rows(Self.values), jobs: 1)
        // Normalised (goalposts, clamped):
        //   0301: a 100·0.8 = 80, b 60, c 100·(10 − 2)/10 = 80
        //   5001: a 50, b 90, c 12 → clamped to 10 → 0
        //   5006: a 1.2 → clamped to 1 → 100, b 40, c missing (available weight 3 ≥ 2/3·4)
        // Index: 0301 (80 + 2·60 + 80)/4 = 70; 5001 (50 + 180 + 0)/4 = 57.5; 5006 (100 + 80)/3 = 60.
        #expect(Self.values(out, "composite.open") == ["0301": 70, "5001": 57.5, "5006": 60])
        #expect(Self.values(out, "composite.open.rank") == ["0301": 1, "5001": 3, "5006": 2])
        // n = municipalities with a value that year (METHODS §1).
        #expect(
            out.rows.filter { ["composite.open", "composite.open.rank"].contains($0.indicator) }.allSatisfy {
                $0.n == 3
            })
        // Leave one out, the 2/3 rule applied again to the remaining weights:
        // Without a (remaining b 2, c 1): 0301 200/3, 5001 180/3 = 60, 5006 b only, 2 of 3 ≥ 2/3 → 40
        //   → ranks 1, 2, 3 vs nominal 1, 3, 2 → |Δ| 0, 1, 1, mean 2/3.
        // Without b (remaining a 1, c 1): 0301 160/2 = 80, 5001 50/2 = 25, 5006 a only, 1 of 2 < 2/3 → out
        //   → ranks 1, 2 vs nominal 1, 3 → |Δ| 0, 1, mean 1/2, n 2.
        // Without c (remaining a 1, b 2): 0301 200/3, 5001 230/3, 5006 180/3 → ranks 2, 1, 3 → |Δ| 1, 2, 1, mean 4/3.
        let shiftA: [String: Double] = ["": 2.0 / 3.0, "0301": 0, "5001": 1, "5006": 1]
        let shiftB: [String: Double] = ["": 0.5, "0301": 0, "5001": 1]
        let shiftC: [String: Double] = ["": 4.0 / 3.0, "0301": 1, "5001": 2, "5006": 1]
        #expect(Self.values(out, "composite.open.shift.a.share") == shiftA)
        #expect(Self.values(out, "composite.open.shift.b.index") == shiftB)
        #expect(Self.values(out, "composite.open.shift.c.days") == shiftC)
        #expect(
            out.rows.filter { $0.indicator.contains(".shift.") }.map(\.n) == [3, 3, 3, 3, 2, 2, 2, 3, 3, 3, 3])
        // samples 0: no median rank row.
        #expect(!out.rows.contains { $0.indicator == "composite.open.rank_median" })
        // samples 0: no Monte-Carlo interval.
        #expect(out.rows.allSatisfy { $0.ciLow == nil && $0.ciHigh == nil && $0.se == nil })
        #expect(out.rows == out.rows.canonicallySorted())
        // Coherence: b against the index (70, 57.5, 60): deviations (−10/3, 80/3, −70/3) and
        // (7.5, −5, −2.5) → Σxy = −100, Σx² = 3800/3, Σy² = 87.5 → r = −100/√(3800/3 · 87.5) < 0: a warning.
        let r = -100 / (3800.0 / 3 * 87.5).squareRoot()
        let corrB = try #require(out.rows.first { $0.indicator == "composite.open.corr.b.index" })
        #expect(abs(corrB.value - r) < 1e-12 && corrB.n == 3 && corrB.municipality == "")
        // c has two pairs (5006 lacks it): no correlation row.
        #expect(!out.rows.contains { $0.indicator == "composite.open.corr.c.days" })
        #expect(
            out.warnings.map(\.description) == [
                "composite 'open': no index in 2020 for 1103: available component weight below 2/3 of the total",
                "composite 'open': component 'b.index' is negatively correlated with the index in 2020 (r = \(NumberText.shortest(corrB.value))); check its direction",
            ])
    }

    @Test func exactlyTwoThirdsIsEnough() throws {
        // Equal weights, two of three components: available 2 = 2/3 · 3 → has a value.
        var d = CompositeDefinition(
            id: "t",
            components: Self.components.map {
                var c = $0
                c.weight = 1
                return c
            })
        d.samples = 0
        let out = try CompositeIndex.compute(
            d, rows: Self.rows([("0301", 0.5, 70, nil), ("5001", 0.2, nil, nil)]), jobs: 1)
        // 0301: (50 + 70)/2 = 60; 5001: 1 of 3 < 2/3 → none.
        #expect(Self.values(out, "composite.t") == ["0301": 60])
    }

    @Test func minAvailableIsDeclared() throws {
        // Weights a 1, b 2, c 1 (total 4). 1103 has a only: 1 of 4.
        var d = Self.definition()
        d.minAvailable = 0.25
        let out = try CompositeIndex.compute(d, rows: Self.rows(Self.values), jobs: 1)
        // 1 ≥ 0.25·4: 1103 gets an index of its share alone, 100·0.9 = 90, and ranks first.
        #expect(Self.values(out, "composite.open") == ["0301": 70, "5001": 57.5, "5006": 60, "1103": 90])
        #expect(Self.values(out, "composite.open.rank") == ["1103": 1, "0301": 2, "5001": 4, "5006": 3])
        // Without a, 1103 has nothing left: not ranked, no row. 0301 200/3, 5001 60, 5006 40 → 1, 2, 3
        // vs nominal 2, 4, 3: |Δ| 1, 2, 0, mean 1.
        #expect(Self.values(out, "composite.open.shift.a.share") == ["": 1, "0301": 1, "5001": 2, "5006": 0])
        #expect(!out.warnings.contains { $0.message.hasPrefix("no index") })

        // min_available 1: every component needed; 5006 lacks c (3 of 4) and is left out too.
        d.minAvailable = 1
        let all = try CompositeIndex.compute(d, rows: Self.rows(Self.values), jobs: 1)
        #expect(Self.values(all, "composite.open") == ["0301": 70, "5001": 57.5])
        #expect(
            all.warnings.map(\.description) == [
                "composite 'open': no index in 2020 for 1103, 5006: available component weight below 1 of the total"
            ])
    }

    @Test func geometricByHand() throws {
        let d = {
            var d = CompositeDefinition(
                id: "g",
                components: [
                    Component(indicator: "a.share", weight: 1, direction: 1, goalposts: 0...1),
                    Component(indicator: "b.index", weight: 1, direction: 1, goalposts: 0...100),
                ])
            d.aggregation = .geometric
            d.samples = 0
            return d
        }()
        let out = try CompositeIndex.compute(
            d, rows: Self.rows([("P", 1, 0, nil), ("Q", 0.5, 50, nil), ("R", 0.64, nil, nil)]), jobs: 1)
        let v = Self.values(out, "composite.g")
        // P: scores 100 and 0 → s' = 100 and 1 → G = √(100·1) = 10 → (10 − 1)/0.99 = 100/11
        //    (arithmetic would give 50: a weak component is compensated less).
        // Q: both 50 → the mean of equal scores is that score, 50.
        // R: b missing, 1 of 2 < 2/3 → no index.
        #expect(v.keys.sorted() == ["P", "Q"])
        #expect(abs(v["P"]! - 100.0 / 11.0) < 1e-12)
        #expect(abs(v["Q"]! - 50) < 1e-12)
        #expect(Self.values(out, "composite.g.rank") == ["P": 2, "Q": 1])
        // Leave one out: one input gives its own score back. Without a: P 0, Q 50; without b: P 100, Q 50.
        let withoutB = out.rows.filter { $0.indicator == "composite.g.shift.b.index" }
        #expect(withoutB.map(\.municipality) == ["", "P", "Q"])
        #expect(withoutB.map(\.value) == [1, 1, 1])
    }

    @Test func minmaxByHand() throws {
        let rows = Self.rows(Self.values) + Self.rows([("0301", 0.3, 50, 5), ("5001", 0.3, 70, 1)], year: 2021)
        let out = try CompositeIndex.compute(Self.definition(.minmax), rows: rows, jobs: 2)
        // 2020, per component over municipalities with the value (1103's share counts too):
        //   a: min 0.5, max 1.2 → 0301 100·0.3/0.7, 5001 0, 5006 100
        //   b: min 40, max 90  → 0301 100·20/50 = 40, 5001 100, 5006 0
        //   c (lower is better): min 2, max 12 → 0301 100·(12 − 2)/10 = 100, 5001 0
        let a0301 = 100 * (0.8 - 0.5) / (1.2 - 0.5)
        // 2021: a all equal → 50; b 0301 0, 5001 100; c 0301 100·(5 − 5)/4 = 0, 5001 100·(5 − 1)/4 = 100.
        let got = out.rows.filter { $0.indicator == "composite.open" }.map { "\($0.municipality)/\($0.year)" }
        #expect(got == ["0301/2020", "0301/2021", "5001/2020", "5001/2021", "5006/2020"])
        let v: [String: Double] = Dictionary(
            uniqueKeysWithValues: out.rows.filter { $0.indicator == "composite.open" }.map {
                ("\($0.municipality)/\($0.year)", $0.value)
            })
        let e0301: Double = (a0301 + 2 * 40 + 100) / 4
        let e5001: Double = (0 + 2 * 100 + 0) / 4
        let e5006: Double = (100 + 0) / 3
        let e0301b: Double = (50 + 0 + 0) / 4
        let e5001b: Double = (50 + 200 + 100) / 4
        #expect(abs(v["0301/2020"]! - e0301) < 1e-12)
        #expect(v["5001/2020"]! == e5001)
        #expect(abs(v["5006/2020"]! - e5006) < 1e-12)
        #expect(v["0301/2021"]! == e0301b)
        #expect(v["5001/2021"]! == e5001b)
        let ranks = out.rows.filter { $0.indicator == "composite.open.rank" }.map {
            "\($0.municipality)/\($0.year)=\(Int($0.value)) n\($0.n)"
        }
        #expect(ranks == ["0301/2020=1 n3", "0301/2021=2 n2", "5001/2020=2 n3", "5001/2021=1 n2", "5006/2020=3 n3"])
    }

    /// `scope: year | all` for minmax and zscore against the numpy reference (two years).
    @Test(arguments: ["minmax/year", "minmax/all", "zscore/year", "zscore/all"])
    func scopeMatchesReference(name: String) throws {
        let all = try #require(try CompositeReference.load()["scope_case"] as? [String: Any])
        let expected = try #require(all[name] as? [String: String]).mapValues { Double($0)! }
        let parts = name.split(separator: "/").map(String.init)
        var d = Self.definition(CompositeDefinition.Normalisation(rawValue: parts[0])!)
        d.scope = CompositeDefinition.Scope(rawValue: parts[1])!
        let rows =
            Self.rows([("0301", 0.8, 60, 2), ("5001", 0.5, 90, 12), ("5006", 0.9, 40, nil)], year: 2020)
            + Self.rows([("0301", 0.3, 50, 5), ("5001", 0.7, 70, 1), ("5006", 0.6, nil, 3)], year: 2021)
        let out = try CompositeIndex.compute(d, rows: rows, jobs: 2)
        let got: [String: Double] = Dictionary(
            uniqueKeysWithValues: out.rows.filter { $0.indicator == "composite.open" }.map {
                ("\($0.municipality)/\($0.year)", $0.value)
            })
        #expect(got.keys.sorted() == expected.keys.sorted())
        for (key, value) in expected { #expect(abs(got[key]! - value) < 1e-12, "\(key)") }
        if name == "minmax/all" {
            // By hand, 0301/2020 over all six municipality-years: a (0.8 − 0.3)/(0.9 − 0.3) → 250/3,
            // b (60 − 40)/(90 − 40) → 40, c (lower is better) (12 − 2)/(12 − 1) → 1000/11;
            // index (250/3 + 2·40 + 1000/11)/4.
            let byHand: Double = (250.0 / 3.0 + 80 + 1000.0 / 11.0) / 4
            #expect(abs(got["0301/2020"]! - byHand) < 1e-12)
        }
    }

    /// `impute: none | mean | previous` under goalposts and minmax against the numpy reference:
    /// index values and the `imputed` flag on the index and rank rows.
    @Test(arguments: [
        "goalposts/none", "goalposts/mean", "goalposts/previous", "minmax/none", "minmax/mean", "minmax/previous",
    ])
    func imputationMatchesReference(name: String) throws {
        let all = try #require(try CompositeReference.load()["impute_case"] as? [String: Any])
        let expected = try #require(all[name] as? [String: [Any]])
        let parts = name.split(separator: "/").map(String.init)
        var d = Self.definition(CompositeDefinition.Normalisation(rawValue: parts[0])!, samples: 20)
        d.impute = CompositeDefinition.Imputation(rawValue: parts[1])!
        let rows =
            Self.rows([("A", 0.5, 50, 1), ("B", 0.6, 70, 4)], year: 2017)
            + Self.rows([("A", 0.7, 60, nil), ("B", 0.4, 80, 6), ("C", 0.9, 30, 2)], year: 2018)
            + Self.rows(
                [("A", 0.6, 55, nil), ("B", 0.8, 65, 9), ("C", 0.3, 40, nil), ("D", nil, 90, nil)], year: 2021)
        let out = try CompositeIndex.compute(d, rows: rows, jobs: 2)
        let index = out.rows.filter { $0.indicator == "composite.open" }
        #expect(Set(index.map { "\($0.municipality)/\($0.year)" }) == Set(expected.keys))
        for r in index {
            let e = try #require(expected["\(r.municipality)/\(r.year)"])
            #expect(r.value == Double(e[0] as! String)!, "\(r.municipality)/\(r.year)")
            #expect(r.flags == ((e[1] as! Bool) ? [.imputed] : []), "\(r.municipality)/\(r.year)")
        }
        let rank = out.rows.filter { $0.indicator == "composite.open.rank" }
        #expect(rank.map(\.flags) == index.map(\.flags))
        if name == "goalposts/previous" {
            // By hand: A 2018 lacks c; 2017's 1 day → 90; (70 + 2·60 + 90)/4 = 70, flagged.
            // A 2021: 2018 has no c and 2017 is four years back → (60 + 110)/3, not flagged.
            #expect(index.first { $0.municipality == "A" && $0.year == 2018 }?.value == 70)
            #expect(index.first { $0.municipality == "A" && $0.year == 2021 }?.flags == [])
        }
        // The imputed values as rows (raw units, breakdown = component): by hand, 2018's c.days for
        // A is the mean of B and C (6 + 2)/2 = 4 under mean, 2017's 1 under previous; 2021's A and
        // C get the mean of B's 9 alone (previous: C takes 2018's 2, A has none within 3 years).
        let imputed = Dictionary(
            uniqueKeysWithValues: out.rows.filter { $0.indicator == "composite.open.imputed" }.map {
                ("\($0.municipality)/\($0.year)/\($0.breakdown)", $0.value)
            })
        switch parts[1] {
        case "mean": #expect(imputed == ["A/2018/c.days": 4, "A/2021/c.days": 9, "C/2021/c.days": 9])
        case "previous": #expect(imputed == ["A/2018/c.days": 1, "C/2021/c.days": 2])
        default: #expect(imputed.isEmpty)
        }
    }

    /// Pillars: access (a, c; weight 2) and voice (b, d; weight 1).
    static func pillarDefinition() -> CompositeDefinition {
        var d = CompositeDefinition(
            id: "p",
            components: components + [Component(indicator: "d.share", weight: 1, direction: 1, goalposts: 0...1)])
        d.pillars = [
            .init(id: "access", weight: 2, components: ["a.share", "c.days"]),
            .init(id: "voice", weight: 1, components: ["b.index", "d.share"]),
        ]
        return d
    }

    static let pillarValues: [(String, [Double?])] = [
        ("3001", [0.8, 60, 2, 0.3]), ("3002", [0.5, 90, 8, 0.9]), ("3003", [0.9, 40, nil, 0.6]),
        ("3004", [0.6, 70, 4, nil]), ("3005", [0.4, 55, 3, 0.5]), ("3006", [0.7, 45, 5, 0.8]),
    ]

    static func pillarRows() -> [IndicatorRow] {
        var out: [IndicatorRow] = []
        for (m, values) in pillarValues {
            for (id, v) in zip(["a.share", "b.index", "c.days", "d.share"], values) {
                if let v { out.append(IndicatorRow(indicator: id, municipality: m, year: 2020, value: v, n: 10)) }
            }
        }
        return out
    }

    @Test func pillarsByHand() throws {
        var d = Self.pillarDefinition()
        d.samples = 0
        let out = try CompositeIndex.compute(d, rows: Self.pillarRows(), jobs: 1)
        // 3001: access (80 + 80)/2 = 80, voice (2·60 + 30)/3 = 50, index (2·80 + 50)/3 = 70.
        // 3003: access has a only (1 of 2 < 2/3) → none; voice alone is 1 of 3 pillar weight → no index.
        // 3004: voice has b only (2 of 3 ≥ 2/3) → 70; access 60; index (120 + 70)/3.
        let index = Self.values(out, "composite.p")
        #expect(index["3001"] == 70)
        #expect(index["3003"] == nil)
        #expect(abs(index["3004"]! - 190.0 / 3.0) < 1e-12)
        #expect(Self.values(out, "composite.p.access")["3001"] == 80)
        #expect(Self.values(out, "composite.p.voice")["3001"] == 50)
        #expect(Self.values(out, "composite.p.voice")["3004"] == 70)
        #expect(
            out.warnings.map(\.description).contains {
                $0.contains("no index in 2020 for 3003")
            })
    }

    /// Pillars against the numpy reference: index, pillar scores, Monte-Carlo ranks (component
    /// then pillar weights drawn per sample), and leave-one-out shifts with each level's test.
    @Test(arguments: ["pillar_case", "pillar_case_geometric"])
    func pillarsMatchReference(caseName: String) throws {
        let json = try #require(try CompositeReference.load()[caseName] as? [String: Any])
        var d = Self.pillarDefinition()
        d.samples = try #require(json["samples"] as? Int)
        d.delta = try #require(json["delta"] as? Double)
        d.seed = UInt64(try #require(json["seed"] as? Int))
        d.aggregation = try #require(CompositeDefinition.Aggregation(rawValue: json["aggregation"] as? String ?? ""))
        let names = try #require(json["municipalities"] as? [String])
        let tolerance = d.aggregation == .geometric ? 1e-12 : 0
        func close(_ a: [Double], _ b: [Double]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
        }
        for jobs in [1, 3] {
            let out = try CompositeIndex.compute(d, rows: Self.pillarRows(), jobs: jobs)
            let index = out.rows.filter { $0.indicator == "composite.p" }
            #expect(index.map(\.municipality) == names)
            #expect(close(index.map(\.value), try CompositeReference.doubles(json["nominal_index"])))
            let pillars = try #require(json["pillars"] as? [String: [String?]])
            for (p, values) in pillars {
                let got = out.rows.filter { $0.indicator == "composite.p.\(p)" }
                #expect(got.map(\.municipality) == names)
                #expect(close(got.map(\.value), values.map { Double($0!)! }))
            }
            let rank = out.rows.filter { $0.indicator == "composite.p.rank" }
            #expect(rank.map { Int($0.value) } == (json["nominal_rank"] as? [Int]))
            #expect(rank.map { $0.ciLow! } == (try CompositeReference.doubles(json["rank_p025"])))
            #expect(rank.map { $0.ciHigh! } == (try CompositeReference.doubles(json["rank_p975"])))
            #expect(
                out.rows.filter { $0.indicator == "composite.p.rank_median" }.map(\.value)
                    == (try CompositeReference.doubles(json["rank_median"])))
            let shifts = try #require(json["shift"] as? [[String: Any]])
            for (c, comp) in d.components.enumerated() {
                var e = try #require(shifts[c]["per_municipality"] as? [String: Int]).mapValues(Double.init)
                if let mean = shifts[c]["mean"] as? String { e[""] = Double(mean)! }
                #expect(Self.values(out, "composite.p.shift.\(comp.indicator)") == e)
            }
        }
    }

    @Test func pillarProblems() {
        var d = Self.pillarDefinition()
        d.pillars = [
            .init(id: "rank", weight: 0, components: ["a.share", "x.y"]),
            .init(id: "voice", weight: 1, components: ["a.share", "b.index"]),
        ]
        #expect(
            CompositeIndex.problems(d) == [
                "pillar 'rank': the name is reserved",
                "pillar 'rank': weight must be a positive number, found 0.0",
                "pillar 'rank': 'x.y' is not a component of the index",
                "pillar 'voice': component 'a.share' is already in pillar 'rank'",
                "component 'c.days' is in no pillar",
                "component 'd.share' is in no pillar",
            ])
    }

    @Test func winsoriseByHand() {
        // 1, 2, 2, 3, 3, 3, 4, 4, 5, 50: mean 7.7; g₁ ≈ 2.64 > 2 and g₂ ≈ 5.02 > 3.5 → 50 becomes 5,
        // the largest other value; then g₁ of 1 … 5, 5 is small: stop.
        let (v, changed) = CompositeTreatment.winsorise([1, 2, 2, 3, 3, 3, 4, 4, 5, 50], .init())
        #expect(v == [1, 2, 2, 3, 3, 3, 4, 4, 5, 5])
        #expect(changed == [9])
        let (g1, g2) = CompositeTreatment.moments([1, 2, 2, 3, 3, 3, 4, 4, 5, 50])!
        #expect(abs(g1 - 2.6367222243451427) < 1e-12 && abs(g2 - 5.01814040841381) < 1e-12)
        // Five values: g₂ of 1, 2, 3, 4, 100 is only 0.25 — untouched.
        #expect(CompositeTreatment.winsorise([1, 2, 3, 4, 100], .init()).changed == [])
    }

    @Test func winsorisedComponentInTheIndex() throws {
        var d = CompositeDefinition(
            id: "w", components: [Component(indicator: "b.index", weight: 1, direction: 1, goalposts: 0...100)])
        d.winsorise = .init()
        d.samples = 0
        let values: [Double] = [1, 2, 2, 3, 3, 3, 4, 4, 5, 50]
        let names = (0..<10).map { "m\($0)" }
        let out = try CompositeIndex.compute(
            d, rows: Self.rows(zip(names, values).map { ($0, nil, $1, nil) }), jobs: 1)
        // m9's 50 becomes 5 (winsoriseByHand); one component: the index is the goalpost score.
        #expect(Self.values(out, "composite.w")["m9"] == 5)
        #expect(Self.values(out, "composite.w.rank")["m9"] == 1)
        #expect(
            out.warnings.map(\.description) == [
                "composite 'w': component 'b.index' winsorised in 2020 (|skew| > 2.0, kurtosis > 3.5): m9 50.0 → 5.0"
            ])
        // The treated value as a row for the report: breakdown = the component, n = its 10 values.
        #expect(
            out.rows.filter { $0.indicator == "composite.w.treated" }
                == [
                    IndicatorRow(
                        indicator: "composite.w.treated", municipality: "m9", year: 2020, breakdown: "b.index",
                        value: 5, n: 10)
                ])
    }

    @Test func winsoriseMatchesReference() throws {
        let cases = try #require(try CompositeReference.load()["winsorise"] as? [[String: Any]])
        #expect(cases.count == 8)
        for c in cases {
            let input = try #require(c["input"] as? [Double])
            let (v, changed) = CompositeTreatment.winsorise(input, .init())
            #expect(v == (try CompositeReference.doubles(c["values"])))
            #expect(changed == (c["changed"] as? [Int]))
        }
    }

    /// Three equal values 0.4 sum to a mean 1 ulp off; they still have no spread.
    @Test func pooledZscoreWithoutSpreadWarnsOnce() throws {
        var d = CompositeDefinition(
            id: "z", components: [Component(indicator: "a.share", weight: 1, direction: 1, goalposts: nil)])
        d.normalisation = .zscore
        d.scope = .all
        let rows =
            Self.rows([("0301", 0.4, nil, nil), ("5001", 0.4, nil, nil)], year: 2020)
            + Self.rows([("0301", 0.4, nil, nil)], year: 2021)
        let out = try CompositeIndex.compute(d, rows: rows, jobs: 1)
        #expect(
            out.warnings.map(\.description) == [
                "composite 'z': component 'a.share' has no spread over all years (3 value(s)); its z-scores are 0"
            ])
        #expect(out.rows.filter { $0.indicator == "composite.z" }.allSatisfy { $0.value == 0 })
    }

    @Test func minmaxAllEqualIsFifty() throws {
        var d = CompositeDefinition(
            id: "one", components: [Component(indicator: "a.share", weight: 1, direction: -1, goalposts: nil)])
        d.normalisation = .minmax
        let out = try CompositeIndex.compute(
            d, rows: Self.rows([("0301", 0.4, nil, nil), ("5001", 0.4, nil, nil)]), jobs: 1)
        #expect(Self.values(out, "composite.one") == ["0301": 50, "5001": 50])
        // Ties share the smallest rank; every Monte-Carlo sample ties too.
        #expect(
            out.rows.filter { $0.indicator == "composite.one.rank" }.map { [$0.value, $0.ciLow!, $0.ciHigh!] } == [
                [1, 1, 1], [1, 1, 1],
            ])
        #expect(Self.values(out, "composite.one.rank_median") == ["0301": 1, "5001": 1])
    }

    @Test func zscoreOneComponentEqualsItsNormalisedValue() throws {
        var d = CompositeDefinition(
            id: "z", components: [Component(indicator: "c.days", weight: 3, direction: -1, goalposts: nil)])
        d.normalisation = .zscore
        let out = try CompositeIndex.compute(
            d, rows: Self.rows([("a", nil, nil, 1), ("b", nil, nil, 2), ("c", nil, nil, 3), ("d", nil, nil, 6)]),
            jobs: 1)
        // mean 3, deviations −2, −1, 0, 3 → Σ² = 14, sd = √(14/3); direction −1 flips the sign.
        let sd = (14.0 / 3).squareRoot()
        let v = Self.values(out, "composite.z")
        for (m, x) in [("a", 1.0), ("b", 2), ("c", 3), ("d", 6)] {
            #expect(abs(v[m]! - -(x - 3) / sd) < 1e-12)
        }
        #expect(Self.values(out, "composite.z.rank") == ["a": 1, "b": 2, "c": 3, "d": 4])
        // One component: no leave-one-out rows.
        #expect(!out.rows.contains { $0.indicator.contains(".shift.") })
    }

    @Test func goalpostsOneComponentEqualsItsNormalisedValue() throws {
        let d = CompositeDefinition(
            id: "g", components: [Component(indicator: "b.index", weight: 1, direction: -1, goalposts: 20...70)])
        let out = try CompositeIndex.compute(d, rows: Self.rows([("a", nil, 30, nil), ("b", nil, 80, nil)]), jobs: 1)
        // a: 100·(70 − 30)/50 = 80; b: 80 → clamped to 70 → 0.
        #expect(Self.values(out, "composite.g") == ["a": 80, "b": 0])
        // With one component every sample has the same ranks: interval = nominal rank.
        #expect(
            out.rows.filter { $0.indicator == "composite.g.rank" }.map { [$0.value, $0.ciLow!, $0.ciHigh!] } == [
                [1, 1, 1], [2, 2, 2],
            ])
    }

    @Test(arguments: [
        ([70.0, 90, 70, 50], [2, 1, 2, 4]),
        ([1.0, 1, 1], [1, 1, 1]),
        ([3.0, 2, 1], [1, 2, 3]),
        ([1.0, 2, 2, 3, 3, 3], [6, 4, 4, 1, 1, 1]),
        ([], []),
    ])
    func competitionRanks(values: [Double], expected: [Int]) {
        #expect(CompositeRanking.ranks(values) == expected)
    }

    /// The Monte-Carlo rank percentiles against the Python reference (numpy, own xoshiro256**).
    @Test(arguments: ["mc_case", "mc_case2", "mc_case3", "mc_case4", "mc_case5"])
    func monteCarloMatchesReference(caseName: String) throws {
        let json = try #require(try CompositeReference.load()[caseName] as? [String: Any])
        let names = try #require(json["municipalities"] as? [String])
        let values = try #require(json["values"] as? [[Any]])
        var d = CompositeDefinition(id: "mc", components: Self.components)
        if caseName == "mc_case2" || caseName == "mc_case5" {
            d.components = d.components.map {
                var c = $0
                c.weight = 1
                return c
            }
        }
        d.samples = try #require(json["samples"] as? Int)
        d.delta = try #require(json["delta"] as? Double)
        d.seed = UInt64(try #require(json["seed"] as? Int))
        if let f = json["min_available"] as? Double { d.minAvailable = f }
        d.aggregation = try #require(CompositeDefinition.Aggregation(rawValue: json["aggregation"] as? String ?? ""))
        let rows = zip(names, values).map { (m, v) in (m, v[0] as? Double, v[1] as? Double, v[2] as? Double) }
        let expectedIndex = try CompositeReference.doubles(json["nominal_index"])
        let expectedRank = try #require(json["nominal_rank"] as? [Int])
        let p025 = try CompositeReference.doubles(json["rank_p025"])
        let p975 = try CompositeReference.doubles(json["rank_p975"])
        let median = try CompositeReference.doubles(json["rank_median"])
        // Per component: each ranked-without municipality's |Δrank| and the mean (empty municipality).
        let shifts = try #require(json["shift"] as? [[String: Any]])
        var expectedShifts: [[String: Double]] = []
        for sh in shifts {
            var e = try #require(sh["per_municipality"] as? [String: Int]).mapValues(Double.init)
            if let mean = sh["mean"] as? String { e[""] = try #require(Double(mean)) }
            expectedShifts.append(e)
        }
        for jobs in [1, 3] {
            let out = try CompositeIndex.compute(d, rows: Self.rows(rows), jobs: jobs)
            let index = out.rows.filter { $0.indicator == "composite.mc" }
            let rank = out.rows.filter { $0.indicator == "composite.mc.rank" }
            #expect(index.map(\.municipality) == names)
            // exp and log may differ in the last bit between libm builds: 1e-12 for geometric.
            let tolerance = d.aggregation == .geometric ? 1e-12 : 0
            #expect(index.count == expectedIndex.count)
            #expect(zip(index.map(\.value), expectedIndex).allSatisfy { abs($0 - $1) <= tolerance })
            #expect(rank.map { Int($0.value) } == expectedRank)
            #expect(rank.map { $0.ciLow! } == p025)
            #expect(rank.map { $0.ciHigh! } == p975)
            #expect(out.rows.filter { $0.indicator == "composite.mc.rank_median" }.map(\.value) == median)
            for (c, comp) in d.components.enumerated() {
                #expect(Self.values(out, "composite.mc.shift.\(comp.indicator)") == expectedShifts[c])
            }
            // Coherence rows (empty municipality) against numpy's corrcoef and the α formula.
            let coherence = try #require(json["coherence"] as? [String: Any])
            let corr = try #require(coherence["corr"] as? [Any]).map { $0 as? String }
            let corrN = try #require(coherence["corr_n"] as? [Int])
            for (c, comp) in d.components.enumerated() {
                let row = out.rows.first { $0.indicator == "composite.mc.corr.\(comp.indicator)" }
                if let e = corr[c] {
                    #expect(abs(try #require(row).value - Double(e)!) < 1e-12)
                    #expect(row?.n == corrN[c] && row?.municipality == "")
                    #expect(
                        out.warnings.contains { $0.message.hasPrefix("component '\(comp.indicator)' is negatively") }
                            == (Double(e)! < 0))
                } else {
                    #expect(row == nil)
                }
            }
            let alpha = try #require(out.rows.first { $0.indicator == "composite.mc.alpha" })
            #expect(abs(alpha.value - Double(coherence["alpha"] as! String)!) < 1e-12)
            #expect(alpha.n == coherence["alpha_n"] as? Int)
        }
    }

    /// Uncertainty over normalisation, aggregation and imputation against the numpy reference:
    /// each sample draws the weights, then one entry of each declared list (⌊u·count⌋).
    @Test(arguments: ["uncertainty_case", "uncertainty_case_aggregation"])
    func uncertaintyListsMatchReference(caseName: String) throws {
        let json = try #require(try CompositeReference.load()[caseName] as? [String: Any])
        var d = CompositeDefinition(id: "u", components: Self.components)
        if caseName == "uncertainty_case" {
            d.components = d.components.map {
                var c = $0
                c.weight = 1
                return c
            }
        }
        d.samples = try #require(json["samples"] as? Int)
        d.delta = try #require(json["delta"] as? Double)
        d.seed = UInt64(try #require(json["seed"] as? Int))
        let lists = try #require(json["lists"] as? [String: [String]])
        d.uncertainty = .init(
            normalisation: (lists["normalisation"] ?? []).compactMap { .init(rawValue: $0) },
            aggregation: (lists["aggregation"] ?? []).compactMap { .init(rawValue: $0) },
            impute: (lists["impute"] ?? []).compactMap { .init(rawValue: $0) })
        let data =
            caseName == "uncertainty_case"
            ? [
                ("1001", 0.62, 48.0, 4.0), ("1002", 0.40, 70, 5), ("1003", 0.75, 35, 3.5), ("1004", 0.55, 58, 4.6),
            ].map { ($0.0, Optional($0.1), Optional($0.2), Optional($0.3)) } + [("1005", 0.50, 52, nil)]
            : [("0301", 0.8, 60, 2), ("5001", 0.5, 90, 12), ("5006", 1.2, 40, nil)]
        for jobs in [1, 4] {
            let out = try CompositeIndex.compute(d, rows: Self.rows(data), jobs: jobs)
            let rank = out.rows.filter { $0.indicator == "composite.u.rank" }
            #expect(rank.map(\.municipality) == (json["municipalities"] as? [String]))
            #expect(rank.map { Int($0.value) } == (json["nominal_rank"] as? [Int]))
            #expect(rank.map { $0.ciLow! } == (try CompositeReference.doubles(json["rank_p025"])))
            #expect(rank.map { $0.ciHigh! } == (try CompositeReference.doubles(json["rank_p975"])))
            #expect(
                out.rows.filter { $0.indicator == "composite.u.rank_median" }.map(\.value)
                    == (try CompositeReference.doubles(json["rank_median"])))
        }
    }

    /// Sobol indices per factor (weights; normalisation; aggregation) against the numpy
    /// reference, which implements Saltelli 2010 / Jansen 1999 from the papers; any --jobs.
    @Test func sensitivityMatchesReference() throws {
        let json = try #require(try CompositeReference.load()["sobol_case"] as? [String: Any])
        var d = CompositeDefinition(
            id: "s",
            components: Self.components.map {
                var c = $0
                c.weight = 1
                return c
            })
        d.samples = try #require(json["rows"] as? Int)
        d.delta = try #require(json["delta"] as? Double)
        d.seed = UInt64(try #require(json["seed"] as? Int))
        d.uncertainty = .init(normalisation: [.goalposts, .minmax], aggregation: [.arithmetic, .geometric])
        d.sensitivity = true
        let rows = Self.rows([
            ("1001", 0.62, 48, 4), ("1002", 0.40, 70, 5), ("1003", 0.75, 35, 3.5), ("1004", 0.55, 58, 4.6),
            ("1005", 0.50, 52, nil),
        ])
        let factors = try #require(json["factors"] as? [String])
        #expect(CompositeIndex.sobolFactors(d).map(\.name) == factors)
        let first = try CompositeReference.doubles(json["first"])
        let total = try CompositeReference.doubles(json["total"])
        var previous: [IndicatorRow]?
        for jobs in [1, 3] {
            let out = try CompositeIndex.compute(d, rows: rows, jobs: jobs)
            let sobol = out.rows.filter { $0.indicator.contains(".sobol_") }
            for (f, name) in factors.enumerated() {
                let s1 = try #require(sobol.first { $0.indicator == "composite.s.sobol_first.\(name)" })
                let st = try #require(sobol.first { $0.indicator == "composite.s.sobol_total.\(name)" })
                #expect(abs(s1.value - first[f]) < 1e-10 && abs(st.value - total[f]) < 1e-10, "\(name)")
                #expect(s1.municipality == "" && s1.n == json["varying"] as? Int)
            }
            if let previous { #expect(previous == sobol) }
            previous = sobol
        }
    }

    @Test func monteCarloDrawsAddOneChoicePerList() {
        var d = Self.definition(samples: 2)
        d.seed = 9
        d.uncertainty = .init(normalisation: [.goalposts, .minmax], impute: [.none, .mean, .previous])
        var g = Xoshiro256StarStar(seed: 9)
        var expected: [Double] = []
        for _ in 0..<2 {
            for w in [1.0, 2, 1] { expected.append(0.75 * w + (1.25 * w - 0.75 * w) * g.nextUniform()) }
            expected.append(Double(Int(g.nextUniform() * 2)))
            expected.append(Double(Int(g.nextUniform() * 3)))
        }
        #expect(CompositeIndex.monteCarloWeights(d) == expected)
    }

    @Test func monteCarloWeightsFollowDrawOrder() {
        var d = Self.definition(samples: 2)
        d.seed = 5
        d.delta = 0.5
        // Draw order: sample 0 components a, b, c, then sample 1 a, b, c.
        var g = Xoshiro256StarStar(seed: 5)
        var expected: [Double] = []
        for _ in 0..<2 {
            for w in [1.0, 2, 1] { expected.append(0.5 * w + (1.5 * w - 0.5 * w) * g.nextUniform()) }
        }
        let w = CompositeIndex.monteCarloWeights(d)
        #expect(w == expected)
        #expect(zip(w, [1.0, 2, 1, 1, 2, 1]).allSatisfy { $0 >= 0.5 * $1 && $0 < 1.5 * $1 })
    }

    @Test func sameResultForAnyJobsAndRowOrder() throws {
        var rng = Xoshiro256StarStar(seed: 3)
        var values: [(String, Double?, Double?, Double?)] = []
        for m in 0..<60 {
            values.append(
                (
                    String(1000 + m), rng.nextUniform(), rng.next() % 5 == 0 ? nil : rng.nextUniform() * 100,
                    rng.nextUniform() * 12
                ))
        }
        let rows = Self.rows(values)
        let d = Self.definition(samples: 300)
        let a = try CompositeIndex.compute(d, rows: rows, jobs: 1)
        let b = try CompositeIndex.compute(d, rows: rows.reversed(), jobs: 4)
        #expect(a == b)
        #expect(a.rows.contains { $0.indicator == "composite.open.rank" && $0.ciLow != $0.ciHigh })
    }

    @Test(arguments: [
        (CompositeDefinition(id: "x", components: []), ["a composite needs at least one component"]),
        (
            CompositeDefinition(
                id: "x", components: [Component(indicator: "a", weight: 0, direction: 2, goalposts: nil)]),
            [
                "component 'a': weight must be a positive number, found 0.0",
                "component 'a': direction must be 1 or -1, found 2",
                "component 'a': goalposts normalisation needs goalposts [lo, hi]",
            ]
        ),
        (
            CompositeDefinition(
                id: "x",
                components: [
                    Component(indicator: "a", weight: 1, direction: 1, goalposts: 5...5),
                    Component(indicator: "a", weight: 1, direction: 1, goalposts: 0...1),
                ]),
            ["component 'a': goalposts need lo < hi, found [5.0, 5.0]", "component 'a' is listed twice"]
        ),
        (
            {
                var d = CompositeDefinition(
                    id: "x", components: [Component(indicator: "a", weight: 1, direction: 1, goalposts: 0...1)])
                d.minAvailable = 0
                return d
            }(), ["min_available must be above 0 and at most 1, found 0.0"]
        ),
        (
            {
                var d = CompositeDefinition(
                    id: "x", components: [Component(indicator: "a", weight: 1, direction: 1, goalposts: nil)])
                d.normalisation = .zscore
                d.aggregation = .geometric
                return d
            }(), ["geometric aggregation needs scores on 0–100 (goalposts or minmax), not zscore"]
        ),
        (
            {
                var d = CompositeDefinition(
                    id: "x", components: [Component(indicator: "a", weight: 1, direction: 1, goalposts: 0...1)])
                d.minAvailable = 1.5
                return d
            }(), ["min_available must be above 0 and at most 1, found 1.5"]
        ),
    ])
    func rejectsInvalidDefinitions(def: CompositeDefinition, expected: [String]) {
        #expect(CompositeIndex.problems(def) == expected)
        #expect(throws: DiagnosticList.self) { try CompositeIndex.compute(def, rows: [], jobs: 1) }
    }

    @Test func duplicateComponentRowIsAnError() {
        let rows =
            Self.rows(Self.values) + [
                IndicatorRow(indicator: "a.share", municipality: "0301", year: 2020, value: 0.1, n: 1)
            ]
        #expect(throws: Diagnostic(.init(path: "composite 'open'"), "component 'a.share' has two rows for 0301 2020")) {
            try CompositeIndex.compute(Self.definition(), rows: rows, jobs: 1)
        }
    }

    @Test func missingComponentWarns() throws {
        let rows = Self.rows(Self.values).filter { $0.indicator != "c.days" }
        let out = try CompositeIndex.compute(Self.definition(), rows: rows, jobs: 1)
        #expect(
            out.warnings.first?.description
                == "composite 'open': component 'c.days' has no rows; it counts as missing everywhere")
        // a + b carry 3 of 4 ≥ 2/3: 0301 (80 + 120)/3, 5001 (50 + 180)/3, 5006 (100 + 80)/3; 1103 still short.
        let expected: [String: Double] = ["0301": 200.0 / 3.0, "5001": 230.0 / 3.0, "5006": 60]
        #expect(Self.values(out, "composite.open") == expected)
    }

    @Test func catalogueEntries() {
        #expect(
            CompositeIndex.infos(Self.definition()).map(\.id) == [
                "composite.open", "composite.open.rank", "composite.open.corr.a.share", "composite.open.corr.b.index",
                "composite.open.corr.c.days", "composite.open.alpha", "composite.open.shift.a.share",
                "composite.open.shift.b.index", "composite.open.shift.c.days",
            ])
        let single = CompositeDefinition(
            id: "g", components: [Component(indicator: "b.index", weight: 1, direction: 1, goalposts: 0...100)])
        let infos = CompositeIndex.infos(single)
        #expect(
            infos.map(\.id) == [
                "composite.g", "composite.g.rank", "composite.g.rank_median", "composite.g.corr.b.index",
            ])
        #expect(infos[1].hasInterval && infos[1].unit == .rank && infos[1].direction == -1)
    }

    @Test func leaveOneOutSkipsMunicipalitiesLeftWithNothing() throws {
        let d = CompositeDefinition(
            id: "w",
            components: [
                Component(indicator: "a.share", weight: 3, direction: 1, goalposts: 0...1),
                Component(indicator: "c.days", weight: 1, direction: 1, goalposts: 0...10),
            ])
        // Goalposts: A a 90, c 10; B a 50 only (3 of 4 ≥ 2/3 → has a value); C a 20, c 80.
        // Index: A (270 + 10)/4 = 70, B 50, C (60 + 80)/4 = 35 → ranks A 1, B 2, C 3.
        let out = try CompositeIndex.compute(
            d, rows: Self.rows([("A", 0.9, nil, 1), ("B", 0.5, nil, nil), ("C", 0.2, nil, 8)]), jobs: 1)
        #expect(Self.values(out, "composite.w") == ["A": 70, "B": 50, "C": 35])
        // Without a: A 10, C 80, B has nothing left and is not counted → ranks C 1, A 2:
        // A |2 − 1| = 1, C |1 − 3| = 2, mean 1.5, n 2; B has no row.
        let withoutA = out.rows.filter { $0.indicator == "composite.w.shift.a.share" }
        #expect(withoutA.map(\.municipality) == ["", "A", "C"])
        #expect(withoutA.map(\.value) == [1.5, 1, 2])
        #expect(withoutA.map(\.n) == [2, 2, 2])
        // Without c: A 90, B 50, C 20 → ranks unchanged → 0, n 3.
        let withoutC = out.rows.filter { $0.indicator == "composite.w.shift.c.days" }
        #expect(withoutC.map(\.municipality) == ["", "A", "B", "C"])
        #expect(withoutC.map(\.value) == [0, 0, 0, 0])
        #expect(withoutC.map(\.n) == [3, 3, 3, 3])
    }
}
