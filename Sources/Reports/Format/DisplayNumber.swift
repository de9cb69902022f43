import ApenCore

/// Numbers as people read them in reports, per language, without locale data.
///
/// Bokmål writes a decimal comma, a no-break space (U+00A0) between digit groups and before
/// the percent sign, and a true minus sign (U+2212): `62,5 %`, `1 234`, `−0,4`. English writes
/// `62.5%`, `1,234`, `-0.4`. Foundation's `NumberFormatter` is not used on purpose: its output
/// differs across platforms and ICU versions, and reports must be byte-identical everywhere.
///
/// Rounding is half-up on the shortest decimal text of the double (`2.675` → `2.68`, as a
/// reader of the CSV would round by hand), not on the binary value.
///
/// ```swift
/// DisplayNumber.decimal(1234.5, digits: 1, language: .nb)        // "1 234,5" (no-break space)
/// DisplayNumber.value(0.625, unit: .share, language: .en)       // "62.5%"
/// ```
package enum DisplayNumber {
    /// The no-break space used as digit-group separator and before `%` in bokmål.
    package static let noBreakSpace = "\u{00A0}"

    /// `x` rounded to `digits` decimals, with digit grouping (four digits and more).
    package static func decimal(_ x: Double, digits: Int, language: Language, grouping: Bool = true) -> String {
        guard x.isFinite else { return "–" }
        let (negative, intPart, fracPart) = roundedDigits(x, digits: digits)
        var s = grouping ? group(intPart, separator: language.isNorwegian ? noBreakSpace : ",") : intPart
        if !fracPart.isEmpty { s += (language.isNorwegian ? "," : ".") + fracPart }
        if negative { s = (language.isNorwegian ? "\u{2212}" : "-") + s }
        return s
    }

    /// A share in [0, 1] as a percentage: `0.625` → `62,5 %` / `62.5%`.
    package static func percent(share: Double, digits: Int = 1, language: Language) -> String {
        let body = decimal(share * 100, digits: digits, language: language)
        return language.isNorwegian ? body + noBreakSpace + "%" : body + "%"
    }

    /// Decimals shown for a unit: shares as percentages with one, indices 0–100 with one,
    /// days with one, counts and ranks with none, ratios and coefficients with two.
    package static func digits(for unit: IndicatorUnit) -> Int {
        switch unit {
        case .count, .rank: return 0
        case .share, .index, .score, .perThousand, .days, .workdays, .stars: return 1
        case .ratio, .coefficient: return 2
        }
    }

    /// An indicator value formatted for its unit (`share` as a percentage).
    package static func value(_ x: Double, unit: IndicatorUnit, language: Language) -> String {
        switch unit {
        case .share: return percent(share: x, language: language)
        case .rank: return trimmed(x, maxDigits: 1, language: language)
        default: return decimal(x, digits: digits(for: unit), language: language)
        }
    }

    /// `x` with at most `maxDigits` decimals, trailing zeros removed (`2.0` → `2`, `2.5` → `2,5`).
    package static func trimmed(_ x: Double, maxDigits: Int, language: Language) -> String {
        var s = decimal(x, digits: maxDigits, language: language)
        let mark: Character = language.isNorwegian ? "," : "."
        if s.contains(mark) {
            while s.last == "0" { s.removeLast() }
            if s.last == mark { s.removeLast() }
        }
        return s
    }

    /// A change between two values with an explicit sign: `+2,8`; shares in percentage
    /// points (`+2,8 prosentpoeng` / `+2.8 percentage points`).
    package static func change(_ delta: Double, unit: IndicatorUnit, language: Language) -> String {
        let scaled = unit == .share ? delta * 100 : delta
        var s = decimal(scaled, digits: digits(for: unit), language: language)
        let isZero = !s.contains(where: { $0.isNumber && $0 != "0" })
        if isZero {
            s = decimal(0, digits: digits(for: unit), language: language)
        } else if !(s.hasPrefix("-") || s.hasPrefix("\u{2212}")) {
            s = "+" + s
        }
        if unit == .share { s += language.isNorwegian ? " prosentpoeng" : " percentage points" }
        return s
    }

    /// `x` rounded half-up to `digits` decimals as shown (`decimal` prints the same digits).
    package static func rounded(_ x: Double, digits: Int) -> Double {
        let (negative, intPart, fracPart) = roundedDigits(x, digits: digits)
        let v = Double(intPart + (fracPart.isEmpty ? "" : "." + fracPart)) ?? 0
        return negative ? -v : v
    }

    /// The change a reader computes from two shown values: the difference of the rounded
    /// values, so "0,48 → 0,38" is never reported as "−0,11".
    package static func shownChange(from a: Double, to b: Double, unit: IndicatorUnit, language: Language) -> String {
        let d = digits(for: unit)
        let scale = unit == .share ? 100.0 : 1.0
        let delta = rounded(b * scale, digits: d) - rounded(a * scale, digits: d)
        return change(delta / scale, unit: unit, language: language)
    }

    /// A coordinate for SVG attributes: at most two decimals, no grouping, `.` decimal mark.
    ///
    /// Rounds the binary value to hundredths (coordinates need no decimal-text rounding) and
    /// prints it with integer arithmetic: charts hold hundreds of thousands of coordinates.
    static func coordinate(_ x: Double) -> String {
        guard x.isFinite, abs(x) < 1e12 else {
            return trimmed(x, maxDigits: 2, language: .en).replacingOccurrences(",", "")
        }
        let r = Int((x * 100).rounded())
        let m = r.magnitude
        var s = (r < 0 ? "-" : "") + String(m / 100)
        let f = m % 100
        if f != 0 { s += f % 10 == 0 ? "." + String(f / 10) : (f < 10 ? ".0" : ".") + String(f) }
        return s
    }

    /// Splits |x| rounded half-up to `digits` decimals into integer and fraction digit strings.
    /// `negative` is false when the rounded value is zero (no `−0`).
    static func roundedDigits(_ x: Double, digits: Int) -> (negative: Bool, int: String, frac: String) {
        let d = max(0, digits)
        // Shortest round-trip text, e.g. "62.5", "1e-05", "1.2345e+20", read as ASCII bytes.
        var ds: [UInt8] = []  // decimal digits 0…9
        var pointPos = 0
        var seenPoint = false
        var exponent = 0
        var inExponent = false
        var exponentSign = 1
        for b in x.magnitude.description.utf8 {
            switch b {
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "-") where inExponent: exponentSign = -1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent {
                    exponent = exponent * 10 + Int(b - UInt8(ascii: "0"))
                } else {
                    ds.append(b - UInt8(ascii: "0"))
                    if !seenPoint { pointPos += 1 }
                }
            default: continue
            }
        }
        pointPos += exponentSign * exponent
        if pointPos < 1 {
            ds.insert(contentsOf: repeatElement(0, count: 1 - pointPos), at: 0)
            pointPos = 1
        }
        let keepCount = pointPos + d
        if ds.count < keepCount + 1 { ds.append(contentsOf: repeatElement(0, count: keepCount + 1 - ds.count)) }
        let roundUp = ds[keepCount] >= 5
        ds.removeLast(ds.count - keepCount)
        if roundUp {
            var i = ds.count - 1
            var carry = true
            while carry && i >= 0 {
                ds[i] += 1
                if ds[i] == 10 {
                    ds[i] = 0
                    i -= 1
                } else {
                    carry = false
                }
            }
            if carry {
                ds.insert(1, at: 0)
                pointPos += 1
            }
        }
        var firstInt = 0
        while firstInt < pointPos - 1 && ds[firstInt] == 0 { firstInt += 1 }
        let ascii = ds.map { $0 + UInt8(ascii: "0") }
        let intDigits = String(decoding: ascii[firstInt..<pointPos], as: UTF8.self)
        let fracDigits = String(decoding: ascii[pointPos...], as: UTF8.self)
        let isZero = !ds.contains { $0 != 0 }
        return (x < 0 && !isZero, intDigits, fracDigits)
    }

    /// Inserts `separator` between groups of three digits when there are four or more digits.
    static func group(_ digits: String, separator: String) -> String {
        let chars = Array(digits)
        guard chars.count >= 4 else { return digits }
        var out = ""
        for (i, c) in chars.enumerated() {
            if i > 0 && (chars.count - i) % 3 == 0 { out += separator }
            out.append(c)
        }
        return out
    }
}
