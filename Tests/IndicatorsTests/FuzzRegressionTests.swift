import Testing

@testable import Indicators

/// Expression texts found by FuzzExpression (fuzz/, docs/hardening.md), kept as tests.
struct FuzzRegressionTests {
    /// About a thousand nested `(` overflowed the stack (a crash, not an error): the parser
    /// recursed once per level with no bound. Now 64 levels of `(` and `not` parse and the
    /// 65th is an error at its own column (one character per level, so column 65).
    @Test(arguments: ["(", "not "])
    func nestingIsBounded(level: String) throws {
        let limit = CustomExpressionParser.maxNesting
        #expect(limit == 64)
        let close = level == "(" ? ")" : ""
        func text(_ depth: Int) -> String {
            String(repeating: level, count: depth) + "x == 1" + String(repeating: close, count: depth)
        }
        _ = try CustomExpression.parse(text(64))
        #expect(
            throws: CustomExpressionError(
                column: 64 * level.count + 1,
                "the expression nests more than 64 levels of '(' and 'not'")
        ) {
            try CustomExpression.parse(text(65))
        }
        // Far past the limit: still an error, not a crash.
        #expect(throws: CustomExpressionError.self) { try CustomExpression.parse(text(100_000)) }
    }

    /// Long flat chains are not nesting: a thousand `or`s parse and evaluate.
    @Test func longChainsStillParse() throws {
        let e = try CustomExpression.parse(Array(repeating: "x == 1", count: 1000).joined(separator: " or "))
        #expect(e.columns == ["x"])
    }
}
