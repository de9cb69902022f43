import ApenCore
import Testing

@testable import Pipeline

/// `report.date:` pins the date a report shows, so a committed report is what a plain run writes.
struct SpecReportDateTests {
    static let base = """
        pipeline: t
        sources:
          e: {kind: engagement, path: engagement.csv}
        indicators: [engagement.participants]

        """

    @Test func pinnedDateIsParsedAndWinsOverTheRunDate() throws {
        let spec = try SpecFixtures.load(Self.base + "report: {date: 2025-11-30}\n")
        #expect(spec.reportDate == Day(year: 2025, month: 11, day: 30))
        var options = RunOptions()
        options.reportDate = "1999-01-01"
        #expect(options.dated(by: spec).reportDate == "2025-11-30")
    }

    @Test func withoutItTheRunDateStands() throws {
        let spec = try SpecFixtures.load(Self.base)
        #expect(spec.reportDate == nil)
        var options = RunOptions()
        options.reportDate = "1999-01-01"
        #expect(options.dated(by: spec).reportDate == "1999-01-01")
    }

    @Test func aDateThatIsNotYYYYMMDDIsAnError() {
        #expect(
            SpecFixtures.diagnostics(Self.base + "report:\n  date: 30.11.2025\n") == [
                "6:9: report.date: '30.11.2025' is not a date written YYYY-MM-DD"
            ])
    }
}
