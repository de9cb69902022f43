import ApenCore
import Foundation

/// A compiled date format: turns a field's bytes into a `Day` without Foundation.
///
/// Formats (METHODS §1 "Dates"): ISO `yyyy-MM-dd`; a pattern of `dd`/`d`, `MM`/`M` and `yyyy`
/// with literal separators (`dd.MM.yyyy`); Unix epoch seconds or milliseconds (UTC day).
/// ISO and pattern dates may be followed by `T` or a space and anything (a time of day and
/// zone, ignored: the day is the one written). Spaces and tabs around the cell are ignored.
///
/// With a time zone (`timezone: Europe/Oslo`), a time of day that carries an offset or `Z`
/// (`2024-03-03T23:30:00Z`, `03.03.2024 23:30+01:00`) is an instant, and so is an epoch: its
/// day is the calendar day in that zone (2024-03-04 in Oslo). A time without an offset is
/// local time already: the day written.
///
/// ```swift
/// let plan = try DatePlan(.pattern("dd.MM.yyyy"))
/// plan.parse(bytes("31.01.2019"))   // .day(Day(year: 2019, month: 1, day: 31)!.raw)
/// plan.parse(bytes("31.02.2019"))   // .impossible
/// ```
struct DatePlan: Sendable {
    enum Result: Equatable {
        case day(Int32)
        /// The cell does not have the shape of the format.
        case malformed
        /// The shape is right but no such day exists (31.02, month 13, year 0).
        case impossible
    }

    enum Token: Sendable, Equatable {
        case day(min: Int, max: Int)
        case month(min: Int, max: Int)
        case year
        case literal(UInt8)
    }

    enum Mode: Sendable, Equatable {
        case pattern([Token])
        case epochSeconds
        case epochMilliseconds
    }

    let mode: Mode
    /// How the format is shown in messages, e.g. `dd.MM.yyyy`.
    let display: String
    /// The zone instants are counted in; `nil`: the day written, the UTC day of an epoch.
    let zone: ZoneOffsets?

    /// Compiles `format`.
    /// - Throws: `DatePatternError` when a pattern has unknown letters or lacks a day, month or year.
    init(_ format: IngestOptions.DateFormat, zone: TimeZone? = nil) throws(DatePatternError) {
        self.zone = zone.map(ZoneOffsets.init)
        switch format {
        case .iso:
            mode = .pattern([
                .year, .literal(0x2D), .month(min: 2, max: 2), .literal(0x2D), .day(min: 2, max: 2),
            ])
            display = "yyyy-MM-dd"
        case .epochSeconds:
            mode = .epochSeconds
            display = "epoch seconds"
        case .epochMilliseconds:
            mode = .epochMilliseconds
            display = "epoch milliseconds"
        case .pattern(let p):
            mode = .pattern(try DatePlan.compile(p))
            display = p
        }
    }

    private static func compile(_ pattern: String) throws(DatePatternError) -> [Token] {
        let bytes = Array(pattern.utf8)
        var tokens: [Token] = []
        var seen: Set<UInt8> = []
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            var run = 1
            while i + run < bytes.count, bytes[i + run] == c { run += 1 }
            let isLetter = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            if isLetter {
                switch (c, run) {
                case (0x64, 1), (0x64, 2): tokens.append(.day(min: run, max: 2))
                case (0x4D, 1), (0x4D, 2): tokens.append(.month(min: run, max: 2))
                case (0x79, 4): tokens.append(.year)
                default:
                    let token = String(decoding: bytes[i..<(i + run)], as: UTF8.self)
                    throw DatePatternError(
                        pattern: pattern,
                        reason: "'\(token)' is not a date token (use dd or d, MM or M, yyyy)")
                }
                if !seen.insert(c).inserted {
                    throw DatePatternError(pattern: pattern, reason: "it names '\(Character(Unicode.Scalar(c)))' twice")
                }
            } else {
                guard c < 0x80 else {
                    throw DatePatternError(pattern: pattern, reason: "separators must be ASCII")
                }
                for _ in 0..<run { tokens.append(.literal(c)) }
            }
            i += run
        }
        guard seen == [0x64, 0x4D, 0x79] else {
            throw DatePatternError(pattern: pattern, reason: "it needs a day (dd), a month (MM) and a year (yyyy)")
        }
        return tokens
    }

    /// The day written in `b`.
    func parse(_ b: UnsafeBufferPointer<UInt8>) -> Result {
        var lo = 0
        var hi = b.count
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
        switch mode {
        case .epochSeconds: return DatePlan.epoch(b, lo, hi, unit: 86_400, perSecond: 1, zone: zone)
        case .epochMilliseconds: return DatePlan.epoch(b, lo, hi, unit: 86_400_000, perSecond: 1000, zone: zone)
        case .pattern(let tokens):
            var i = lo
            var year = -1
            var month = -1
            var day = -1
            for token in tokens {
                switch token {
                case .literal(let c):
                    guard i < hi, b[i] == c else { return .malformed }
                    i += 1
                case .year:
                    guard let v = DatePlan.digits(b, &i, hi, min: 4, max: 4) else { return .malformed }
                    year = v
                case .month(let mn, let mx):
                    guard let v = DatePlan.digits(b, &i, hi, min: mn, max: mx) else { return .malformed }
                    month = v
                case .day(let mn, let mx):
                    guard let v = DatePlan.digits(b, &i, hi, min: mn, max: mx) else { return .malformed }
                    day = v
                }
            }
            // A time of day may follow after `T` or a space; it is ignored without a zone.
            if i < hi, b[i] != 0x54, b[i] != 0x20 { return .malformed }
            guard let d = Day(year: year, month: month, day: day) else { return .impossible }
            guard let zone, i < hi else { return .day(d.raw) }
            return DatePlan.zoned(b, i + 1, hi, day: d.raw, zone: zone)
        }
    }

    /// Reads `min…max` ASCII digits at `i` (stopping early at a non-digit).
    @inline(__always)
    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ hi: Int, min: Int, max: Int) -> Int? {
        var v = 0
        var n = 0
        while n < max, i < hi, b[i] &- 0x30 < 10 {
            v = v * 10 + Int(b[i] &- 0x30)
            i += 1
            n += 1
        }
        return n >= min ? v : nil
    }

    /// The first and last day a `Day` may hold (years 1…9999).
    static let firstDay = Int64(Day.daysFromCivil(year: 1, month: 1, day: 1))
    static let lastDay = Int64(Day.daysFromCivil(year: 9999, month: 12, day: 31))

    /// `HH:mm[:ss[.fff]]` and an optional `Z` / `±HH[:mm]` at `i`, after the date `day`: the
    /// day in `zone` of that instant, or `day` itself when there is no offset.
    private static func zoned(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ hi: Int, day: Int32, zone: ZoneOffsets)
        -> Result
    {
        var i = start
        guard let h = digits(b, &i, hi, min: 2, max: 2), i < hi, b[i] == 0x3A else { return .malformed }
        i += 1
        guard let m = digits(b, &i, hi, min: 2, max: 2) else { return .malformed }
        var s = 0
        if i < hi, b[i] == 0x3A {
            i += 1
            guard let v = digits(b, &i, hi, min: 2, max: 2) else { return .malformed }
            s = v
            if i < hi, b[i] == 0x2E || b[i] == 0x2C {
                i += 1
                let from = i
                while i < hi, b[i] &- 0x30 < 10 { i += 1 }
                if i == from { return .malformed }
            }
        }
        guard h < 24, m < 60, s < 61 else { return .impossible }
        var offset = 0
        if i == hi { return .day(day) }  // local time: the day written
        if b[i] == 0x5A {
            i += 1
        } else if b[i] == 0x2B || b[i] == 0x2D {
            let sign = b[i] == 0x2D ? -1 : 1
            i += 1
            guard let oh = digits(b, &i, hi, min: 2, max: 2) else { return .malformed }
            var om = 0
            if i < hi, b[i] == 0x3A { i += 1 }
            if i < hi {
                guard let v = digits(b, &i, hi, min: 2, max: 2) else { return .malformed }
                om = v
            }
            guard oh < 24, om < 60 else { return .impossible }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return .malformed
        }
        guard i == hi else { return .malformed }
        let instant = Int64(day) * 86_400 + Int64(h * 3600 + m * 60 + min(s, 59)) - Int64(offset)
        return dayIn(zone, instant)
    }

    /// The calendar day in `zone` of `seconds` since 1970-01-01T00:00Z.
    static func dayIn(_ zone: ZoneOffsets, _ seconds: Int64) -> Result {
        let local = seconds + zone.offset(at: seconds)
        var day = local / 86_400
        if local % 86_400 < 0 { day -= 1 }
        guard day >= firstDay, day <= lastDay else { return .impossible }
        return .day(Int32(day))
    }

    /// An integer count of `unit`s since 1970-01-01T00:00Z, floored to its UTC day (or, with
    /// `zone`, to its day there).
    private static func epoch(
        _ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, unit: Int64, perSecond: Int64, zone: ZoneOffsets?
    ) -> Result {
        var i = lo
        var negative = false
        if i < hi, b[i] == 0x2D || b[i] == 0x2B {
            negative = b[i] == 0x2D
            i += 1
        }
        guard i < hi, hi - i <= 18 else { return i < hi ? .impossible : .malformed }
        var v: Int64 = 0
        while i < hi {
            let d = b[i] &- 0x30
            guard d < 10 else { return .malformed }
            v = v * 10 + Int64(d)
            i += 1
        }
        if negative { v = -v }
        if let zone {
            var seconds = v / perSecond
            if v % perSecond < 0 { seconds -= 1 }
            guard seconds / 86_400 >= firstDay - 1, seconds / 86_400 <= lastDay + 1 else { return .impossible }
            return dayIn(zone, seconds)
        }
        var day = v / unit
        if v % unit < 0 { day -= 1 }  // floor, so -1 s is 1969-12-31
        guard day >= firstDay, day <= lastDay else { return .impossible }
        return .day(Int32(day))
    }
}

/// A declared date pattern that cannot be used, with the reason.
struct DatePatternError: Error, Sendable {
    var pattern: String
    var reason: String
}
