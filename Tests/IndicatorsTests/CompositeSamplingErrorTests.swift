import ApenCore
import Testing

@testable import Indicators

/// `uncertainty.sampling_error: true` (METHODS §6 "Uncertainty"): each Monte-Carlo sample draws
/// every component value that has an SE from Normal(value, SE²), clamped to the goalposts.
@Suite struct CompositeSamplingErrorTests {
    typealias Component = CompositeDefinition.Component

    static let components = [
        Component(indicator: "a.share", weight: 1, direction: 1, goalposts: 0...1),
        Component(indicator: "b.index", weight: 1, direction: 1, goalposts: 0...100),
        Component(indicator: "c.days", weight: 1, direction: -1, goalposts: 0...10),
    ]

    /// mc_case2's values with the SEs of `se_errors` in the reference (nil: no SE).
    static let cases: [(String, [Double?], [Double?])] = [
        ("1001", [0.62, 48, 4], [0.05, 6, 0.8]),
        ("1002", [0.40, 70, 5], [0.08, 4, 0.5]),
        ("1003", [0.75, 35, 3.5], [0.04, nil, 0.6]),
        ("1004", [0.55, 58, 4.6], [0.10, 5, 1.2]),
        ("1005", [0.50, 52, nil], [0.06, 3, nil]),
    ]

    static func rows(seScale: Double = 1) -> [IndicatorRow] {
        var out: [IndicatorRow] = []
        for (m, values, errors) in cases {
            for (c, comp) in components.enumerated() {
                guard let v = values[c] else { continue }
                out.append(
                    IndicatorRow(
                        indicator: comp.indicator, municipality: m, year: 2020, value: v, n: 10,
                        se: errors[c].map { $0 * seScale }))
            }
        }
        return out
    }

    static func definition(samples: Int, seed: UInt64, sampling: Bool = true) -> CompositeDefinition {
        var d = CompositeDefinition(id: "se", components: components)
        d.samples = samples
        d.seed = seed
        d.uncertainty.samplingError = sampling
        return d
    }

    /// Rank percentiles and median against the numpy reference, which draws the same deviates
    /// (scipy's norm.ppf of the jumped stream's uniforms), for any --jobs.
    @Test func monteCarloMatchesReference() throws {
        let json = try #require(try CompositeReference.load()["sampling_error_case"] as? [String: Any])
        var d = Self.definition(
            samples: try #require(json["samples"] as? Int), seed: UInt64(try #require(json["seed"] as? Int)))
        d.delta = try #require(json["delta"] as? Double)
        var previous: [IndicatorRow]?
        for jobs in [1, 3] {
            let out = try CompositeIndex.compute(d, rows: Self.rows(), jobs: jobs)
            let rank = out.rows.filter { $0.indicator == "composite.se.rank" }
            #expect(rank.map(\.municipality) == (json["municipalities"] as? [String]))
            #expect(rank.map { $0.ciLow! } == (try CompositeReference.doubles(json["rank_p025"])))
            #expect(rank.map { $0.ciHigh! } == (try CompositeReference.doubles(json["rank_p975"])))
            #expect(
                out.rows.filter { $0.indicator == "composite.se.rank_median" }.map(\.value)
                    == (try CompositeReference.doubles(json["rank_median"])))
            if let previous { #expect(previous == out.rows) }
            previous = out.rows
        }
    }

    /// Sobol indices with sampling error as one factor (its deviates one block of columns)
    /// against the numpy reference.
    @Test func sensitivityMatchesReference() throws {
        let json = try #require(try CompositeReference.load()["sampling_error_case"] as? [String: Any])
        let sobol = try #require(json["sobol"] as? [String: Any])
        var d = Self.definition(
            samples: try #require(sobol["rows"] as? Int), seed: UInt64(try #require(json["seed"] as? Int)))
        d.delta = try #require(json["delta"] as? Double)
        d.sensitivity = true
        let factors = try #require(sobol["factors"] as? [String])
        #expect(CompositeIndex.sobolFactors(d).map(\.name) == factors)
        let first = try CompositeReference.doubles(sobol["first"])
        let total = try CompositeReference.doubles(sobol["total"])
        var previous: [IndicatorRow]?
        for jobs in [1, 2] {
            let out = try CompositeIndex.compute(d, rows: Self.rows(), jobs: jobs)
            let rows = out.rows.filter { $0.indicator.contains(".sobol_") }
            for (f, name) in factors.enumerated() {
                let s1 = try #require(rows.first { $0.indicator == "composite.se.sobol_first.\(name)" })
                let st = try #require(rows.first { $0.indicator == "composite.se.sobol_total.\(name)" })
                #expect(abs(s1.value - first[f]) < 1e-10 && abs(st.value - total[f]) < 1e-10, "\(name)")
                #expect(s1.n == sobol["varying"] as? Int)
            }
            if let previous { #expect(previous == rows) }
            previous = rows
        }
    }

    /// With every SE 0 (or none), sampling error changes nothing: the deviates come from a
    /// stream of their own, so the weights are drawn as without it — every row bit for bit.
    @Test func zeroErrorsGiveTheRunWithoutSamplingError() throws {
        var without = Self.definition(samples: 200, seed: 5, sampling: false)
        without.sensitivity = true
        var with = without
        with.uncertainty.samplingError = true
        let plain = try CompositeIndex.compute(without, rows: Self.rows(), jobs: 2)
        let zero = try CompositeIndex.compute(with, rows: Self.rows(seScale: 0), jobs: 2)
        let isSamplingRow = { (r: IndicatorRow) in r.indicator.hasSuffix(".sampling_error") }
        #expect(zero.rows.filter { !isSamplingRow($0) } == plain.rows)
        #expect(zero.warnings.contains { $0.message.contains("no component value has a standard error") })
        // The sampling-error factor's indices are 0 (its A_B runs equal the A runs).
        #expect(zero.rows.filter(isSamplingRow).allSatisfy { $0.value == 0 })
    }

    /// Huge SEs (100 times the reference's) make every rank a coin toss: each interval widens
    /// (here to the full 1–5) where, with the weights alone, at least one municipality's is narrow.
    @Test func hugeErrorsWidenTheIntervals() throws {
        let d = Self.definition(samples: 400, seed: 8)
        let plain = try CompositeIndex.compute(
            Self.definition(samples: 400, seed: 8, sampling: false), rows: Self.rows(), jobs: 1)
        let noisy = try CompositeIndex.compute(d, rows: Self.rows(seScale: 100), jobs: 1)
        func widths(_ out: IndicatorOutputRows) -> [Double] {
            out.rows.filter { $0.indicator == "composite.se.rank" }.map { $0.ciHigh! - $0.ciLow! }
        }
        #expect(widths(plain).contains { $0 < 4 })
        #expect(zip(widths(noisy), widths(plain)).allSatisfy { $0 >= $1 })
        #expect(widths(noisy).allSatisfy { $0 == 4 })
    }

    /// A single draw by hand. Seed 1's jumped stream starts with the output 3686199559692413392
    /// (Fixtures: xoshiro_seed1_jumped_first3), u = (x >> 11)·2⁻⁵³ = 0.1998292785416812 and
    /// ε = Φ⁻¹(u) = −0.8422311925727546 (scipy). Two municipalities, one component, δ = 0, one
    /// sample: A = 0.5 with SE 0.1 is drawn as 0.5 − 0.0842 = 0.4158 < B = 0.45 (no SE) → A's
    /// sampled rank is 2 though its nominal rank is 1. With A = 0.98, SE 1 and B = 0.99, the draw
    /// 0.98 − 0.842 = 0.138 drops A to rank 2, while with B = 0.1 it stays first (0.138 > 0.1);
    /// a positive deviate (seed 3's first, below) is clamped to the goalpost 1 and ranks A first.
    @Test func oneDrawByHand() throws {
        var d = CompositeDefinition(
            id: "h", components: [Component(indicator: "a.share", weight: 1, direction: 1, goalposts: 0...1)])
        d.samples = 1
        d.delta = 0
        d.seed = 1
        d.uncertainty.samplingError = true
        let eps = CompositeIndex.samplingErrorDeviates(d, municipalities: 2)
        #expect(abs(eps[0] - (-0.8422311925727546)) < 1e-14)
        func sampled(_ a: Double, _ se: Double, _ b: Double, seed: UInt64 = 1) throws -> (Double, Double) {
            var def = d
            def.seed = seed
            let rows = [
                IndicatorRow(indicator: "a.share", municipality: "A", year: 2020, value: a, n: 10, se: se),
                IndicatorRow(indicator: "a.share", municipality: "B", year: 2020, value: b, n: 10),
            ]
            let out = try CompositeIndex.compute(def, rows: rows, jobs: 1)
            let rank = try #require(out.rows.first { $0.indicator == "composite.h.rank" && $0.municipality == "A" })
            return (rank.value, rank.ciLow!)
        }
        #expect(try sampled(0.5, 0.1, 0.45) == (1, 2))
        #expect(try sampled(0.98, 1, 0.99) == (2, 2))
        #expect(try sampled(0.98, 1, 0.1) == (1, 1))
        // Seed 3: A's deviate (run municipality 0 of component 0, sample 0) is positive.
        var three = d
        three.seed = 3
        let e3 = CompositeIndex.samplingErrorDeviates(three, municipalities: 2)[0]
        #expect(e3 > 0)
        // 0.98 + e3 > 1 is clamped to 1 = 100 points, above B = 0.99: rank 1 (nominally 2).
        #expect(try sampled(0.98, 1, 0.99, seed: 3) == (2, 1))
    }

    /// Draw order: per sample, per component (declaration order), one deviate per run municipality.
    @Test func deviatesFollowDrawOrder() {
        var d = Self.definition(samples: 2, seed: 4)
        d.components = Array(Self.components.prefix(2))
        var g = Xoshiro256StarStar(seed: 4)
        g.jump()
        let expected = (0..<(2 * 2 * 3)).map { _ in g.nextNormal() }
        #expect(CompositeIndex.samplingErrorDeviates(d, municipalities: 3) == expected)
        d.uncertainty.samplingError = false
        #expect(CompositeIndex.samplingErrorDeviates(d, municipalities: 3).isEmpty)
    }

    /// Component–component correlations (rows `corr.<a>` with breakdown `<b>`) against numpy's
    /// corrcoef on mc_case2's normalised scores; by hand for one pair below.
    @Test func componentCorrelationsMatchReference() throws {
        let json = try #require(try CompositeReference.load()["component_correlations_case2"] as? [String: [Any]])
        let d = Self.definition(samples: 0, seed: 1, sampling: false)
        let out = try CompositeIndex.compute(d, rows: Self.rows(), jobs: 1)
        let ids = Self.components.map(\.indicator)
        var seen = 0
        for (key, value) in json {
            let ab = key.split(separator: ",").map { Int($0)! }
            let row = try #require(
                out.rows.first { $0.indicator == "composite.se.corr.\(ids[ab[0]])" && $0.breakdown == ids[ab[1]] })
            #expect(abs(row.value - Double(value[0] as! String)!) < 1e-12)
            #expect(row.n == value[1] as? Int && row.municipality == "")
            seen += 1
        }
        #expect(out.rows.filter { $0.indicator.contains(".corr.") && !$0.breakdown.isEmpty }.count == seen)
        // By hand, a.share with c.days over 1001–1004 (1005 has no c.days): scores a = 62, 40, 75,
        // 55 (mean 58) and c = 60, 50, 65, 54 (mean 57.25); deviations a: 4, −18, 17, −3 and c:
        // 2.75, −7.25, 7.75, −3.25; Σdadc = 11 + 130.5 + 131.75 + 9.75 = 283; Σda² = 16 + 324 +
        // 289 + 9 = 638; Σdc² = 7.5625 + 52.5625 + 60.0625 + 10.5625 = 130.75;
        // r = 283/√(638·130.75) = 0.97984…
        let ac = try #require(
            out.rows.first { $0.indicator == "composite.se.corr.a.share" && $0.breakdown == "c.days" })
        #expect(abs(ac.value - 283 / (638 * 130.75).squareRoot()) < 1e-12)
    }
}
