import Testing

@testable import Reports

/// The intervals of a change (METHODS.md §9) against statsmodels 0.15.0 and scipy 1.17.1:
/// every expected number below is from Reference/change_intervals.txt, the output of
/// Reference/change_intervals.py (`confint_proportions_2indep(method="newcomb")`,
/// `proportion_confint(method="wilson")`, `scipy.stats.t.ppf`), not from this code.
@Suite struct ChangeIntervalTests {
    static func close(_ a: Double, _ b: Double, _ tol: Double = 1e-12) -> Bool { abs(a - b) <= tol }

    struct NewcombeCase: Sendable, CustomStringConvertible {
        var x: Int, n: Int, x0: Int, n0: Int
        var d: Double, low: Double, high: Double, clear: Bool
        var description: String { "\(x)/\(n) vs \(x0)/\(n0)" }
    }

    static let newcombeCases: [NewcombeCase] = [
        // Steinkjer's exempt share in the example, 3/12 in 2024 against 1/12 in 2023: not clear.
        .init(
            x: 3, n: 12, x0: 1, n0: 12, d: 0.16666666666666669, low: -0.14819082005263273, high: 0.45715625662457116,
            clear: false),
        // n = min_n (5) and p = 1 in the latest year.
        .init(x: 5, n: 5, x0: 3, n0: 5, d: 0.4, low: -0.11818243828697239, high: 0.7692757187239871, clear: false),
        // p = 0 in the latest year.
        .init(x: 0, n: 20, x0: 6, n0: 20, d: -0.3, low: -0.5189728183535234, high: -0.07675439889831562, clear: true),
        // p = 1 in the latest year.
        .init(x: 20, n: 20, x0: 12, n0: 20, d: 0.4, low: 0.1575285805124466, high: 0.6134184992377469, clear: true),
        // Equal values.
        .init(x: 7, n: 10, x0: 7, n0: 10, d: 0, low: -0.35900931567630795, high: 0.35900931567630795, clear: false),
        .init(x: 0, n: 5, x0: 0, n0: 5, d: 0, low: -0.43448246478317487, high: 0.43448246478317487, clear: false),
        .init(
            x: 45, n: 57, x0: 30, n0: 56, d: 0.25375939849624063, low: 0.07950826918329276, high: 0.4084040067676453,
            clear: true),
        .init(
            x: 8, n: 55, x0: 11, n0: 55, d: -0.054545454545454564, low: -0.1965654332589069, high: 0.0890804297678214,
            clear: false),
    ]

    @Test(arguments: newcombeCases) func newcombeAgreesWithStatsmodels(_ c: NewcombeCase) {
        let i = ChangeInterval.newcombe(count: c.x, n: c.n, previousCount: c.x0, previousN: c.n0)
        #expect(Self.close(i.change, c.d))
        #expect(Self.close(i.low, c.low))
        #expect(Self.close(i.high, c.high))
        #expect(i.isClear == c.clear)
        #expect(i.method == .newcombe)
    }

    @Test func wilsonAgreesWithStatsmodels() {
        let a = ChangeInterval.wilson(count: 3, n: 12)
        #expect(Self.close(a.low, 0.08894166839405476) && Self.close(a.high, 0.5323053349335658))
        let zero = ChangeInterval.wilson(count: 0, n: 20)
        #expect(Self.close(zero.low, 0) && Self.close(zero.high, 0.1611251580528194))
        let all = ChangeInterval.wilson(count: 20, n: 20)
        #expect(Self.close(all.low, 0.8388748419471804) && Self.close(all.high, 1))
    }

    struct TCase: Sendable, CustomStringConvertible {
        var v: Double, se: Double, df: Int?, v0: Double, se0: Double, df0: Int?
        var d: Double, low: Double, high: Double, clear: Bool
        var description: String { "\(v)±\(se) (\(df.map(String.init) ?? "-")) vs \(v0)±\(se0)" }
    }

    static let tCases: [TCase] = [
        // df = min(20, 12) = 12, t = 2.1788128296672284.
        .init(
            v: 55.6, se: 4, df: 20, v0: 41.2, se0: 3.5, df0: 12, d: 14.399999999999999, low: 2.8194509609901868,
            high: 25.98054903900981, clear: true),
        // df = 1, t = 12.706204736174694.
        .init(
            v: 62, se: 3, df: 1, v0: 50, se0: 2, df0: 30, d: 12, low: -33.812872692821244, high: 57.812872692821244,
            clear: false),
        // No df in either row: z = 1.959963984540054.
        .init(
            v: 0.55, se: 0.04, df: nil, v0: 0.41, se0: 0.05, df0: nil, d: 0.14000000000000007,
            low: 0.014501071060961268, high: 0.26549892893903887, clear: true),
        // One df (40): t = 2.021075390306273.
        .init(
            v: 0.55, se: 0.04, df: nil, v0: 0.41, se0: 0.05, df0: 40, d: 0.14000000000000007, low: 0.010588031826508554,
            high: 0.26941196817349156, clear: true),
        // Equal values.
        .init(
            v: 48, se: 2.5, df: 9, v0: 48, se0: 2.5, df0: 9, d: 0, low: -7.997933349621658, high: 7.997933349621658,
            clear: false),
        // Just not clear: the interval reaches −0.015.
        .init(
            v: 70, se: 1, df: 5, v0: 66, se0: 1.2, df0: 7, d: 4, low: -0.015377189734011587, high: 8.01537718973401,
            clear: false),
    ]

    @Test(arguments: tCases) func tDifferenceAgreesWithScipy(_ c: TCase) throws {
        let i = try #require(
            ChangeInterval.tDifference(
                value: c.v, se: c.se, df: c.df, previousValue: c.v0, previousSE: c.se0, previousDF: c.df0))
        #expect(Self.close(i.change, c.d))
        #expect(Self.close(i.low, c.low, 1e-9))
        #expect(Self.close(i.high, c.high, 1e-9))
        #expect(i.isClear == c.clear)
    }

    @Test func noIntervalBelowOneDegreeOfFreedom() {
        #expect(
            ChangeInterval.tDifference(value: 1, se: 1, df: 0, previousValue: 0, previousSE: 1, previousDF: 5) == nil)
    }

    @Test func strengthIsTheChangeOverTheHalfWidth() {
        // [2, 10] around d = 6: half-width 4, strength 1.5.
        let i = ChangeInterval(change: 6, low: 2, high: 10, method: .tDifference, df: nil, halfWidth: 4)
        #expect(i.strength == 1.5)
    }
}
