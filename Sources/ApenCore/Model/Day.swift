/// A calendar day in the proleptic Gregorian calendar, stored as days since 1970-01-01.
///
/// Day arithmetic is integer arithmetic, so counting calendar days (METHODS §4 lag) and
/// working days (§5) never touches `Foundation.Calendar` or time zones.
///
/// ```swift
/// let d = Day(year: 2019, month: 2, day: 28)!   // valid
/// Day(year: 2019, month: 2, day: 31)            // nil: impossible date
/// ```
package struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    package var raw: Int32

    package init(raw: Int32) { self.raw = raw }

    /// A day from its civil date, or `nil` when the date does not exist (31.02, month 13, year 0).
    package init?(year: Int, month: Int, day: Int) {
        guard year >= 1, year <= 9999, (1...12).contains(month), day >= 1,
            day <= Day.daysInMonth(year: year, month: month)
        else { return nil }
        self.raw = Int32(Day.daysFromCivil(year: year, month: month, day: day))
    }

    package static func < (a: Day, b: Day) -> Bool { a.raw < b.raw }

    package static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    package static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a civil date (Howard Hinnant's `days_from_civil` algorithm).
    package static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The civil date of this day (inverse of `daysFromCivil`).
    package var civil: (year: Int, month: Int, day: Int) {
        let z = Int(raw) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    package var year: Int { civil.year }

    /// ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
    package var weekday: Int {
        let r = (Int(raw) + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    package func adding(days: Int) -> Day { Day(raw: raw + Int32(days)) }

    /// `yyyy-MM-dd`.
    package var description: String {
        let c = civil
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }
}
