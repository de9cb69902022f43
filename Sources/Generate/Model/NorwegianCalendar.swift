import ApenCore

/// Norwegian working days as METHODS.md §5 defines them: Monday–Friday except the public
/// holidays 1 January, Maundy Thursday, Good Friday, Easter Monday, 1 May, 17 May, Ascension
/// Day, Whit Monday, 25 and 26 December (24 and 31 December are ordinary working days).
///
/// The generator uses it to put most registrations on working days (and a few, on purpose,
/// on weekends and holidays) and to answer access requests a chosen number of working days
/// after receipt.
///
/// ```swift
/// let cal = NorwegianCalendar()
/// cal.isWorkingDay(Day(year: 2024, month: 5, day: 17)!)   // false: Constitution Day
/// ```
struct NorwegianCalendar: Sendable {
    /// Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher).
    static func easterSunday(_ year: Int) -> Day {
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

    /// The public holidays of `year` that METHODS §5 lists.
    static func holidays(_ year: Int) -> [Day] {
        let easter = easterSunday(year)
        return [
            Day(year: year, month: 1, day: 1)!,
            easter.adding(days: -3),  // Maundy Thursday
            easter.adding(days: -2),  // Good Friday
            easter.adding(days: 1),  // Easter Monday
            Day(year: year, month: 5, day: 1)!,
            Day(year: year, month: 5, day: 17)!,
            easter.adding(days: 39),  // Ascension Day
            easter.adding(days: 50),  // Whit Monday
            Day(year: year, month: 12, day: 25)!,
            Day(year: year, month: 12, day: 26)!,
        ]
    }

    /// Holidays of the years the generator can reach (1990–2100), as a set of raw day numbers.
    private let holidaySet: Set<Int32>

    init() {
        var s = Set<Int32>()
        for y in 1990...2100 { for d in NorwegianCalendar.holidays(y) { s.insert(d.raw) } }
        holidaySet = s
    }

    func isHoliday(_ d: Day) -> Bool { holidaySet.contains(d.raw) }

    func isWorkingDay(_ d: Day) -> Bool { d.weekday <= 5 && !holidaySet.contains(d.raw) }

    /// The day reached after `n` working days from `d` (each step goes to the next working
    /// day), so that workdays(d, result) = n in METHODS §5's sense; `n = 0` gives `d`.
    func adding(workdays n: Int, to d: Day) -> Day {
        var day = d
        var left = n
        while left > 0 {
            day = day.adding(days: 1)
            if isWorkingDay(day) { left -= 1 }
        }
        return day
    }

    /// The first working day on or after `d`.
    func workingDay(onOrAfter d: Day) -> Day {
        var day = d
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }
}
