/// Parses decimal numbers straight from a field's bytes, without making a `String`.
///
/// Accepted: optional spaces or tabs around, an optional sign, digits with at most one decimal
/// separator (`.`, or `,` when the source declares a decimal comma), at least one digit, and an
/// optional exponent (`e`/`E`, optional sign, digits). Not accepted: thousands separators, hex,
/// `inf`, `nan`, or the other separator (`2.5` in a decimal-comma file is not a number).
///
/// Values with at most 19 significant digits whose mantissa fits in 53 bits and whose decimal
/// exponent is within ±22 are computed exactly as one multiplication or division by a power of
/// ten (Clinger's fast path, correctly rounded because both operands are exact). Anything else
/// falls back to the standard library's correctly rounded `Double(String)`.
///
/// ```swift
/// NumberParser.parse(bytes("2,5"), decimalComma: true)   // 2.5
/// NumberParser.parse(bytes("abc"), decimalComma: false)  // nil
/// ```
enum NumberParser {
    /// The value, `nil` when the bytes are not a number; `±infinity` when it overflows.
    static func parse(_ b: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Double? {
        var lo = 0
        var hi = b.count
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
        if lo == hi { return nil }
        let separator: UInt8 = decimalComma ? 0x2C : 0x2E
        var i = lo
        var negative = false
        if b[i] == 0x2D || b[i] == 0x2B {
            negative = b[i] == 0x2D
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exp10 = 0
        var truncated = false
        var sawDigit = false
        while i < hi, b[i] &- 0x30 < 10 {
            let d = UInt64(b[i] &- 0x30)
            sawDigit = true
            if mantissa == 0 && d == 0 {
                // a leading zero adds nothing
            } else if digits < 19 {
                mantissa = mantissa &* 10 &+ d
                digits += 1
            } else {
                exp10 += 1
                truncated = truncated || d != 0
            }
            i += 1
        }
        if i < hi, b[i] == separator {
            i += 1
            while i < hi, b[i] &- 0x30 < 10 {
                let d = UInt64(b[i] &- 0x30)
                sawDigit = true
                if mantissa == 0 && d == 0 {
                    exp10 -= 1
                } else if digits < 19 {
                    mantissa = mantissa &* 10 &+ d
                    digits += 1
                    exp10 -= 1
                } else {
                    truncated = truncated || d != 0
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < hi, b[i] == 0x65 || b[i] == 0x45 {
            i += 1
            var expNegative = false
            if i < hi, b[i] == 0x2D || b[i] == 0x2B {
                expNegative = b[i] == 0x2D
                i += 1
            }
            var e = 0
            var expDigits = 0
            while i < hi, b[i] &- 0x30 < 10 {
                if e < 100_000 { e = e * 10 + Int(b[i] &- 0x30) }
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            exp10 += expNegative ? -e : e
        }
        guard i == hi else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if !truncated, mantissa < (1 << 53), exp10 >= -22, exp10 <= 22 {
            var value = Double(mantissa)
            if exp10 < 0 { value /= powersOfTen[-exp10] } else { value *= powersOfTen[exp10] }
            return negative ? -value : value
        }
        return slowPath(UnsafeBufferPointer(rebasing: b[lo..<hi]), separator: separator)
    }

    /// Exact powers of ten representable as doubles (10^0 … 10^22).
    private static let powersOfTen: [Double] = (0...22).map { k in
        var p = 1.0
        for _ in 0..<k { p *= 10 }
        return p
    }

    /// The standard library's correctly rounded parser, after mapping the separator to `.`.
    private static func slowPath(_ b: UnsafeBufferPointer<UInt8>, separator: UInt8) -> Double? {
        let text = String(decoding: b.lazy.map { $0 == separator ? 0x2E : $0 }, as: UTF8.self)
        return Double(text)
    }
}
