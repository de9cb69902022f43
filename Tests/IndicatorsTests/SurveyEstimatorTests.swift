import ApenCore
import Foundation
import Testing

@testable import Indicators

struct SurveyEstimatorTests {
    // y = [1, 0, 1, 1], w = [2, 1, 1, 1]: Σw = 5, Σwy = 4, ȳ = 0.8.
    // z = w(y − ȳ)/Σw = [0.08, −0.16, 0.04, 0.04]; Σz² = 0.0064+0.0256+0.0016+0.0016 = 0.0352.
    // No design: SE² = n/(n−1)·Σz² = 4/3·0.0352 = 0.0469333…, SE = 0.216641…
    @Test func noDesignByHand() throws {
        let e = try #require(try SurveyEstimator.mean(y: [1, 0, 1, 1], w: [2, 1, 1, 1]))
        #expect(close(e.mean, 0.8))
        #expect(e.n == 4)
        #expect(close(e.se, (4.0 / 3.0 * 0.0352).squareRoot()))
        let ci = try #require(e.interval)
        #expect(close(ci.low, 0.8 - 1.959963984540054 * (4.0 / 3.0 * 0.0352).squareRoot()))
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

    /// samplics' published test values on the YRBS extract (MIT, samplics repository):
    /// y = (qn8 == 1), respondents with a missing qn8 left out.
    @Test func yrbsMatchesSamplics() throws {
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
        let plain = try #require(try SurveyEstimator.mean(y: y, w: w))
        #expect(abs(plain.mean - 0.8136225) < 5e-8)
        #expect(abs(plain.se! - 0.0066567) < 5e-8)
        let clustered = try #require(try SurveyEstimator.mean(y: y, w: w, psu: psu))
        #expect(abs(clustered.se! - 0.0202856) < 5e-8)
        let stratified = try #require(try SurveyEstimator.mean(y: y, w: w, strata: strata, psu: psu))
        #expect(abs(stratified.mean - 0.8136225) < 5e-8)
        #expect(abs(stratified.se! - 0.0198621) < 5e-8)
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
