import ApenCore
import Testing

@testable import Indicators

/// Compiled expressions (Custom/CustomPredicate.swift) over a small publications table.
/// Expected rows are read off the table below by hand.
@Suite struct ExpressionEvaluationTests {
    //  row  municipality access   record_type registered  published   weight linked
    //  0    0301         open     decision    2020-01-10  2020-01-15  1.5    true
    //  1    0301         exempt   letter      2020-02-01  –           –      –
    //  2    5001         partial  decision    2019-12-31  2020-01-02  3      false
    //  3    5001         open     –           2020-03-01  2020-03-01  0.5    –
    //  4    5006         Open     dataset     2021-01-01  –           2      –
    static let table = CustomTestTables.table(
        .publications,
        [
            "municipality": CustomTestTables.text(["0301", "0301", "5001", "5001", "5006"]),
            "access": CustomTestTables.text(["open", "exempt", "partial", "open", "Open"]),
            "record_type": CustomTestTables.text(["decision", "letter", "decision", nil, "dataset"]),
            "registered": CustomTestTables.date(["2020-01-10", "2020-02-01", "2019-12-31", "2020-03-01", "2021-01-01"]),
            "published": CustomTestTables.date(["2020-01-15", nil, "2020-01-02", "2020-03-01", nil]),
            "weight": CustomTestTables.number([1.5, nil, 3, 0.5, 2]),
            "linked": CustomTestTables.text(["true", nil, "false", nil, nil]),
        ])

    @Test(arguments: [
        ("access == 'open'", [0, 3]),  // case-sensitive: "Open" is not "open"
        ("access != 'open'", [1, 2, 4]),
        ("record_type != 'decision'", [1, 4]),  // row 3 is missing → false
        ("not (record_type == 'decision')", [1, 3, 4]),  // … but its negation is true
        ("record_type in ['decision', 'letter']", [0, 1, 2]),
        ("record_type not in ['decision']", [1, 4]),
        ("published", [0, 2, 3]),
        ("not published", [1, 4]),
        ("linked", [0, 2]),
        ("registered >= 2020-01-10", [0, 1, 3, 4]),
        ("registered < '2020-01-01'", [2]),
        ("registered in [2020-03-01, '2021-01-01']", [3, 4]),
        ("published == registered", [3]),
        ("published > registered", [0, 2]),
        ("published != registered", [0, 2]),  // 1 and 4 have no published date
        ("weight > 1", [0, 2, 4]),
        ("weight <= 1.5", [0, 3]),
        ("weight != 2", [0, 2, 3]),  // row 1 missing
        ("2 <= weight", [2, 4]),
        ("weight in [0.5, 3]", [2, 3]),
        ("weight not in [0.5, 3]", [0, 4]),
        ("weight == '1.5'", [0]),
        ("access == 'open' or weight > 2.5", [0, 2, 3]),
        ("access == 'open' and not published", []),
        ("(access == 'open' or access == 'Open') and registered >= 2020-02-01", [3, 4]),
        // UTF-8 byte order: "Open" (O = 0x4F) < "exempt" < "open" < "p" < "partial".
        ("access < 'p'", [0, 1, 3, 4]),
        ("access >= 'exempt'", [0, 1, 2, 3]),
        ("municipality == 0301", [0, 1]),  // a number literal meets a text column as written
        ("municipality > 1000", [2, 3, 4]),  // text order: "5001" > "1000" > "0301"
    ])
    func matchesRows(expression: String, expected: [Int]) throws {
        let p = try CustomExpression.parse(expression).compile(for: Self.table)
        #expect((0..<Self.table.rowCount).filter { p.matches($0) } == expected)
    }

    @Test(arguments: [
        ("weight == 'abc'", 11, "column 'weight' holds numbers; \"abc\" is not a number"),
        (
            "registered == 2020-02-31", 15,
            "column 'registered' holds dates; \"2020-02-31\" is not a valid date (YYYY-MM-DD)"
        ),
        ("registered > 5", 14, "column 'registered' holds dates; write a date like 2020-01-31, not 5"),
        ("weight == 2020-01-01", 11, "column 'weight' holds numbers; 2020-01-01 is a date"),
        ("weight == access", 11, "cannot compare column 'weight' (number) with column 'access' (text)"),
        ("weight in [1, 'x']", 15, "column 'weight' holds numbers; \"x\" is not a number"),
        (
            "weight > 1 or acess == 'open'", 15,
            "unknown column 'acess'; did you mean 'access'? (columns: access, linked, municipality, published, record_type, registered, weight)"
        ),
        (
            "colour", 1,
            "unknown column 'colour' (columns: access, linked, municipality, published, record_type, registered, weight)"
        ),
    ])
    func rejectsAtCompile(expression: String, column: Int, message: String) throws {
        let e = try CustomExpression.parse(expression)
        #expect(throws: CustomExpressionError(column: column, message)) { try e.compile(for: Self.table) }
    }

    @Test func checksWithoutData() throws {
        // The pipeline validator knows only the source kind's canonical column types.
        var columns: [String: ColumnType] = [:]
        for c in SourceKind.accessRequests.requiredColumns + SourceKind.accessRequests.optionalColumns {
            columns[c] = SourceKind.accessRequests.columnType(c)
        }
        try CustomExpression.parse("outcome in ['granted', 'partial'] and answered >= 2020-01-01").check(
            columns: columns)
        #expect(
            throws: CustomExpressionError(
                column: 1,
                "unknown column 'outcom'; did you mean 'outcome'? (columns: answered, municipality, outcome, received, request_id)"
            )
        ) {
            try CustomExpression.parse("outcom == 'granted'").check(columns: columns)
        }
    }
}
