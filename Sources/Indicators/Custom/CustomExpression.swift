/// A parsed `where:`/`of:`/`per:` condition of a custom indicator (docs/custom-indicators.md).
///
/// The language: comparisons `== != < <= > >=` between a column and a literal (or two
/// columns), `column in [v1, v2, …]`, `column not in […]`, `and`, `or`, `not`, parentheses,
/// string literals in single or double quotes, numbers, bare dates `2020-01-31`, and bare
/// column names (a bare column alone means "the cell is not missing"). A comparison with a
/// missing cell is false, so `x != 'a'` is false where `x` is empty while `not (x == 'a')` is true.
///
/// Parse once, ``check(columns:)`` against the source's column types (unknown column →
/// did-you-mean), then ``compile(for:)`` against each `Table` for fast per-row evaluation.
///
/// ```swift
/// let e = try CustomExpression.parse("access == 'open' and record_type in ['decision', 'letter']")
/// let p = try e.compile(for: table)
/// let matches = (0..<table.rowCount).filter { p.matches($0) }.count
/// ```
package indirect enum CustomExpression: Sendable, Hashable {
    case and(CustomExpression, CustomExpression)
    case or(CustomExpression, CustomExpression)
    case not(CustomExpression)
    /// `left op right`, at least one side a column.
    case compare(Operand, Comparison, Operand)
    /// `column in [values]` (`negated` for `not in`).
    case member(Operand, [Operand], negated: Bool)
    /// A bare column: true where the cell is not missing.
    case present(Operand)

    /// A comparison operator.
    package enum Comparison: String, Sendable, Hashable, CaseIterable {
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case lessEqual = "<="
        case greater = ">"
        case greaterEqual = ">="

        /// The operator with its operands swapped (`3 < x` is `x > 3`).
        var swapped: Comparison {
            switch self {
            case .equal, .notEqual: return self
            case .less: return .greater
            case .lessEqual: return .greaterEqual
            case .greater: return .less
            case .greaterEqual: return .lessEqual
            }
        }

        func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
            switch self {
            case .equal: return a == b
            case .notEqual: return a != b
            case .less: return a < b
            case .lessEqual: return a <= b
            case .greater: return a > b
            case .greaterEqual: return a >= b
            }
        }
    }

    /// A column reference or a literal, with the 1-based column where it is written.
    package struct Operand: Sendable, Hashable {
        package enum Value: Sendable, Hashable {
            case column(String)
            case string(String)
            /// A number with its text as written (compared as text against a text column).
            case number(Double, text: String)
            /// A bare `YYYY-MM-DD` date literal (validated when compared to a date column).
            case date(String)
        }
        package var value: Value
        package var position: Int
        package init(_ value: Value, at position: Int) {
            self.value = value
            self.position = position
        }

        var columnName: String? {
            if case .column(let n) = value { return n }
            return nil
        }
    }

    /// Parses an expression.
    ///
    /// - Throws: `CustomExpressionError` with the 1-based column of the problem, e.g.
    ///   `expression:11: expected a value after '=='`.
    package static func parse(_ text: String) throws(CustomExpressionError) -> CustomExpression {
        var parser = CustomExpressionParser(tokens: try CustomExpressionLexer.tokens(text))
        return try parser.parseAll()
    }

    /// Every column the expression reads, each once, in order of first appearance.
    package var columns: [String] {
        var seen: [String] = []
        func visit(_ o: Operand) {
            if let n = o.columnName, !seen.contains(n) { seen.append(n) }
        }
        func walk(_ e: CustomExpression) {
            switch e {
            case .and(let a, let b), .or(let a, let b):
                walk(a)
                walk(b)
            case .not(let a): walk(a)
            case .compare(let l, _, let r):
                visit(l)
                visit(r)
            case .member(let c, let vs, _):
                visit(c)
                vs.forEach(visit)
            case .present(let c): visit(c)
            }
        }
        walk(self)
        return seen
    }
}
