import ApenCore

/// Working days for many dates at once: the weekday public holidays of a range of years,
/// precomputed once, so each count is two array look-ups and a binary search instead of
/// recomputing Easter per request. Same definition as `NorwegianCalendar.workdays` (METHODS §5).
/// The indicators count with it; the generator places dates with it.
///
/// ```swift
/// let table = WorkdayTable(years: 2015...2024)
/// table.isWorkingDay(Day(year: 2024, month: 5, day: 17)!)          // false: Constitution Day
/// table.adding(workdays: 2, to: Day(year: 2024, month: 3, day: 27)!) // 2024-04-03 (Easter)
/// ```
package struct WorkdayTable: Sendable {
    /// Raw days of the public holidays falling Monday–Friday, ascending.
    private let holidays: [Int32]
    private let years: ClosedRange<Int>

    package init(years: ClosedRange<Int>) {
        self.years = years
        var h: [Int32] = []
        for y in years {
            for d in NorwegianCalendar.publicHolidays(year: y) where d.weekday <= 5 { h.append(d.raw) }
        }
        self.holidays = h
    }

    /// Whether `d` is a working day: Monday–Friday and not a public holiday.
    package func isWorkingDay(_ d: Day) -> Bool {
        guard d.weekday <= 5 else { return false }
        guard years.contains(d.year) else { return NorwegianCalendar.isWorkday(d) }
        return upperBound(d.raw) == upperBound(d.raw - 1)
    }

    /// The day reached after `n` working days from `d` (each step goes to the next working
    /// day), so that `workdays(from: d, to: result) == n`; `n = 0` gives `d`.
    package func adding(workdays n: Int, to d: Day) -> Day {
        var day = d
        var left = n
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// The first working day on or after `d`.
    package func workingDay(onOrAfter d: Day) -> Day {
        var day = d
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
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
