import ApenCore

/// Norwegian public holidays and working days (METHODS.md §5), by integer day arithmetic.
///
/// Working days are Monday–Friday except the public holidays that can fall on a weekday:
/// 1 January, Maundy Thursday, Good Friday, Easter Monday, 1 May, 17 May, Ascension Day,
/// Whit Monday, 25 and 26 December. Easter Sunday and Whit Sunday are public holidays too
/// (so `isPublicHoliday` is true for them), but they are Sundays and never change a count.
/// 24 and 31 December are ordinary working days. Easter comes from the Gregorian computus.
///
/// ```swift
/// let received = Day(year: 2024, month: 3, day: 27)!   // Wednesday before Easter
/// let answered = Day(year: 2024, month: 4, day: 2)!    // Tuesday after Easter Monday
/// NorwegianCalendar.workdays(from: received, to: answered)  // 1 (only 2 April counts)
/// ```
package enum NorwegianCalendar {
    /// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
    ///
    /// - Precondition: `year` in 1583…9999.
    package static func easterSunday(year: Int) -> Day {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day)!
    }

    /// The public holidays of `year`, ascending, without duplicates (Ascension Day can be
    /// 1 or 17 May, Whit Monday 17 May). Includes Easter Sunday and Whit Sunday.
    package static func publicHolidays(year: Int) -> [Day] {
        let easter = easterSunday(year: year)
        var days: [Day] = [
            Day(year: year, month: 1, day: 1)!,
            easter.adding(days: -3),  // Maundy Thursday (skjærtorsdag)
            easter.adding(days: -2),  // Good Friday (langfredag)
            easter,  // Easter Sunday (første påskedag)
            easter.adding(days: 1),  // Easter Monday (andre påskedag)
            Day(year: year, month: 5, day: 1)!,
            Day(year: year, month: 5, day: 17)!,
            easter.adding(days: 39),  // Ascension Day (Kristi himmelfartsdag)
            easter.adding(days: 49),  // Whit Sunday (første pinsedag)
            easter.adding(days: 50),  // Whit Monday (andre pinsedag)
            Day(year: year, month: 12, day: 25)!,
            Day(year: year, month: 12, day: 26)!,
        ]
        days.sort()
        var unique: [Day] = []
        for d in days where unique.last != d { unique.append(d) }
        return unique
    }

    /// Whether `d` is a Norwegian public holiday (see the type's summary for the list).
    package static func isPublicHoliday(_ d: Day) -> Bool {
        publicHolidays(year: d.year).contains(d)
    }

    /// Whether `d` is a working day: Monday–Friday and not a public holiday.
    package static func isWorkday(_ d: Day) -> Bool {
        d.weekday <= 5 && !isPublicHoliday(d)
    }

    /// The number of working days `d` with `a < d ≤ b` (METHODS.md §5): an answer on the day of
    /// receipt is 0, an answer the next working day is 1. Negative (−workdays(b, a)) when `b < a`.
    ///
    /// - Complexity: O(years spanned), independent of the number of days.
    package static func workdays(from a: Day, to b: Day) -> Int {
        if b < a { return -workdays(from: b, to: a) }
        var count = weekdaysUpTo(b.raw) - weekdaysUpTo(a.raw)
        for year in a.year...b.year {
            for h in publicHolidays(year: year) where h > a && h <= b && h.weekday <= 5 {
                count -= 1
            }
        }
        return count
    }

    /// A cumulative count of Monday–Friday days up to and including `raw`, shifted by a
    /// constant: differences give the number of weekdays in a half-open range (a, b].
    static func weekdaysUpTo(_ raw: Int32) -> Int {
        // Day −3 (1969-12-29) is a Monday: t = days since that Monday.
        let t = Int(raw) + 3
        let weeks = floorDiv(t, 7)
        let r = t - weeks * 7  // 0 = Monday … 6 = Sunday
        return weeks * 5 + min(r + 1, 5)
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
