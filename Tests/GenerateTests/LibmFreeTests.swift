import Foundation
import Testing

@testable import Generate

@Suite struct LibmFreeTests {
    @Test(arguments: [0.1, 2.5, 7.3, 12.9, 19.99])
    func exp2AndLog2MatchTheLibrary(_ x: Double) {
        // Foundation's pow/log2 are the reference (the generator avoids libm only for bit-reproducibility).
        let expected = Foundation.pow(2, x)
        #expect(abs(exp2Approx(x) - expected) / expected < 1e-9)
        #expect(abs(log2Approx(expected) - Foundation.log2(expected)) < 1e-9)
    }
}
