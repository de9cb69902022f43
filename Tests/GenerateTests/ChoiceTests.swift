import Testing

@testable import Generate

@Suite struct ChoiceTests {
    @Test func drawsInProportionToTheWeights() {
        // Weights 1 : 3 : 6 → expected shares 0.1, 0.3, 0.6; 100 000 draws keep each within ±0.01 (> 6 SD).
        let choice = Choice([("a", 1.0), ("b", 3), ("c", 6)])
        var rng = Xoshiro256(seed: 5)
        var counts = ["a": 0, "b": 0, "c": 0]
        let n = 100_000
        for _ in 0..<n { counts[choice.draw(&rng), default: 0] += 1 }
        #expect(abs(Double(counts["a"]!) / Double(n) - 0.1) < 0.01)
        #expect(abs(Double(counts["b"]!) / Double(n) - 0.3) < 0.01)
        #expect(abs(Double(counts["c"]!) / Double(n) - 0.6) < 0.01)
    }

    @Test func aZeroWeightIsNeverDrawn() {
        let choice = Choice([("never", 0.0), ("always", 1)])
        var rng = Xoshiro256(seed: 6)
        for _ in 0..<10_000 { #expect(choice.draw(&rng) == "always") }
    }
}
