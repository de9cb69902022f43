import Testing

@testable import Reports

/// Expected ticks follow Heckbert's algorithm by hand: range → nice(range), step →
/// nice(range/(count−1), rounded), bounds widened to multiples of the step.
@Suite struct NiceTicksTests {
    @Test(arguments: [
        // 3…97, 5 ticks: nice(94) = 100, 100/4 = 25 → round → 20; 0…100.
        (3.0, 97.0, 5, [0.0, 20, 40, 60, 80, 100], 0),
        // 0…0.92: nice(0.92) = 1, 1/4 = 0.25 → 0.2; 0…1.
        (0.0, 0.92, 5, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0], 1),
        // 52.1…71.3: nice(19.2) = 20, 20/4 = 5 → 5; 50…75.
        (52.1, 71.3, 5, [50.0, 55, 60, 65, 70, 75], 0),
        // −3…7: nice(10) = 10, 10/4 = 2.5 → 2 (2.5 < 3); −4…8.
        (-3.0, 7.0, 5, [-4.0, -2, 0, 2, 4, 6, 8], 0),
        // 0…620, 6 ticks: nice(620) = 1000, 1000/5 = 200 → 200; 0…800.
        (0.0, 620.0, 6, [0.0, 200, 400, 600, 800], 0),
    ])
    func ticks(_ lo: Double, _ hi: Double, _ count: Int, _ expected: [Double], _ digits: Int) {
        let t = NiceTicks(min: lo, max: hi, count: count)
        #expect(t.values.count == expected.count)
        for (a, b) in zip(t.values, expected) { #expect(abs(a - b) < 1e-9) }
        #expect(t.fractionDigits == digits)
        #expect(t.lower <= lo && t.upper >= hi)
    }

    @Test func singleValueGetsARange() {
        let t = NiceTicks(min: 5, max: 5)
        #expect(t.lower < 5 && t.upper > 5)
        let z = NiceTicks(min: 0, max: 0)
        #expect(z.lower <= -1 && z.upper >= 1)
    }

    @Test func tickLabelsPrintExactly() {
        // 0.1 × 3 is 0.30000000000000004 in binary; the label must still read 0,3.
        let t = NiceTicks(min: 0, max: 0.5, count: 6)
        let labels = t.values.map { DisplayNumber.decimal($0, digits: t.fractionDigits, language: .nb) }
        #expect(labels == ["0,0", "0,1", "0,2", "0,3", "0,4", "0,5"])
    }
}
