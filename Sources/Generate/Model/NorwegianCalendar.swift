import ApenCore
import Indicators

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
    /// The public holidays of `year` that METHODS §5 lists: the indicators' calendar
    /// (`Indicators.NorwegianCalendar`, one computus for the whole project) without its two
    /// Sundays, Easter Sunday and Whit Sunday, which are never working days anyway.
    static func holidays(_ year: Int) -> [Day] {
        let easter = Indicators.NorwegianCalendar.easterSunday(year: year)
        return Indicators.NorwegianCalendar.publicHolidays(year: year).filter {
            $0 != easter && $0 != easter.adding(days: 49)
        }
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
