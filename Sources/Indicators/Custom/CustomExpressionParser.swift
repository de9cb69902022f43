/// Recursive-descent parser for ``CustomExpression``.
///
/// ```
/// or      := and ('or' and)*
/// and     := unary ('and' unary)*
/// unary   := 'not' unary | primary
/// primary := '(' or ')' | operand [op operand | 'in' list | 'not' 'in' list]
/// list    := '[' literal (',' literal)* ']'
/// ```
struct CustomExpressionParser {
    private let tokens: [CustomExpressionToken]
    private var i = 0
    /// Open `(` and `not` around the current token. Each level is a few stack frames here
    /// and in every recursive walk of the tree, so it is bounded: a few thousand levels
    /// overflowed the stack (found by fuzzing, docs/hardening.md).
    private var nesting = 0
    static let maxNesting = 64

    init(tokens: [CustomExpressionToken]) { self.tokens = tokens }

    private var current: CustomExpressionToken { tokens[i] }
    private func peek(_ k: Int) -> CustomExpressionToken { tokens[min(i + k, tokens.count - 1)] }
    private mutating func advance() -> CustomExpressionToken {
        let t = tokens[i]
        if i < tokens.count - 1 { i += 1 }
        return t
    }

    private static func describe(_ t: CustomExpressionToken) -> String {
        switch t.kind {
        case .end: return "the end of the expression"
        case .string: return t.text  // already quoted as written
        default: return "'\(t.text)'"
        }
    }

    mutating func parseAll() throws(CustomExpressionError) -> CustomExpression {
        if current.kind == .end {
            throw CustomExpressionError(column: current.column, "empty expression: expected a condition")
        }
        let e = try parseOr()
        guard current.kind == .end else {
            if current.kind == .rightParen {
                throw CustomExpressionError(column: current.column, "')' has no matching '('")
            }
            throw CustomExpressionError(
                column: current.column,
                "expected 'and', 'or' or the end of the expression, found \(Self.describe(current))")
        }
        return e
    }

    private mutating func parseOr() throws(CustomExpressionError) -> CustomExpression {
        var left = try parseAnd()
        while current.kind == .or {
            let op = advance()
            try expectCondition(after: op)
            left = .or(left, try parseAnd())
        }
        return left
    }

    private mutating func parseAnd() throws(CustomExpressionError) -> CustomExpression {
        var left = try parseUnary()
        while current.kind == .and {
            let op = advance()
            try expectCondition(after: op)
            left = .and(left, try parseUnary())
        }
        return left
    }

    private func expectCondition(after op: CustomExpressionToken) throws(CustomExpressionError) {
        switch current.kind {
        case .end, .and, .or, .rightParen, .rightBracket, .comma, .equal, .notEqual, .less, .lessEqual, .greater,
            .greaterEqual, .in:
            throw CustomExpressionError(column: current.column, "expected a condition after '\(op.text)'")
        default: return
        }
    }

    /// One more level of `(` or `not`, at `token`.
    /// - Throws: when the expression would nest more than ``maxNesting`` levels.
    private mutating func enter(_ token: CustomExpressionToken) throws(CustomExpressionError) {
        nesting += 1
        if nesting > Self.maxNesting {
            throw CustomExpressionError(
                column: token.column, "the expression nests more than \(Self.maxNesting) levels of '(' and 'not'")
        }
    }

    private mutating func parseUnary() throws(CustomExpressionError) -> CustomExpression {
        if current.kind == .not {
            let op = advance()
            try enter(op)
            defer { nesting -= 1 }
            try expectCondition(after: op)
            return .not(try parseUnary())
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(CustomExpressionError) -> CustomExpression {
        if current.kind == .leftParen {
            let open = advance()
            try enter(open)
            defer { nesting -= 1 }
            try expectCondition(after: open)
            let inner = try parseOr()
            guard current.kind == .rightParen else {
                throw CustomExpressionError(
                    column: current.column,
                    "expected ')' to close '(' at column \(open.column), found \(Self.describe(current))")
            }
            _ = advance()
            return inner
        }
        let left = try parseOperand(after: nil)
        switch current.kind {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            let opToken = advance()
            let op = Self.comparison(opToken.kind)
            let right = try parseOperand(after: opToken)
            if left.columnName == nil && right.columnName == nil {
                throw CustomExpressionError(column: left.position, "a comparison needs a column on one side")
            }
            return .compare(left, op, right)
        case .in:
            let inToken = advance()
            return .member(try requireColumn(left, before: inToken), try parseList(after: inToken), negated: false)
        case .not where peek(1).kind == .in:
            _ = advance()
            let inToken = advance()
            return .member(try requireColumn(left, before: inToken), try parseList(after: inToken), negated: true)
        default:
            guard left.columnName != nil else {
                throw CustomExpressionError(
                    column: current.column,
                    "expected a comparison (==, !=, <, <=, >, >=, in) after \(Self.describeOperand(left)), found \(Self.describe(current))"
                )
            }
            return .present(left)
        }
    }

    private func requireColumn(_ o: CustomExpression.Operand, before token: CustomExpressionToken)
        throws(CustomExpressionError)
        -> CustomExpression.Operand
    {
        guard o.columnName != nil else {
            throw CustomExpressionError(column: o.position, "expected a column name before '\(token.text)'")
        }
        return o
    }

    private static func describeOperand(_ o: CustomExpression.Operand) -> String {
        switch o.value {
        case .column(let n): return "'\(n)'"
        case .string(let s): return "'\(s)'"
        case .number(_, let t): return t
        case .date(let d): return d
        }
    }

    private static func comparison(_ k: CustomExpressionToken.Kind) -> CustomExpression.Comparison {
        switch k {
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        default: return .greaterEqual
        }
    }

    /// A column or literal. `after` is the operator before it, for the message when it is missing.
    private mutating func parseOperand(after op: CustomExpressionToken?) throws(CustomExpressionError)
        -> CustomExpression.Operand
    {
        let t = current
        switch t.kind {
        case .identifier(let name):
            _ = advance()
            return .init(.column(name), at: t.column)
        case .string(let s):
            _ = advance()
            return .init(.string(s), at: t.column)
        case .number(let v, let text):
            _ = advance()
            return .init(.number(v, text: text), at: t.column)
        case .date(let d):
            _ = advance()
            return .init(.date(d), at: t.column)
        default:
            if let op {
                throw CustomExpressionError(column: t.column, "expected a value after '\(op.text)'")
            }
            throw CustomExpressionError(column: t.column, "expected a condition, found \(Self.describe(t))")
        }
    }

    private mutating func parseList(after inToken: CustomExpressionToken) throws(CustomExpressionError)
        -> [CustomExpression.Operand]
    {
        guard current.kind == .leftBracket else {
            throw CustomExpressionError(column: current.column, "expected '[' after '\(inToken.text)'")
        }
        let open = advance()
        var values: [CustomExpression.Operand] = []
        if current.kind == .rightBracket {
            throw CustomExpressionError(column: current.column, "expected at least one value in '[ ]'")
        }
        while true {
            let before = values.isEmpty ? open : tokens[i - 1]
            let v = try parseOperand(after: before)
            if v.columnName != nil {
                throw CustomExpressionError(
                    column: v.position, "a list after 'in' holds values, not columns (quote text: '\(v.columnName!)')")
            }
            values.append(v)
            if current.kind == .comma {
                _ = advance()
                continue
            }
            guard current.kind == .rightBracket else {
                throw CustomExpressionError(
                    column: current.column,
                    "expected ',' or ']' to close '[' at column \(open.column), found \(Self.describe(current))")
            }
            _ = advance()
            return values
        }
    }
}
