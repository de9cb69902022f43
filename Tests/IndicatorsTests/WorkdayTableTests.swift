import ApenCore
import Testing

@testable import Indicators

/// The working-day table the generator places dates with (moved here from Generate's own
/// calendar, which only wrapped this one). Dates worked out by hand from the 2024 calendar.
@Suite struct WorkdayTableTests {
    @Test(arguments: [
        // received (a Wednesday before Easter 2024), working days → answer date
        ((2024, 3, 27), 0, (2024, 3, 27)),  // same day
        ((2024, 3, 27), 1, (2024, 4, 2)),  // Thu 28, Fri 29, Sat, Sun, Mon 1.4 are not working days
        ((2024, 12, 23), 2, (2024, 12, 27)),  // Tue 24 counts, 25 and 26 do not, Fri 27
        ((2024, 5, 16), 1, (2024, 5, 21)),  // Fri 17 May, weekend, Whit Monday 20 May
        ((2024, 3, 2), 1, (2024, 3, 4)),  // received on a Saturday: next working day is Monday
    ])
    func addingWorkdays(_ from: (Int, Int, Int), _ n: Int, _ to: (Int, Int, Int)) {
        let cal = WorkdayTable(years: 2020...2025)
        let a = Day(year: from.0, month: from.1, day: from.2)!
        #expect(cal.adding(workdays: n, to: a) == Day(year: to.0, month: to.1, day: to.2)!)
    }

    @Test func christmasEveAndNewYearsEveAreWorkingDays() {
        let cal = WorkdayTable(years: 2020...2025)
        #expect(cal.isWorkingDay(Day(year: 2024, month: 12, day: 24)!))  // Tuesday
        #expect(cal.isWorkingDay(Day(year: 2024, month: 12, day: 31)!))  // Tuesday
        #expect(!cal.isWorkingDay(Day(year: 2024, month: 12, day: 25)!))
    }

    /// Outside the table's years it answers from the calendar itself: 17 May 1990 was a Thursday.
    @Test func outsideItsYearsItFallsBackToTheCalendar() {
        let cal = WorkdayTable(years: 2020...2025)
        #expect(!cal.isWorkingDay(Day(year: 1990, month: 5, day: 17)!))
        #expect(cal.isWorkingDay(Day(year: 1990, month: 5, day: 18)!))
    }
}
