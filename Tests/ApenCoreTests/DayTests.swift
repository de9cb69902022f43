import Testing

@testable import ApenCore

struct DayTests {
    // Known dates: 1970-01-01 is day 0 (a Thursday); 2000-03-01 is day 11017
    // (30 years × 365 + 7 leap days (72,76,80,84,88,92,96) + Jan 31 + Feb 29 = 10950+7+60 = 11017).
    @Test func epochAndKnownDay() {
        #expect(Day(year: 1970, month: 1, day: 1)?.raw == 0)
        #expect(Day(year: 1970, month: 1, day: 1)?.weekday == 4)
        #expect(Day(year: 2000, month: 3, day: 1)?.raw == 11017)
        #expect(Day(raw: 11017).description == "2000-03-01")
    }

    @Test(arguments: [(2019, 2, 31), (2019, 2, 29), (2019, 13, 1), (0, 1, 1), (2019, 4, 31)])
    func impossibleDates(y: Int, m: Int, d: Int) {
        #expect(Day(year: y, month: m, day: d) == nil)
    }

    @Test func leapDayAndRoundTrip() {
        #expect(Day(year: 2020, month: 2, day: 29) != nil)
        for raw in Int32(-800)...Int32(30000) {
            let c = Day(raw: raw).civil
            #expect(Day(year: c.year, month: c.month, day: c.day)?.raw == raw)
        }
    }

    // 17 May 2024 was a Friday (ISO weekday 5); 1 January 2023 a Sunday (7).
    @Test func weekdays() {
        #expect(Day(year: 2024, month: 5, day: 17)?.weekday == 5)
        #expect(Day(year: 2023, month: 1, day: 1)?.weekday == 7)
    }
}
