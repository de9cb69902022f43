import ApenCore

/// Numbers every cell densely: group (m, y) is slot m·Y + (y − minYear); the breakdown cell
/// (group, b) is slot M·Y + group·B + b. Slots make the per-row lookup an array read instead of
/// a hash of (municipality, year, breakdown).
struct CustomSlotSpace: Sendable {
    let municipalities: Int
    let minYear: Int
    let yearCount: Int
    let breakdowns: Int
    /// M·Y: the first breakdown slot.
    let groups: Int
    /// M·Y·(1 + B): every possible slot.
    let count: Int

    /// - Throws: `Diagnostic` when the slot count overflows (an absurd number of values).
    init(municipalities: Int, years: ClosedRange<Int>, breakdowns: Int, location: SourceLocation) throws {
        self.municipalities = municipalities
        minYear = years.lowerBound
        yearCount = years.upperBound - years.lowerBound + 1
        self.breakdowns = breakdowns
        let (g, o1) = municipalities.multipliedReportingOverflow(by: yearCount)
        let (c, o2) = g.multipliedReportingOverflow(by: 1 + breakdowns)
        guard !o1, !o2 else {
            throw Diagnostic(
                location,
                "too many groups: \(municipalities) municipalities × \(yearCount) years × \(breakdowns) breakdown values"
            )
        }
        groups = g
        count = c
    }

    @inline(__always) func group(municipality m: Int32, year y: Int32) -> Int {
        Int(m) * yearCount + (Int(y) - minYear)
    }

    @inline(__always) func breakdown(group g: Int, value b: Int32) -> Int { groups + g * breakdowns + Int(b) }

    /// (municipality, year, breakdown or nil) of a slot.
    func decode(_ slot: Int) -> (municipality: Int, year: Int, breakdown: Int?) {
        if slot < groups { return (slot / yearCount, slot % yearCount + minYear, nil) }
        let rest = slot - groups
        let g = rest / breakdowns
        return (g / yearCount, g % yearCount + minYear, rest % breakdowns)
    }
}
