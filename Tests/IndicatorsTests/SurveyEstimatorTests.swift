import ApenCore
import Foundation
import Testing

@testable import Indicators

struct SurveyEstimatorTests {
    // y = [1, 0, 1, 1], w = [2, 1, 1, 1]: Σw = 5, Σwy = 4, ȳ = 0.8.
    // z = w(y − ȳ)/Σw = [0.08, −0.16, 0.04, 0.04]; Σz² = 0.0064+0.0256+0.0016+0.0016 = 0.0352.
    // No design: SE² = n/(n−1)·Σz² = 4/3·0.0352 = 0.0469333…, SE = 0.216641…
    // df = 4 PSUs − 1 stratum = 3; t_{0.975, 3} = 3.182446305283708 (scipy: t.ppf(0.975, 3)).
    @Test func noDesignByHand() throws {
        let e = try #require(try SurveyEstimator.mean(y: [1, 0, 1, 1], w: [2, 1, 1, 1]))
        #expect(close(e.mean, 0.8))
        #expect(e.n == 4)
        #expect(e.df == 3)
        #expect(close(e.se, (4.0 / 3.0 * 0.0352).squareRoot()))
        let ci = try #require(e.interval)
        #expect(close(ci.low, 0.8 - 3.182446305283708 * (4.0 / 3.0 * 0.0352).squareRoot()))
    }

    // A domain: y = [10, 20, ·, ·] (rows 2 and 3 outside it), no design, w = 1. The wave has 4
    // PSUs in its one stratum: ȳ_d = 15, Ŵ_d = 2, z = [−2.5, 2.5, 0, 0], z̄ = 0,
    // SE² = 4/3·(6.25 + 6.25) = 50/3 — not 2/1·12.5 = 25 as a design of the domain alone.
    @Test func aDomainKeepsTheWholeWavesPSUs() throws {
        let e = try #require(try SurveyEstimator.mean(y: [10, 20, .nan, .nan], w: [1, 1, 1, 1]))
        #expect(close(e.mean, 15))
        #expect(close(e.se, (50.0 / 3.0).squareRoot()))
        #expect(e.df == 1)
    }

    // Korn–Graubard by hand for p̂ at the edges (NCHS rule, n_eff = n = 4): p̂ = 1 gives
    // [B⁻¹(0.025; 4, 1), 1] = [0.025^(1/4), 1] = [0.3976353643835253, 1]; p̂ = 0 gives
    // [0, B⁻¹(0.975; 1, 4)] = [0, 1 − 0.025^(1/4)].
    @Test func kornGraubardAtTheEdges() throws {
        let all = try #require(try SurveyEstimator.mean(y: [1, 1, 1, 1], w: [1, 2, 1, 1]))
        let ci = try #require(SurveyEstimator.kornGraubard(all, count: 4))
        #expect(close(ci.low, 0.3976353643835253, rel: 1e-13))
        #expect(ci.high == 1)
        let none = try #require(try SurveyEstimator.mean(y: [0, 0, 0, 0], w: [1, 2, 1, 1]))
        let ci0 = try #require(SurveyEstimator.kornGraubard(none, count: 0))
        #expect(ci0.low == 0)
        #expect(close(ci0.high, 1 - 0.3976353643835253, rel: 1e-13))
    }

    // Two strata, PSUs: stratum 0 = {PSU 0: rows 0,1; PSU 1: row 2}, stratum 1 = {PSU 2: row 3; PSU 3: row 4}.
    // y = [10, 20, 30, 40, 50], w = 1: ȳ = 30, z = (y − 30)/5 = [−4, −2, 0, 2, 4].
    // Stratum 0 totals: −6, 0 (mean −3): 2/1·(9 + 9) = 36. Stratum 1 totals: 2, 4 (mean 3): 2·(1 + 1) = 4.
    // SE² = 40, SE = √40.
    @Test func strataAndPSUsByHand() throws {
        let e = try #require(
            try SurveyEstimator.mean(
                y: [10, 20, 30, 40, 50], w: [1, 1, 1, 1, 1], strata: [0, 0, 0, 1, 1], psu: [0, 0, 1, 2, 3]))
        #expect(close(e.mean, 30))
        #expect(close(e.se, 40.0.squareRoot()))
    }

    // Stratum 1 has one PSU (rows 3, 4; z total 2 + 4 = 6). PSU totals: −6, 0, 6; grand mean 0.
    // remove: SE² = 36 (stratum 0 only); adjust: 36 + (6 − 0)² = 72.
    @Test func lonelyRulesByHand() throws {
        let args = (y: [10.0, 20, 30, 40, 50], w: [1.0, 1, 1, 1, 1], s: [0, 0, 0, 1, 1], p: [0, 0, 1, 2, 2])
        let removed = try SurveyEstimator.mean(y: args.y, w: args.w, strata: args.s, psu: args.p, lonely: .remove)
        #expect(close(removed?.se, 6))
        let adjusted = try SurveyEstimator.mean(y: args.y, w: args.w, strata: args.s, psu: args.p, lonely: .adjust)
        #expect(close(adjusted?.se, 72.0.squareRoot()))
        #expect(throws: SurveyEstimator.SingletonStratum(stratum: 1)) {
            try SurveyEstimator.mean(y: args.y, w: args.w, strata: args.s, psu: args.p, lonely: .fail)
        }
    }

    @Test func smallSamples() throws {
        #expect(try SurveyEstimator.mean(y: [], w: []) == nil)
        #expect(try SurveyEstimator.mean(y: [.nan], w: [1]) == nil)
        let one = try #require(try SurveyEstimator.mean(y: [42, .nan], w: [3, 1]))
        #expect(one.mean == 42 && one.n == 1 && one.se == nil && one.interval == nil)
        // All equal: SE is exactly 0 (written as 0, not left empty).
        #expect(try SurveyEstimator.mean(y: [5, 5, 5], w: [1, 2, 3])?.se == 0)
    }

    /// Weights all 1 and no design: the unweighted mean, SE = s/√n (s the sample SD).
    @Test(arguments: [[1.0, 2, 3, 4], [0.5, 7.25, 3, 3, 9, 100], [2.0, 2, 2, 3]])
    func unitWeightsGiveTheSampleMean(y: [Double]) throws {
        let n = Double(y.count)
        let mean = y.reduce(0, +) / n
        let s2 = y.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
        let e = try #require(try SurveyEstimator.mean(y: y, w: Array(repeating: 1, count: y.count)))
        #expect(close(e.mean, mean))
        #expect(close(e.se, (s2 / n).squareRoot()))
    }

    /// The YRBS extract (MIT, samplics repository): y = (qn8 == 1), respondents with a missing
    /// qn8 outside the domain but inside the design (METHODS r2 §2). Expected values from R
    /// `survey` 4.1 (`Reference/reference_survey_r2.R` → `yrbs_expected_r2.csv`): the mean is
    /// samplics' published 0.8136225; the SEs moved from samplics' 0.0066567 / 0.0202856 /
    /// 0.0198621 (designs formed from the answered rows only) because two PSUs hold no answer.
    @Test func yrbsMatchesR() throws {
        let recs = FixtureTables.records(try FixtureTables.text("yrbs.csv"))
        #expect(recs[0] == ["weight", "stratum", "psu", "qn8"])
        var y: [Double] = []
        var w: [Double] = []
        var strata: [Int] = []
        var psu: [Int] = []
        for r in recs.dropFirst() {
            w.append(Double(r[0])!)
            strata.append(Int(r[1])!)
            psu.append(Int(r[2])!)
            y.append(r[3].isEmpty ? .nan : (Double(r[3])! == 1 ? 1 : 0))
        }
        let expected = Dictionary(
            uniqueKeysWithValues: FixtureTables.records(try FixtureTables.text("yrbs_expected_r2.csv")).dropFirst().map
            {
                ($0[0], (mean: Double($0[1])!, se: Double($0[2])!, df: Int($0[3])!))
            })
        let estimates = [
            "plain": try SurveyEstimator.mean(y: y, w: w),
            "clustered": try SurveyEstimator.mean(y: y, w: w, psu: psu),
            "stratified": try SurveyEstimator.mean(y: y, w: w, strata: strata, psu: psu),
        ]
        #expect(expected.count == 3)
        for (design, e) in expected {
            let got = try #require(estimates[design] ?? nil)
            #expect(close(got.mean, e.mean, rel: 1e-12), "\(design) mean")
            #expect(close(got.se, e.se, rel: 1e-9), "\(design) se \(String(describing: got.se)) vs \(e.se)")
            #expect(got.df == e.df, "\(design) df")
            #expect(abs(got.mean - 0.8136225) < 5e-8)  // samplics' published mean
        }
    }

    @Test func orderOfRespondentsDoesNotChangeABit() throws {
        let recs = FixtureTables.records(try FixtureTables.text("yrbs.csv")).dropFirst().map { $0 }
        func run(_ order: [Int]) throws -> SurveyEstimator.Estimate? {
            let r = order.map { recs[$0] }
            return try SurveyEstimator.mean(
                y: r.map { $0[3].isEmpty ? .nan : (Double($0[3])! == 1 ? 1 : 0) }, w: r.map { Double($0[0])! },
                strata: r.map { Int($0[1])! }, psu: r.map { Int($0[2])! })
        }
        let base = try run(Array(recs.indices))
        for seed: UInt64 in [1, 2, 3] {
            let shuffled = try run(FixtureTables.permutation(recs.count, seed: seed))
            #expect(shuffled?.mean.bitPattern == base?.mean.bitPattern)
            #expect(shuffled?.se?.bitPattern == base?.se?.bitPattern)
        }
    }
}
