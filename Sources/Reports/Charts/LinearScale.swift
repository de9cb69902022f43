/// Maps a data interval linearly onto a pixel interval (which may run backwards, as y does).
///
/// ```swift
/// let y = LinearScale(domain: 0...100, range: (300, 20))
/// y(50)   // 160
/// ```
struct LinearScale: Sendable, Hashable {
    let domainLower: Double
    let domainUpper: Double
    let rangeStart: Double
    let rangeEnd: Double

    init(domain: ClosedRange<Double>, range: (Double, Double)) {
        domainLower = domain.lowerBound
        domainUpper = domain.upperBound
        rangeStart = range.0
        rangeEnd = range.1
    }

    /// The pixel position of `x` (a degenerate domain maps everything to the middle).
    func callAsFunction(_ x: Double) -> Double {
        let span = domainUpper - domainLower
        guard span != 0 else { return (rangeStart + rangeEnd) / 2 }
        return rangeStart + (x - domainLower) / span * (rangeEnd - rangeStart)
    }
}
