import Testing

@testable import Indicators

/// The parser of the custom-indicator expression language (Custom/CustomExpressionParser.swift).
/// Expected groupings are written by hand in the fully parenthesised form of `description`.
@Suite struct ExpressionParserTests {
    @Test(arguments: [
        ("access == 'open'", "(`access` == \"open\")"),
        ("access == \"open\"", "(`access` == \"open\")"),
        ("access=='open'", "(`access` == \"open\")"),
        ("weight >= 1.5", "(`weight` >= 1.5)"),
        ("weight < -2", "(`weight` < -2)"),
        ("weight <> 3", "(`weight` != 3)"),
        ("weight != 1e3", "(`weight` != 1e3)"),
        ("3 < weight", "(3 < `weight`)"),
        ("municipality == 0301", "(`municipality` == 0301)"),
        ("registered >= 2020-01-31", "(`registered` >= 2020-01-31)"),
        ("registered >= '2020-01-31'", "(`registered` >= \"2020-01-31\")"),
        ("channel in ['web', \"meeting\"]", "(`channel` in [\"web\", \"meeting\"])"),
        ("channel not in ['web']", "(`channel` not in [\"web\"])"),
        ("published", "`published`"),
        ("not published", "(not `published`)"),
        ("not not published", "(not (not `published`))"),
        // `and` binds tighter than `or`; both are left-associative.
        ("a == 1 or b == 2 and c == 3", "((`a` == 1) or ((`b` == 2) and (`c` == 3)))"),
        ("(a == 1 or b == 2) and c == 3", "(((`a` == 1) or (`b` == 2)) and (`c` == 3))"),
        ("a == 1 and b == 2 and c == 3", "(((`a` == 1) and (`b` == 2)) and (`c` == 3))"),
        ("not a == 1 and b", "((not (`a` == 1)) and `b`)"),
        ("`odd name` == 'x'", "(`odd name` == \"x\")"),
        ("kommune_nr == 'Bodø'", "(`kommune_nr` == \"Bodø\")"),
        ("note == 'it\\'s'", "(`note` == \"it's\")"),
        ("a == b", "(`a` == `b`)"),
    ])
    func parses(text: String, expected: String) throws {
        #expect(try CustomExpression.parse(text).description == expected)
    }

    /// Error columns are 1-based character positions, counted by hand under each text.
    @Test(arguments: [
        //        123456789012
        ("access == ", 11, "expected a value after '=='"),
        ("access == and x", 11, "expected a value after '=='"),
        ("", 1, "empty expression: expected a condition"),
        ("   ", 4, "empty expression: expected a condition"),
        ("access = 'open'", 8, "use '==' to compare, not '='"),
        ("!access", 1, "use 'not' to negate, not '!'"),
        ("access == 'open", 11, "string starting here is not closed (missing ')"),
        ("(a == 1", 8, "expected ')' to close '(' at column 1, found the end of the expression"),
        ("a == 1)", 7, "')' has no matching '('"),
        ("a == 1 b == 2", 8, "expected 'and', 'or' or the end of the expression, found 'b'"),
        ("a == 1 and", 11, "expected a condition after 'and'"),
        ("a == 1 or or", 11, "expected a condition after 'or'"),
        ("not", 4, "expected a condition after 'not'"),
        ("a in 'x'", 6, "expected '[' after 'in'"),
        ("a in []", 7, "expected at least one value in '[ ]'"),
        ("a in ['x' 'y']", 11, "expected ',' or ']' to close '[' at column 6, found 'y'"),
        ("a in ['x', b]", 12, "a list after 'in' holds values, not columns (quote text: 'b')"),
        ("'x' == 'y'", 1, "a comparison needs a column on one side"),
        ("'x'", 4, "expected a comparison (==, !=, <, <=, >, >=, in) after 'x', found the end of the expression"),
        ("a == 1 & b", 8, "unexpected character '&'"),
        ("d == 2020-13-45x", 6, "'2020-13-45x' is not a date (YYYY-MM-DD) or a number"),
        ("n == 12abc", 6, "'12abc' is not a number"),
        ("Bodø == ", 9, "expected a value after '=='"),
    ])
    func reportsErrorColumn(text: String, column: Int, message: String) {
        #expect(throws: CustomExpressionError(column: column, message)) { try CustomExpression.parse(text) }
    }

    @Test func rendersErrorLikeADiagnostic() {
        let e = CustomExpressionError(column: 12, "expected a value after '=='")
        #expect(e.description == "expression:12: expected a value after '=='")
        // The pipeline passes where the expression text starts in the file: column 20 of line 7.
        let d = e.diagnostic(at: .init(path: "p.yaml", line: 7, column: 20))
        #expect(d.description == "p.yaml:7:31: expected a value after '=='")
    }

    @Test func listsColumnsOnce() throws {
        let e = try CustomExpression.parse("a == 1 and (b in ['x'] or not a) and c < b")
        #expect(e.columns == ["a", "b", "c"])
    }
}
