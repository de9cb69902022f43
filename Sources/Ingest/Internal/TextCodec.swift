/// Checks and decodes field bytes in a source's declared encoding.
///
/// - UTF-8: a field is valid when it is well-formed UTF-8 (no overlong forms, no surrogates,
///   nothing above U+10FFFF), as the standard library's validating decoder decides.
/// - ISO-8859-1: every byte is valid and is the code point of the same number.
/// - Windows-1252: as ISO-8859-1 except 0x80–0x9F, which map per the code page (0x80 → €,
///   0x8A → Š, 0x9F → Ÿ …); the five bytes the code page leaves undefined (0x81, 0x8D, 0x8F,
///   0x90, 0x9D) are not valid, as in Python's `cp1252` codec.
struct TextCodec: Sendable {
    let encoding: IngestOptions.Encoding

    /// Whether the bytes are valid in the encoding (METHODS §7).
    @inline(__always)
    func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while i < n, b[i] < 0x80 { i += 1 }
        if i == n { return true }
        switch encoding {
        case .utf8: return String(validating: b, as: UTF8.self) != nil
        case .iso88591: return true
        case .windows1252:
            while i < n {
                let c = b[i]
                if c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D { return false }
                i += 1
            }
            return true
        }
    }

    /// The text of the bytes; invalid bytes become U+FFFD (used for messages and records).
    func decode(_ b: UnsafeBufferPointer<UInt8>) -> String {
        switch encoding {
        case .utf8:
            return String(decoding: b, as: UTF8.self)
        case .iso88591, .windows1252:
            var scalars = String.UnicodeScalarView()
            for c in b { scalars.append(scalar(c)) }
            return String(scalars)
        }
    }

    /// A rejected cell shown in a message, `"…"`, lossily decoded.
    func quoted(_ b: UnsafeBufferPointer<UInt8>) -> String { "\"" + decode(b) + "\"" }

    private func scalar(_ c: UInt8) -> Unicode.Scalar {
        if encoding == .windows1252, c >= 0x80, c <= 0x9F {
            return Unicode.Scalar(TextCodec.windows1252High[Int(c) - 0x80])!
        }
        return Unicode.Scalar(c)
    }

    /// Windows-1252 0x80–0x9F (Unicode's CP1252.TXT); U+FFFD where the code page is undefined.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
