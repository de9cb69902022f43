import ApenCore
import Testing

@testable import Generate

@Suite struct NorwegianCalendarTests {
    /// Easter Sundays from published tables (e.g. the Norwegian almanac).
    @Test(arguments: [(2015, 4, 5), (2019, 4, 21), (2021, 4, 4), (2024, 3, 31), (2025, 4, 20)])
    func easter(_ year: Int, _ month: Int, _ day: Int) {
        #expect(NorwegianCalendar.easterSunday(year) == Day(year: year, month: month, day: day)!)
    }

    @Test func holidaysOf2024() {
        // 2024: Easter 31 March → Maundy Thursday 28.3, Good Friday 29.3, Easter Monday 1.4,
        // Ascension 9.5 (Easter + 39), Whit Monday 20.5 (Easter + 50).
        let expected = [(1, 1), (3, 28), (3, 29), (4, 1), (5, 1), (5, 17), (5, 9), (5, 20), (12, 25), (12, 26)]
            .map { Day(year: 2024, month: $0.0, day: $0.1)! }
        #expect(Set(NorwegianCalendar.holidays(2024)) == Set(expected))
    }

    @Test(arguments: [
        // received (a Wednesday before Easter 2024), working days → answer date
        ((2024, 3, 27), 0, (2024, 3, 27)),  // same day
        ((2024, 3, 27), 1, (2024, 4, 2)),  // Thu 28, Fri 29, Sat, Sun, Mon 1.4 are not working days
        ((2024, 12, 23), 2, (2024, 12, 27)),  // Tue 24 counts, 25 and 26 do not, Fri 27
        ((2024, 5, 16), 1, (2024, 5, 21)),  // Fri 17 May, weekend, Whit Monday 20 May
        ((2024, 3, 2), 1, (2024, 3, 4)),  // received on a Saturday: next working day is Monday
    ])
    func addingWorkdays(_ from: (Int, Int, Int), _ n: Int, _ to: (Int, Int, Int)) {
        let cal = NorwegianCalendar()
        let a = Day(year: from.0, month: from.1, day: from.2)!
        #expect(cal.adding(workdays: n, to: a) == Day(year: to.0, month: to.1, day: to.2)!)
    }

    @Test func christmasEveAndNewYearsEveAreWorkingDays() {
        let cal = NorwegianCalendar()
        #expect(cal.isWorkingDay(Day(year: 2024, month: 12, day: 24)!))  // Tuesday
        #expect(cal.isWorkingDay(Day(year: 2024, month: 12, day: 31)!))  // Tuesday
        #expect(!cal.isWorkingDay(Day(year: 2024, month: 12, day: 25)!))
    }
}
