import ApenCore
import Indicators

/// Writes `access_requests.csv`: access requests (innsynskrav) with receipt and answer dates
/// and outcomes (METHODS.md §5 input).
///
/// About 8 % of requests arrive on a weekend or holiday (online forms). Answer times in
/// Norwegian working days have a long tail: 0 (same day) ≈ 24 %, 1 ≈ 22 %, 2 ≈ 15 %, 3 ≈ 11 %,
/// 4–5 ≈ 11 %, 6–10 ≈ 9 %, 11–30 ≈ 6 %, 31–120 ≈ 2 %, with slower municipalities adding a few
/// days more often. The answer date is the receipt date advanced by that many working days
/// (so workdays(received, answered) is exactly the drawn number). About 6 % are unanswered
/// (`answered` and `outcome` empty); the others are granted (74 %), partial (16 %) or denied (10 %).
enum AccessRequestsWriter {
    static let columns = ["request_id", "municipality", "received", "answered", "outcome"]

    /// (lowest, highest) working days of each answer-time bucket, with its weight.
    static let buckets = Choice([
        ((0, 0), 24.0), ((1, 1), 22), ((2, 2), 15), ((3, 3), 11), ((4, 5), 11),
        ((6, 10), 9), ((11, 30), 6), ((31, 120), 2),
    ])
    static let outcomes = Choice([("granted", 74.0), ("partial", 16), ("denied", 10)])

    static func write(plan: GenerationPlan, dialect: Dialect, path: String) throws -> Int {
        let w = try RowWriter(path: path, dialect: dialect)
        w.header(columns)
        let calendar = WorkdayTable(years: 1990...2100)
        let outcomeBytes = outcomes.values.map { w.encode($0) }
        for m in plan.municipalities {
            let traits = MunicipalityTraits(seed: plan.seed, municipality: m)
            let code = w.encode(m.code)
            let slowness = max(0, -traits.openness) * 0.25
            for year in plan.years {
                let n = plan.count(.accessRequests, m, year)
                if n == 0 { continue }
                var rng = Xoshiro256(
                    seed: SplitMix64.mix(plan.seed, SourceKind.accessRequests.streamKey, m.streamKey, UInt64(year)))
                let first = Day(year: year, month: 1, day: 1)!
                let daysInYear = Day.isLeapYear(year) ? 366 : 365
                let idPrefix = w.encode("\(m.code)-\(year)-")
                for i in 0..<n {
                    var received = first.adding(days: rng.below(daysInYear))
                    if !calendar.isWorkingDay(received) && rng.chance(0.75) {
                        received = calendar.workingDay(onOrAfter: received)
                        if received.year != year { received = first.adding(days: daysInYear - 1) }
                    }
                    w.id(idPrefix, i + 1, digits: 5)
                    w.raw(code)
                    w.date(received)
                    if rng.chance(0.06) {
                        w.empty()
                        w.empty()
                    } else {
                        let (lo, hi) = buckets.draw(&rng)
                        var days = lo + rng.below(hi - lo + 1)
                        if rng.chance(slowness) { days += 1 + rng.below(5) }
                        w.date(calendar.adding(workdays: days, to: received))
                        w.raw(outcomeBytes[outcomes.drawIndex(&rng)])
                    }
                    w.endRow()
                }
            }
        }
        try w.finish()
        return w.rows
    }
}
