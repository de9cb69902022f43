import ApenCore

/// A problem in a `where:`/`of:`/`per:` expression, pointing at the 1-based character column
/// of the expression text where it was found.
///
/// Rendered as `expression:12: expected a value after '=='`. The pipeline loader, which knows
/// where the expression sits in the YAML file, turns it into a file diagnostic with
/// ``diagnostic(at:)``.
///
/// ```swift
/// do { _ = try CustomExpression.parse("access == ") }
/// catch let e as CustomExpressionError { print(e) }   // expression:11: expected a value after '=='
/// ```
package struct CustomExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based column (in characters) of the expression text; one past the end for "unexpected end".
    package var column: Int
    package var message: String

    package init(column: Int, _ message: String) {
        self.column = column
        self.message = message
    }

    package var description: String { "expression:\(column): \(message)" }

    /// The same problem as a file diagnostic.
    ///
    /// When `location.column` is the column at which the expression's text starts in the
    /// file (after any opening quote), the result points at the offending character itself;
    /// without a column the expression column is kept in the message.
    package func diagnostic(at location: SourceLocation) -> Diagnostic {
        var loc = location
        if let start = location.column {
            loc.column = start + column - 1
            return Diagnostic(loc, message)
        }
        return Diagnostic(loc, "expression column \(column): \(message)")
    }
}
