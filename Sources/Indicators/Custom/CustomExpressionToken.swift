/// A lexical token of the expression language, with the 1-based column where it starts.
struct CustomExpressionToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A column name (bare, or in backticks).
        case identifier(String)
        /// A string literal in single or double quotes (quotes removed, `\'` `\"` `\\` unescaped).
        case string(String)
        /// A number literal with its text as written (`0301` keeps its leading zero).
        case number(Double, text: String)
        /// A bare date literal `YYYY-MM-DD`.
        case date(String)
        case and, or, not, `in`
        case equal, notEqual, less, lessEqual, greater, greaterEqual
        case leftParen, rightParen, leftBracket, rightBracket, comma
        case end
    }
    var kind: Kind
    var column: Int
    /// The token's text as written, for messages.
    var text: String
}
