/// Splits expression text into tokens, counting columns in characters (1-based), so
/// messages point at what a person sees in their editor.
struct CustomExpressionLexer {
    private let chars: [Character]
    private var i = 0

    init(_ text: String) { chars = Array(text) }

    /// All tokens, ending with `.end` (whose column is one past the last character).
    /// - Throws: `CustomExpressionError` for an unterminated string, a stray character or `=`.
    static func tokens(_ text: String) throws(CustomExpressionError) -> [CustomExpressionToken] {
        var lexer = CustomExpressionLexer(text)
        var out: [CustomExpressionToken] = []
        while true {
            let t = try lexer.next()
            out.append(t)
            if t.kind == .end { return out }
        }
    }

    private func peek(_ k: Int = 0) -> Character? { i + k < chars.count ? chars[i + k] : nil }

    private static func isIdentifierStart(_ c: Character) -> Bool { c == "_" || c.isLetter }
    private static func isIdentifierPart(_ c: Character) -> Bool { c == "_" || c.isLetter || c.isNumber || c == "." }
    private static func isDigit(_ c: Character?) -> Bool { c.map { $0.isASCII && $0.isNumber } ?? false }

    private mutating func next() throws(CustomExpressionError) -> CustomExpressionToken {
        while let c = peek(), c.isWhitespace { i += 1 }
        let start = i
        let column = i + 1
        guard let c = peek() else { return CustomExpressionToken(kind: .end, column: column, text: "") }
        func token(_ kind: CustomExpressionToken.Kind, length: Int) -> CustomExpressionToken {
            i += length
            return CustomExpressionToken(kind: kind, column: column, text: String(chars[start..<i]))
        }
        switch c {
        case "(": return token(.leftParen, length: 1)
        case ")": return token(.rightParen, length: 1)
        case "[": return token(.leftBracket, length: 1)
        case "]": return token(.rightBracket, length: 1)
        case ",": return token(.comma, length: 1)
        case "=":
            if peek(1) == "=" { return token(.equal, length: 2) }
            throw CustomExpressionError(column: column, "use '==' to compare, not '='")
        case "!":
            if peek(1) == "=" { return token(.notEqual, length: 2) }
            throw CustomExpressionError(column: column, "use 'not' to negate, not '!'")
        case "<":
            if peek(1) == "=" { return token(.lessEqual, length: 2) }
            if peek(1) == ">" { return token(.notEqual, length: 2) }
            return token(.less, length: 1)
        case ">":
            if peek(1) == "=" { return token(.greaterEqual, length: 2) }
            return token(.greater, length: 1)
        case "'", "\"":
            return try string(quote: c, column: column)
        case "`":
            i += 1
            var name = ""
            while let d = peek(), d != "`" {
                name.append(d)
                i += 1
            }
            guard peek() == "`" else {
                throw CustomExpressionError(column: column, "column name in backticks is not closed")
            }
            i += 1
            guard !name.isEmpty else { throw CustomExpressionError(column: column, "empty column name in backticks") }
            return CustomExpressionToken(kind: .identifier(name), column: column, text: String(chars[start..<i]))
        default:
            break
        }
        if Self.isDigit(c)
            || ((c == "-" || c == "+" || c == ".")
                && (Self.isDigit(peek(1)) || (peek(1) == "." && Self.isDigit(peek(2)))))
        {
            return try number(column: column)
        }
        if Self.isIdentifierStart(c) {
            while let d = peek(), Self.isIdentifierPart(d) { i += 1 }
            let word = String(chars[start..<i])
            switch word {
            case "and": return CustomExpressionToken(kind: .and, column: column, text: word)
            case "or": return CustomExpressionToken(kind: .or, column: column, text: word)
            case "not": return CustomExpressionToken(kind: .not, column: column, text: word)
            case "in": return CustomExpressionToken(kind: .in, column: column, text: word)
            default: return CustomExpressionToken(kind: .identifier(word), column: column, text: word)
            }
        }
        throw CustomExpressionError(column: column, "unexpected character '\(c)'")
    }

    private mutating func string(quote: Character, column: Int) throws(CustomExpressionError) -> CustomExpressionToken {
        let start = i
        i += 1
        var value = ""
        while let d = peek() {
            if d == quote {
                i += 1
                return CustomExpressionToken(kind: .string(value), column: column, text: String(chars[start..<i]))
            }
            if d == "\\", let e = peek(1), e == quote || e == "\\" {
                value.append(e)
                i += 2
                continue
            }
            value.append(d)
            i += 1
        }
        throw CustomExpressionError(column: column, "string starting here is not closed (missing \(quote))")
    }

    /// A number (`12`, `-3.5`, `1e3`, `0301`) or a bare date `2020-01-31`.
    private mutating func number(column: Int) throws(CustomExpressionError) -> CustomExpressionToken {
        let start = i
        // Bare date: exactly dddd-dd-dd not followed by an identifier or digit.
        if chars.count - i >= 10, (0..<4).allSatisfy({ Self.isDigit(chars[i + $0]) }), chars[i + 4] == "-",
            Self.isDigit(chars[i + 5]), Self.isDigit(chars[i + 6]), chars[i + 7] == "-",
            Self.isDigit(chars[i + 8]), Self.isDigit(chars[i + 9])
        {
            i += 10
            if let d = peek(), Self.isIdentifierPart(d) || d == "-" {
                throw CustomExpressionError(
                    column: column, "'\(String(chars[start...i]))' is not a date (YYYY-MM-DD) or a number")
            }
            let text = String(chars[start..<i])
            return CustomExpressionToken(kind: .date(text), column: column, text: text)
        }
        if let c = peek(), c == "-" || c == "+" { i += 1 }
        while let d = peek(), Self.isDigit(d) || d == "." { i += 1 }
        if let e = peek(), e == "e" || e == "E" {
            let save = i
            i += 1
            if let s = peek(), s == "-" || s == "+" { i += 1 }
            if Self.isDigit(peek()) {
                while Self.isDigit(peek()) { i += 1 }
            } else {
                i = save
            }
        }
        while let d = peek(), Self.isIdentifierPart(d) || d == "-" { i += 1 }
        let text = String(chars[start..<i])
        guard let v = Double(text), v.isFinite else {
            throw CustomExpressionError(column: column, "'\(text)' is not a number")
        }
        return CustomExpressionToken(kind: .number(v, text: text), column: column, text: text)
    }
}
