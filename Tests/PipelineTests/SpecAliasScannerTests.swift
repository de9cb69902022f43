import ApenCore
import Foundation
import Testing

@testable import Pipeline

/// The lexical alias scan: aliases are found where YAML would read them, and `*` inside
/// text (globs, quoted or block scalars, comments) is left alone.
struct SpecAliasScannerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var expected: [(line: Int, column: Int, name: String)]
        var testDescription: String { text.debugDescription }
    }

    static let cases: [Case] = [
        Case(text: "a: *x", expected: [(1, 4, "x")]),
        Case(text: "- *x", expected: [(1, 3, "x")]),
        Case(text: "[*a, *b]", expected: [(1, 2, "a"), (1, 6, "b")]),
        Case(text: "{k: *a}", expected: [(1, 5, "a")]),
        Case(text: "a: &x 1\n<<: *x", expected: [(2, 5, "x")]),
        Case(text: "? *k\n: v", expected: [(1, 3, "k")]),
        // Not aliases: globs, text with stars, quoted, comments, block scalars.
        Case(text: "indicators: [survey.*, foi.*]", expected: []),
        Case(text: "indicators:\n  - survey.*\n  - '*.index'", expected: []),
        Case(text: "title: a *b* c", expected: []),
        Case(text: "t: '*x'\nu: \"*y\\\" *z\"", expected: []),
        Case(text: "t: 'it''s *x'", expected: []),
        Case(text: "a: 1 # see *x", expected: []),
        Case(text: "# *x", expected: []),
        Case(text: "a: |\n  *x\n\n  *y\nb: *z", expected: [(5, 4, "z")]),
        Case(text: "- a: >-\n    *no\n  b: *yes", expected: [(3, 6, "yes")]),
        Case(text: "a: \"multi\n  *line\"\nb: *c", expected: [(3, 4, "c")]),
        Case(text: "a: b*c", expected: []),
        Case(text: "a: *", expected: []),
        Case(text: "ö: *å", expected: [(1, 4, "å")]),
    ]

    @Test(arguments: cases)
    func findsAliases(_ c: Case) {
        let found = YAMLAliasScanner.aliases(in: c.text)
        #expect(found.map(\.line) == c.expected.map(\.line))
        #expect(found.map(\.column) == c.expected.map(\.column))
        #expect(found.map(\.name) == c.expected.map(\.name))
    }

    /// The "billion laughs" file: nine levels of nine aliases (9⁹ ≈ 387 million leaves) is
    /// rejected at once, naming each alias, instead of hanging the loader.
    @Test func aliasBombIsRejectedQuickly() throws {
        var lines = ["pipeline: bomb", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        lines.append("? *a9\n: boom")  // an alias as a key: Yams would hash the whole tree
        let start = Date()
        let error = try #require(throws: DiagnosticList.self) {
            try PipelineLoader.load(yaml: lines.joined(separator: "\n"), path: "bomb.yaml")
        }
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(error.diagnostics.count == 82)  // 9 levels × 9 aliases + the key
        #expect(
            error.diagnostics[0].description
                == "bomb.yaml:3:10: YAML alias '*a0' is not allowed in a pipeline file; write the value out in full")
    }
}
