import ApenCore
import Testing

@testable import Indicators

/// METHODS §1: bit-identical results whatever the number of workers and the order of rows.
struct DeterminismTests {
    private func bits(_ rows: [IndicatorRow]) -> [String] {
        rows.map { r in
            [
                r.indicator, r.municipality, String(r.year), String(r.value.bitPattern), String(r.n),
                r.se.map { String($0.bitPattern) } ?? "-", r.ciLow.map { String($0.bitPattern) } ?? "-",
                r.ciHigh.map { String($0.bitPattern) } ?? "-",
            ].joined(separator: "|")
        }
    }

    @Test(arguments: [1, 2, 3, 8])
    func jobsDoNotChangeABit(jobs: Int) throws {
        let inputs = try BuiltinIndicatorsReferenceTests.inputs()
        let one = try BuiltinIndicators.computeAll(inputs: inputs, jobs: 1)
        let many = try BuiltinIndicators.computeAll(inputs: inputs, jobs: jobs)
        #expect(bits(one.rows) == bits(many.rows))
        #expect(one.warnings == many.warnings)
    }

    @Test(arguments: [UInt64(7), 11, 2026])
    func shuffledRowsDoNotChangeABit(seed: UInt64) throws {
        let base = try BuiltinIndicators.computeAll(inputs: try BuiltinIndicatorsReferenceTests.inputs(), jobs: 2)
        let shuffled = try BuiltinIndicators.computeAll(
            inputs: try BuiltinIndicatorsReferenceTests.inputs(shuffle: seed), jobs: 3)
        #expect(bits(base.rows) == bits(shuffled.rows))
        #expect(base.warnings.map(\.description) == shuffled.warnings.map(\.description))
    }
}
