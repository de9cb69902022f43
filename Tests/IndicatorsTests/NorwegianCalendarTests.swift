import ApenCore
import Testing

@testable import Indicators

struct NorwegianCalendarTests {
    private func d(_ s: String) -> Day { FixtureTables.day(s) }

    // Easter Sundays from published tables (e.g. the Norwegian almanac): 2019-04-21,
    // 2024-03-31, 2025-04-20, 2038-04-25 (latest possible), 2285-03-22 (earliest possible).
    @Test(arguments: [
        (2019, "2019-04-21"), (2024, "2024-03-31"), (2025, "2025-04-20"),
        (2038, "2038-04-25"), (2285, "2285-03-22"), (2000, "2000-04-23"),
    ])
    func easter(year: Int, date: String) {
        #expect(NorwegianCalendar.easterSunday(year: year) == d(date))
    }

    /// The holidays of the PyPI `holidays` package (Norway, include_sundays=False), 2015–2030.
    @Test func publicHolidaysMatchTheHolidaysPackage() throws {
        let recs = FixtureTables.records(try FixtureTables.text("reference/norway_holidays_2015_2030.csv")).dropFirst()
        var expected: [Int: Set<Day>] = [:]
        for r in recs { expected[d(r[0]).year, default: []].insert(d(r[0])) }
        #expect(expected.count == 16)
        for year in 2015...2030 {
            #expect(Set(NorwegianCalendar.publicHolidays(year: year)) == expected[year], "\(year)")
        }
    }

    // 2012: Easter 8 April, so Ascension Day = 17 May; 2008: Easter 23 March, Ascension = 1 May.
    @Test func coincidingHolidaysAreListedOnce() {
        #expect(NorwegianCalendar.publicHolidays(year: 2012).count == 11)
        #expect(NorwegianCalendar.publicHolidays(year: 2008).count == 11)
        #expect(NorwegianCalendar.publicHolidays(year: 2024).count == 12)
    }

    @Test(arguments: [
        ("2024-12-24", true), ("2024-12-31", true),  // ordinary working days (METHODS §5)
        ("2024-12-25", false), ("2024-05-17", false), ("2024-05-09", false),  // Christmas, 17 May, Ascension
        ("2024-03-28", false), ("2024-04-01", false), ("2024-05-20", false),  // Maundy Thu, Easter Mon, Whit Mon
        ("2024-06-01", false), ("2024-06-02", false), ("2024-06-03", true),  // Sat, Sun, Mon
    ])
    func workdayFlags(date: String, isWorkday: Bool) {
        #expect(NorwegianCalendar.isWorkday(d(date)) == isWorkday)
    }

    // Worked by hand from a 2024 calendar:
    // Wed 27 Mar → Tue 2 Apr: 28 Thu (holiday), 29 Fri (holiday), 30–31 weekend, 1 Apr Easter Mon, 2 Apr = 1.
    // Fri 3 May → Fri 17 May: 6,7,8 (3), 9 Ascension, 10 (4), 13,14,15,16 (8), 17 holiday = 8.
    // Mon 23 Dec → Thu 2 Jan 2025: 24 (1), 25–26 holidays, 27 (2), 30, 31 (4), 1 Jan holiday, 2 Jan (5) = 5.
    // Same day = 0; Fri → Mon = 1; Sat → Sun = 0.
    @Test(arguments: [
        ("2024-03-27", "2024-04-02", 1), ("2024-05-03", "2024-05-17", 8), ("2024-12-23", "2025-01-02", 5),
        ("2024-06-05", "2024-06-05", 0), ("2024-06-07", "2024-06-10", 1), ("2024-06-08", "2024-06-09", 0),
        ("2024-06-10", "2024-06-07", -1),
    ])
    func workdaysByHand(from: String, to: String, expected: Int) {
        #expect(NorwegianCalendar.workdays(from: d(from), to: d(to)) == expected)
    }

    /// The arithmetic count and the bulk table agree with counting day by day.
    @Test func workdaysAgreeWithCountingDayByDay() {
        let start = d("2023-12-01")
        let table = WorkdayTable(years: 2023...2025)
        var cumulative = [0]
        for k in 1...500 {
            cumulative.append(cumulative[k - 1] + (NorwegianCalendar.isWorkday(start.adding(days: k)) ? 1 : 0))
        }
        for a in stride(from: 0, through: 480, by: 7) {
            for len in [0, 1, 2, 3, 5, 9, 17, 40] where a + len <= 500 {
                let from = start.adding(days: a)
                let to = start.adding(days: a + len)
                let expected = cumulative[a + len] - cumulative[a]
                #expect(NorwegianCalendar.workdays(from: from, to: to) == expected)
                #expect(table.workdays(from: from.raw, to: to.raw) == expected)
            }
        }
        // Outside the table's years it falls back to the arithmetic count.
        #expect(
            table.workdays(from: d("2030-12-20").raw, to: d("2031-01-03").raw)
                == NorwegianCalendar.workdays(from: d("2030-12-20"), to: d("2031-01-03")))
    }
}
