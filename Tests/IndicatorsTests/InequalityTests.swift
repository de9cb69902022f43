import Testing

@testable import Indicators

struct InequalityTests {
    // G = 2·Σ i·x₍ᵢ₎ / (n·Σx) − (n+1)/n (METHODS §3).
    // [1,1,1,5]: Σix = 1+2+3+20 = 26, Σx = 8, G = 52/32 − 5/4 = 0.375.
    // [3,3]: Σix = 3+6 = 9, G = 18/12 − 3/2 = 0.
    // [0,0,0,4]: Σix = 16, Σx = 4, G = 32/16 − 5/4 = 0.75 (= (n−1)/n, the maximum for n = 4).
    // [2,1]: sorted [1,2], Σix = 5, Σx = 3, G = 10/6 − 3/2 = 1/6.
    @Test(arguments: [([1.0, 1, 1, 5], 0.375), ([3.0, 3], 0.0), ([0.0, 0, 0, 4], 0.75), ([2.0, 1], 1.0 / 6)])
    func giniByHand(x: [Double], expected: Double) {
        #expect(close(Inequality.gini(x), expected, abs: 1e-15))
        #expect(close(Inequality.gini(sortedCounts: x.sorted().map { Int($0) }), expected, abs: 1e-15))
    }

    @Test func undefinedCases() {
        #expect(Inequality.gini([5]) == nil)
        #expect(Inequality.gini([]) == nil)
        #expect(Inequality.gini([0, 0]) == nil)
        #expect(Inequality.gini([1, -1, 3]) == nil)
        #expect(Inequality.gini([1, .nan]) == nil)
        #expect(Inequality.gini(sortedCounts: [4]) == nil)
    }

    @Test func orderDoesNotChangeABit() {
        let x: [Double] = (0..<500).map { (i: Int) -> Double in
            let a = Double((i * 7919) % 97)
            return a + 0.1 * Double(i % 13)
        }
        let g = Inequality.gini(x)!
        for seed: UInt64 in 1...3 {
            let shuffled = FixtureTables.permutation(x.count, seed: seed).map { x[$0] }
            #expect(Inequality.gini(shuffled)!.bitPattern == g.bitPattern)
        }
    }
}
