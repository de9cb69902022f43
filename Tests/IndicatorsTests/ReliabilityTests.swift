import Testing

@testable import Indicators

struct ReliabilityTests {
    // Items [1,2,3] and [1,3,2]: s₁² = s₂² = 1, T = [2,5,5], mean 4, s_T² = (4+1+1)/2 = 3.
    // α = 2/1·(1 − 2/3) = 2/3.
    @Test func twoItemsByHand() {
        #expect(close(Reliability.cronbachAlpha(items: [[1, 2, 3], [1, 3, 2]]), 2.0 / 3.0))
    }

    // Three identical items [1,2,3,4]: sⱼ² = 5/3 each, T = 3x, s_T² = 9·5/3 = 15.
    // α = 3/2·(1 − 5/15) = 1.
    // Row 5 has a missing item and is left out.
    @Test func identicalItemsGiveOne() {
        let a = Reliability.alpha(items: [[1, 2, 3, 4, 5], [1, 2, 3, 4, .nan], [1, 2, 3, 4, 5]])
        #expect(close(a?.alpha, 1))
        #expect(a?.n == 4)
    }

    // Items [1,2] and [2,1]: s₁² = s₂² = 0.5, T = [3,3], s_T² = 0 → undefined.
    @Test func undefinedCases() {
        #expect(Reliability.cronbachAlpha(items: [[1, 2], [2, 1]]) == nil)
        #expect(Reliability.cronbachAlpha(items: [[1, 2, 3]]) == nil)  // k = 1
        #expect(Reliability.cronbachAlpha(items: [[1, .nan], [2, 3]]) == nil)  // one complete case
    }

    // Negative alpha is possible and kept: items [1,2,3] and [3,2,1]+[0,0,1] = [3,2,2]:
    // s₁² = 1, s₂² = 1/3, T = [4,4,5], s_T² = 1/3, α = 2·(1 − (4/3)/(1/3)) = 2·(1 − 4) = −6.
    @Test func negativeAlpha() {
        #expect(close(Reliability.cronbachAlpha(items: [[1, 2, 3], [3, 2, 2]]), -6))
    }

    /// The counting path for whole numbers makes the same additions in the same order as the
    /// sorted path: bit-identical variances. The reference here sorts, as the code did before.
    @Test func wholeNumberVarianceIsBitIdenticalToTheSortedSum() {
        func sortedVariance(_ x: [Double]) -> Double {
            let sorted = x.sorted()
            var s = StableSum()
            for v in sorted { s.add(v) }
            let mean = s.value / Double(sorted.count)
            var ss = StableSum()
            for v in sorted { ss.add((v - mean) * (v - mean)) }
            return ss.value / Double(sorted.count - 1)
        }
        var state: UInt64 = 12345
        func next(_ n: UInt64) -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double((state >> 33) % n)
        }
        for size in [2, 3, 17, 250, 1001] {
            let likert = (0..<size).map { _ in 1 + next(5) }
            let totals = (0..<size).map { _ in next(40) - 7 }
            for x in [likert, totals] {
                #expect(WholeCounts(x) != nil)
                #expect(Reliability.sampleVariance(x).bitPattern == sortedVariance(x).bitPattern)
            }
            // Not whole, too wide, or −0: the sort decides.
            #expect(WholeCounts(likert.map { $0 + 0.5 }) == nil)
            #expect(WholeCounts(likert + [1e6]) == nil)
            #expect(WholeCounts(likert + [-0.0]) == nil)
        }
        // By hand: [1, 2, 2, 5] has mean 2.5 and squared deviations 2.25 + 0.25 + 0.25 + 6.25 = 9, /3 = 3.
        #expect(Reliability.sampleVariance([5, 2, 1, 2]) == 3)
    }
}
