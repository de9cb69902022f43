/// A JSON text (RFC 8259) that is not well-formed, at the `line` and `column` where reading stopped.
struct JSONSyntaxError: Error, Equatable {
    var line: Int
    var column: Int
    var message: String
}

/// Walks the bytes of a JSON text, keeping the physical line and column of its position.
///
/// The scanner reads tokens in place: a string is returned as the range of its raw bytes
/// (`unescape` decodes it only when it holds a backslash), a number as the range of its text,
/// so a record's values are copied once. Line breaks are counted as a text editor counts them:
/// LF, CRLF and a lone CR each end a line (JSON allows them only as whitespace, between tokens).
///
/// ```swift
/// var s = JSONScanner(bytes)          // bytes of `{"a": [1, 2]}`
/// s.skipWhitespace()
/// try s.skipValue()                   // validates and steps over the whole object
/// ```
struct JSONScanner {
    let base: UnsafePointer<UInt8>
    let end: Int
    /// The offset of the next byte.
    var i: Int
    /// The line of `i` (from 1, or the line the buffer starts on).
    var line: Int
    /// The offset where the current line starts (for columns).
    var lineStart: Int

    /// The deepest nesting of arrays and objects `skipValue` accepts.
    static let maxDepth = 512

    init(_ buffer: UnsafeBufferPointer<UInt8>, line: Int = 1) {
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        end = buffer.count
        i = 0
        self.line = line
        lineStart = 0
    }

    var atEnd: Bool { i >= end }

    /// The next byte, or 0 at the end.
    @inline(__always)
    var peek: UInt8 { i < end ? base[i] : 0 }

    /// The column of `i`, counting characters (UTF-8 lead bytes) from the line start, from 1.
    var column: Int {
        var n = 1
        var k = lineStart
        while k < i, k < end {
            if base[k] & 0xC0 != 0x80 { n += 1 }
            k += 1
        }
        return n
    }

    func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: column, message: message)
    }

    /// What is at `i`, for messages: `'x'`, `the end of the file`.
    var found: String {
        guard i < end else { return "the end of the text" }
        let c = base[i]
        if c >= 0x20, c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return c < 0x20 ? "a control character" : "a non-ASCII character"
    }

    /// Skips spaces, tabs and line breaks, counting lines.
    @inline(__always)
    mutating func skipWhitespace() {
        while i < end {
            let c = base[i]
            if c == 0x20 || c == 0x09 {
                i += 1
            } else if c == 0x0A {
                i += 1
                line += 1
                lineStart = i
            } else if c == 0x0D {
                i += 1
                if i < end, base[i] == 0x0A { i += 1 }
                line += 1
                lineStart = i
            } else {
                return
            }
        }
    }

    /// Steps over one byte that must be `c`.
    mutating func expect(_ c: UInt8, _ what: String) throws(JSONSyntaxError) {
        guard i < end, base[i] == c else { throw error("expected \(what), found \(found)") }
        i += 1
    }

    /// A string at `i` (which holds `"`): the range of its raw bytes and whether it has escapes.
    @inline(__always)
    mutating func scanString() throws(JSONSyntaxError) -> (start: Int, end: Int, escaped: Bool) {
        i += 1
        let start = i
        var escaped = false
        while i < end {
            let c = base[i]
            if c == 0x22 {
                i += 1
                return (start, i - 1, escaped)
            }
            if c == 0x5C {
                escaped = true
                i += 2
                continue
            }
            if c < 0x20 { throw error("a string holds a raw control character (write it as an escape, e.g. \\n)") }
            i += 1
        }
        i = start - 1
        throw error("a string is not closed")
    }

    /// Appends the text of the raw string bytes `start..<end` to `out`, decoding escapes.
    ///
    /// A `\u` escape of a lone surrogate becomes its three-byte (invalid UTF-8) form, so the
    /// cell is rejected as text that is not valid UTF-8 instead of being silently replaced.
    func unescape(_ start: Int, _ stop: Int, into out: inout [UInt8]) throws(JSONSyntaxError) {
        var k = start
        while k < stop {
            let c = base[k]
            guard c == 0x5C else {
                out.append(c)
                k += 1
                continue
            }
            guard k + 1 < stop else { throw JSONSyntaxError(line: line, column: column, message: "a bad escape") }
            let e = base[k + 1]
            k += 2
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                guard var u = hex4(k, stop) else { throw badEscape(k - 2) }
                k += 4
                if u >= 0xD800, u < 0xDC00, k + 6 <= stop, base[k] == 0x5C, base[k + 1] == 0x75,
                    let low = hex4(k + 2, stop), low >= 0xDC00, low < 0xE000
                {
                    u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                    k += 6
                }
                JSONScanner.appendUTF8(u, to: &out)
            default:
                throw badEscape(k - 2)
            }
        }
    }

    private func badEscape(_ at: Int) -> JSONSyntaxError {
        var copy = self
        copy.i = at
        return copy.error("a bad escape in a string (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)")
    }

    private func hex4(_ k: Int, _ stop: Int) -> UInt32? {
        guard k + 4 <= stop else { return nil }
        var v: UInt32 = 0
        for j in k..<(k + 4) {
            let c = base[j]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x37
            case 0x61...0x66: d = c - 0x57
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// UTF-8 bytes of `u` (a surrogate gets its three-byte form, which no validator accepts).
    static func appendUTF8(_ u: UInt32, to out: inout [UInt8]) {
        switch u {
        case 0..<0x80:
            out.append(UInt8(u))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | u >> 6))
            out.append(UInt8(0x80 | u & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | u >> 12))
            out.append(UInt8(0x80 | (u >> 6) & 0x3F))
            out.append(UInt8(0x80 | u & 0x3F))
        default:
            out.append(UInt8(0xF0 | u >> 18))
            out.append(UInt8(0x80 | (u >> 12) & 0x3F))
            out.append(UInt8(0x80 | (u >> 6) & 0x3F))
            out.append(UInt8(0x80 | u & 0x3F))
        }
    }

    /// A number at `i`: the range of its text, checked against JSON's grammar.
    @inline(__always)
    mutating func scanNumber() throws(JSONSyntaxError) -> (start: Int, end: Int) {
        let start = i
        if peek == 0x2D { i += 1 }
        if peek == 0x30 {
            i += 1
        } else if peek &- 0x31 < 9 {
            while peek &- 0x30 < 10 { i += 1 }
        } else {
            i = start
            throw error("expected a value, found \(found)")
        }
        if peek == 0x2E {
            i += 1
            guard peek &- 0x30 < 10 else { throw error("a number needs digits after its '.'") }
            while peek &- 0x30 < 10 { i += 1 }
        }
        if peek == 0x65 || peek == 0x45 {
            i += 1
            if peek == 0x2B || peek == 0x2D { i += 1 }
            guard peek &- 0x30 < 10 else { throw error("a number needs digits in its exponent") }
            while peek &- 0x30 < 10 { i += 1 }
        }
        return (start, i)
    }

    /// `true`, `false` or `null` at `i`; which one, as its text's range.
    mutating func scanLiteral() throws(JSONSyntaxError) -> (start: Int, end: Int) {
        let start = i
        for word in JSONScanner.literals where start + word.count <= end {
            var same = true
            for (j, c) in word.enumerated() where base[start + j] != c {
                same = false
                break
            }
            if same {
                i += word.count
                return (start, i)
            }
        }
        throw error("expected a value, found \(found)")
    }

    private static let literals: [[UInt8]] = [Array("true".utf8), Array("false".utf8), Array("null".utf8)]

    /// Validates and steps over the value at `i` (after whitespace).
    mutating func skipValue(depth: Int = 0) throws(JSONSyntaxError) {
        switch peek {
        case 0x22: _ = try scanString()
        case 0x7B:
            guard depth < JSONScanner.maxDepth else {
                throw error("objects and lists nest deeper than \(JSONScanner.maxDepth)")
            }
            i += 1
            skipWhitespace()
            if peek == 0x7D {
                i += 1
                return
            }
            while true {
                guard peek == 0x22 else { throw error("expected a key in double quotes, found \(found)") }
                _ = try scanString()
                skipWhitespace()
                try expect(0x3A, "':' after a key")
                skipWhitespace()
                try skipValue(depth: depth + 1)
                skipWhitespace()
                if peek == 0x2C {
                    i += 1
                    skipWhitespace()
                    continue
                }
                try expect(0x7D, "',' or '}' after a member of an object")
                return
            }
        case 0x5B:
            guard depth < JSONScanner.maxDepth else {
                throw error("objects and lists nest deeper than \(JSONScanner.maxDepth)")
            }
            i += 1
            skipWhitespace()
            if peek == 0x5D {
                i += 1
                return
            }
            while true {
                try skipValue(depth: depth + 1)
                skipWhitespace()
                if peek == 0x2C {
                    i += 1
                    skipWhitespace()
                    continue
                }
                try expect(0x5D, "',' or ']' after an item of a list")
                return
            }
        case 0x74, 0x66, 0x6E: _ = try scanLiteral()
        default: _ = try scanNumber()
        }
    }

    /// What kind of value starts with `c`, for messages.
    static func kind(of c: UInt8) -> String {
        switch c {
        case 0x7B: return "an object"
        case 0x5B: return "a list"
        case 0x22: return "a string"
        case 0x74, 0x66: return "a boolean"
        case 0x6E: return "null"
        default: return "a number"
        }
    }
}
