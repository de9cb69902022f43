import ApenCore

extension IndicatorUnit {
    /// The value as drawn on an axis: shares as percentages, everything else unchanged.
    func axisValue(_ x: Double) -> Double { self == .share ? x * 100 : x }
}
