import ApenCore
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

    @Test(arguments: ["dd.MM.yy", "dd.MM", "dd.dd.yyyy", "dd.MM.yyyy HH", "ddd.MM.yyyy", "dd·MM·yyyy"])
    func unusablePatterns(pattern: String) {
        #expect(throws: DatePatternError.self) { try DatePlan(.pattern(pattern)) }
    }
}
