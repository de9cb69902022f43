import Testing

@testable import Generate

/// Reference values from `bench/prng_reference.py`, an independent Python transcription of
/// the published C algorithms; SplitMix64(0) also matches the values quoted with Vigna's code.
@Suite struct Xoshiro256Tests {
    @Test func splitMix64MatchesReference() {
        var s = SplitMix64(seed: 0)
        #expect(s.next() == 0xE220_A839_7B1D_CDAF)
        #expect(s.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(s.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func xoshiroMatchesReference() {
        var x = Xoshiro256(seed: 42)
        #expect(x.next() == 0x1578_0B2E_0C2E_C716)
        #expect(x.next() == 0x6104_D986_6D11_3A7E)
        #expect(x.next() == 0xAE17_5332_39E4_99A1)
    }

    @Test(arguments: [1, 2, 7, 1000])
    func belowStaysInRange(_ n: Int) {
        var x = Xoshiro256(seed: UInt64(n))
        var seen = Set<Int>()
        for _ in 0..<5000 {
            let v = x.below(n)
            #expect(v >= 0 && v < n)
            seen.insert(v)
        }
        if n <= 7 { #expect(seen.count == n) }
    }

    @Test func normalHasMeanZeroAndUnitVariance() {
        // Irwin–Hall(4) rescaled: mean 0, variance 1 exactly; 200 000 draws give ±0.01 easily.
        var x = Xoshiro256(seed: 7)
        var sum = 0.0
        var sum2 = 0.0
        let n = 200_000
        for _ in 0..<n {
            let v = x.normal()
            sum += v
            sum2 += v * v
        }
        let mean = sum / Double(n)
        #expect(abs(mean) < 0.01)
        #expect(abs(sum2 / Double(n) - mean * mean - 1) < 0.02)
    }

    @Test func powerLawHasTheDesignedShape() {
        // r = 0.42: P(1) = 1 − r = 0.58; P(2 or 3) = (1 − r)·r = 0.2436.
        var x = Xoshiro256(seed: 11)
        var ones = 0
        var twoThree = 0
        let n = 100_000
        for _ in 0..<n {
            let v = x.powerLaw(r: 0.42, maxTier: 8)
            #expect(v >= 1 && v < 512)
            if v == 1 { ones += 1 } else if v < 4 { twoThree += 1 }
        }
        #expect(abs(Double(ones) / Double(n) - 0.58) < 0.01)
        #expect(abs(Double(twoThree) / Double(n) - 0.2436) < 0.01)
    }
}
