import ApenCore
import Foundation
import Testing

@testable import Ingest

@Suite struct DatePlanTests {
    // Day numbers from Python: (date(y, m, d) - date(1970, 1, 1)).days.
    // 2019-01-31 = 17927, 2020-02-29 = 18321, 2000-02-29 = 11016, 1969-12-31 = -1,
    // 0001-01-01 = -719162, 9999-12-31 = 2932896.
    @Test(arguments: [
        (IngestOptions.DateFormat.iso, "2019-01-31", DatePlan.Result.day(17927)),
        (.iso, "2020-02-29T23:59:59+01:00", .day(18321)),
        (.iso, "2020-02-29 12:00", .day(18321)),
        (.iso, " 2019-01-31 ", .day(17927)),
        (.iso, "2000-02-29", .day(11016)),
        (.iso, "0001-01-01", .day(-719162)),
        (.iso, "9999-12-31", .day(2_932_896)),
        (.iso, "1900-02-29", .impossible),
        (.iso, "2019-13-01", .impossible),
        (.iso, "0000-01-01", .impossible),
        (.iso, "2019-1-31", .malformed),
        (.iso, "2019/01/31", .malformed),
        (.iso, "2019-01-31x", .malformed),
        (.iso, "31.01.2019", .malformed),
        (.pattern("dd.MM.yyyy"), "31.01.2019", .day(17927)),
        (.pattern("dd.MM.yyyy"), "31.02.2019", .impossible),
        (.pattern("dd.MM.yyyy"), "1.1.2019", .malformed),
        (.pattern("d.M.yyyy"), "31.1.2019", .day(17927)),
        (.pattern("d.M.yyyy"), "31.01.2019", .day(17927)),
        (.pattern("MM/dd/yyyy"), "01/31/2019", .day(17927)),
        (.pattern("yyyyMMdd"), "20190131", .day(17927)),
        (.pattern("dd.MM.yyyy"), "31.01.2019 14:05", .day(17927)),
        (.epochSeconds, "1548892800", .day(17927)),
        (.epochSeconds, "1548979199", .day(17927)),  // 2019-01-31T23:59:59Z
        (.epochSeconds, "-1", .day(-1)),  // 1969-12-31T23:59:59Z
        (.epochSeconds, "-86400", .day(-1)),
        (.epochSeconds, "-86401", .day(-2)),
        (.epochSeconds, "1.5", .malformed),
        (.epochSeconds, "999999999999999999", .impossible),
        (.epochMilliseconds, "1548892800000", .day(17927)),
        (.epochMilliseconds, "-1", .day(-1)),
    ])
    func parse(format: IngestOptions.DateFormat, text: String, expected: DatePlan.Result) throws {
        let plan = try DatePlan(format)
        #expect(withBytes(text) { plan.parse($0) } == expected)
    }

    /// Instants counted on their day in a zone, at the edges where the offset changes (the
    /// transitions are from the IANA database, worked out by hand): Oslo's CET (+1) / CEST (+2)
    /// switches at 01:00Z on the last Sunday of March and October; Kolkata is +05:30 all year;
    /// Moscow went from +4 to +3 at 2014-10-25T22:00Z (a change of standard time, not DST);
    /// Apia went from −10 to +14 at 2011-12-30T10:00Z, skipping 30 December.
    @Test(arguments: [
        ("Europe/Oslo", IngestOptions.DateFormat.iso, "2024-03-30T22:59:59Z", (2024, 3, 30)),  // 23:59:59 CET
        ("Europe/Oslo", .iso, "2024-03-30T23:00:00Z", (2024, 3, 31)),  // 00:00 CET
        ("Europe/Oslo", .iso, "2024-07-01T21:59:59Z", (2024, 7, 1)),  // 23:59:59 CEST
        ("Europe/Oslo", .iso, "2024-07-01T22:00:00Z", (2024, 7, 2)),
        ("Europe/Oslo", .iso, "2024-10-26T21:59:59Z", (2024, 10, 26)),  // 23:59:59 CEST
        ("Europe/Oslo", .iso, "2024-10-26T22:00:00Z", (2024, 10, 27)),
        ("Europe/Oslo", .iso, "2024-10-27T22:59:59Z", (2024, 10, 27)),  // 23:59:59 CET, after the switch
        ("Europe/Oslo", .iso, "2024-10-27T23:00:00+00:00", (2024, 10, 28)),
        ("Europe/Oslo", .pattern("dd.MM.yyyy"), "03.03.2024 23:30+01:00", (2024, 3, 3)),
        ("Europe/Oslo", .pattern("dd.MM.yyyy"), "03.03.2024 23:30-01:00", (2024, 3, 4)),  // 00:30Z → 01:30 CET
        ("Europe/Oslo", .iso, "1985-06-30T22:00:00Z", (1985, 7, 1)),  // summer time in 1985 too
        ("Europe/Oslo", .epochSeconds, "1704063599", (2023, 12, 31)),  // 2023-12-31T22:59:59Z
        ("Europe/Oslo", .epochSeconds, "1704063600", (2024, 1, 1)),  // 23:00:00Z
        ("Europe/Oslo", .epochMilliseconds, "1719871199999", (2024, 7, 1)),  // 2024-07-01T21:59:59.999Z
        ("Europe/Oslo", .epochMilliseconds, "1719871200000", (2024, 7, 2)),
        ("Asia/Kolkata", .iso, "2024-01-01T18:29:59Z", (2024, 1, 1)),
        ("Asia/Kolkata", .iso, "2024-01-01T18:30:00Z", (2024, 1, 2)),
        ("Europe/Moscow", .iso, "2014-10-25T19:59:59Z", (2014, 10, 25)),  // 23:59:59 at +4
        ("Europe/Moscow", .iso, "2014-10-26T20:59:59Z", (2014, 10, 26)),  // 23:59:59 at +3 (+4: the 27th)
        ("Pacific/Apia", .iso, "2011-12-30T09:59:59Z", (2011, 12, 29)),  // 23:59:59 at −10
        ("Pacific/Apia", .iso, "2011-12-30T10:00:00Z", (2011, 12, 31)),  // 00:00 at +14
        ("UTC", .epochSeconds, "-1", (1969, 12, 31)),
    ])
    func zoned(zone: String, format: IngestOptions.DateFormat, text: String, expected: (Int, Int, Int)) throws {
        let plan = try DatePlan(format, zone: TimeZone(identifier: zone)!)
        #expect(
            withBytes(text) { plan.parse($0) } == .day(Day(year: expected.0, month: expected.1, day: expected.2)!.raw))
    }

    @Test(arguments: ["dd.MM.yy", "dd.MM", "dd.dd.yyyy", "dd.MM.yyyy HH", "ddd.MM.yyyy", "dd·MM·yyyy"])
    func unusablePatterns(pattern: String) {
        #expect(throws: DatePatternError.self) { try DatePlan(.pattern(pattern)) }
    }
}
