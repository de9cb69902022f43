import ApenCore

/// Working-day counts for many requests at once: the weekday public holidays of a range of
/// years, precomputed once, so each count is two array look-ups and a binary search
/// instead of recomputing Easter per request. Same definition as `NorwegianCalendar.workdays`.
struct WorkdayTable: Sendable {
    /// Raw days of the public holidays falling Monday–Friday, ascending.
    private let holidays: [Int32]
    private let years: ClosedRange<Int>

    init(years: ClosedRange<Int>) {
        self.years = years
        var h: [Int32] = []
        for y in years {
            for d in NorwegianCalendar.publicHolidays(year: y) where d.weekday <= 5 { h.append(d.raw) }
        }
        self.holidays = h
    }

    /// Working days d with a < d ≤ b (negative when b < a).
    func workdays(from a: Int32, to b: Int32) -> Int {
        if b < a { return -workdays(from: b, to: a) }
        guard years.contains(Day(raw: a).year), years.contains(Day(raw: b).year) else {
            return NorwegianCalendar.workdays(from: Day(raw: a), to: Day(raw: b))
        }
        let weekdays = NorwegianCalendar.weekdaysUpTo(b) - NorwegianCalendar.weekdaysUpTo(a)
        return weekdays - (upperBound(b) - upperBound(a))
    }

    /// Number of holidays ≤ x.
    private func upperBound(_ x: Int32) -> Int {
        var lo = 0
        var hi = holidays.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if holidays[mid] <= x { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
