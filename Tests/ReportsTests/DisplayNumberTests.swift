import ApenCore
import Testing

@testable import Reports

/// Expected strings are written by hand: bokmål uses a decimal comma, U+00A0 between digit
/// groups and before `%`, and U+2212 as minus; English a decimal point, `,` groups, `-`.
@Suite struct DisplayNumberTests {
    static let nbsp = "\u{00A0}"

    @Test(arguments: [
        (1234.0, 0, Language.nb, "1\u{00A0}234"),
        (1234.0, 0, .en, "1,234"),
        (1234567.891, 2, .nb, "1\u{00A0}234\u{00A0}567,89"),
        (1234567.891, 2, .en, "1,234,567.89"),
        (999.96, 1, .nb, "1\u{00A0}000,0"),  // carry across the group boundary
        (123.0, 0, .en, "123"),
        (0.0, 1, .nb, "0,0"),
        (-0.04, 1, .nb, "0,0"),  // rounds to zero: no minus sign
        (-2.35, 1, .nb, "\u{2212}2,4"),  // half-up on the decimal text 2.35
        (-2.35, 1, .en, "-2.4"),
        (2.675, 2, .en, "2.68"),  // shortest text is "2.675" → half-up → 2.68 (binary value is 2.67499…)
        (1e-05, 3, .en, "0.000"),
        (0.0005, 3, .en, "0.001"),
        (1.5e20, 0, .en, "150,000,000,000,000,000,000"),
        (9.995, 2, .nb, "10,00"),  // shortest "9.995" rounds up with carry
    ])
    func decimal(_ x: Double, _ digits: Int, _ language: Language, _ expected: String) {
        #expect(DisplayNumber.decimal(x, digits: digits, language: language) == expected)
    }

    @Test(arguments: [
        (0.625, Language.nb, "62,5\u{00A0}%"),
        (0.625, .en, "62.5%"),
        (1.0, .nb, "100,0\u{00A0}%"),
        (0.0, .en, "0.0%"),
        (0.12345, .en, "12.3%"),
        (0.00049, .nb, "0,0\u{00A0}%"),
    ])
    func percent(_ share: Double, _ language: Language, _ expected: String) {
        #expect(DisplayNumber.percent(share: share, language: language) == expected)
    }

    @Test(arguments: [
        (0.92, IndicatorUnit.share, Language.nb, "92,0\u{00A0}%"),
        (64.04, .index, .nb, "64,0"),
        (1234.0, .count, .nb, "1\u{00A0}234"),
        (1234.0, .count, .en, "1,234"),
        (3.25, .workdays, .en, "3.3"),  // days with one decimal; "3.25" half-up
        (6.5, .days, .nb, "6,5"),
        (0.4812, .coefficient, .en, "0.48"),
        (2.0, .rank, .nb, "2"),
        (2.5, .rank, .nb, "2,5"),
        (14.26, .perThousand, .en, "14.3"),
    ])
    func valueByUnit(_ x: Double, _ unit: IndicatorUnit, _ language: Language, _ expected: String) {
        #expect(DisplayNumber.value(x, unit: unit, language: language) == expected)
    }

    @Test(arguments: [
        (0.03, IndicatorUnit.share, Language.nb, "+3,0 prosentpoeng"),
        (-0.021, .share, .en, "-2.1 percentage points"),
        (2.8, .index, .nb, "+2,8"),
        (-0.11, .coefficient, .nb, "\u{2212}0,11"),
        (0.00001, .index, .en, "0.0"),
    ])
    func change(_ delta: Double, _ unit: IndicatorUnit, _ language: Language, _ expected: String) {
        #expect(DisplayNumber.change(delta, unit: unit, language: language) == expected)
    }

    @Test(arguments: [
        // 0.4812 → 0,48 and 0.3756 → 0,38 are shown; the reader's change is −0,10, not −0,1056 → −0,11.
        (0.4812, 0.3756, IndicatorUnit.coefficient, "\u{2212}0,10"),
        // Shares: 65.04 % → 65,0 %, 68.06 % → 68,1 % → +3,1 prosentpoeng.
        (0.6504, 0.6806, .share, "+3,1 prosentpoeng"),
    ])
    func shownChange(_ a: Double, _ b: Double, _ unit: IndicatorUnit, _ expected: String) {
        #expect(DisplayNumber.shownChange(from: a, to: b, unit: unit, language: .nb) == expected)
    }

    @Test(arguments: [(12.0, "12"), (12.345, "12.35"), (0.1 + 0.2, "0.3"), (-3.0, "-3"), (1234.5, "1234.5")])
    func coordinate(_ x: Double, _ expected: String) {
        #expect(DisplayNumber.coordinate(x) == expected)
    }
}
