import ApenCore
import Foundation
import Testing

@testable import Ingest

/// Declared extra columns (METHODS §1 "Extra columns", issue 18): each type's cells parsed and
/// checked like a canonical column's, empty = missing, a bad cell a rejected row with its line.
@Suite struct ExtraColumnTests {
    func read(_ csv: String, _ extra: [String: ExtraColumn], decimalComma: Bool = false) throws -> (
        Table, IngestSummary
    ) {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("extra-cols-\(getpid())-\(UUID().uuidString).csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var o = IngestOptions(source: "t", kind: .engagement, path: path)
        o.extra = extra
        o.decimalComma = decimalComma
        o.maxRejected = 1
        return try Ingestor.readTable(o)
    }

    static let header = "municipality,date,participant_id,"

    /// All ten spellings of METHODS §1 in several cases; 1 and 0 by hand.
    @Test func booleanSpellings() throws {
        let cells = ["true", "TRUE", "Yes", "ja", "JA", "1", "false", "No", "nei", "NEI", "0", ""]
        let csv = Self.header + "deler\n" + cells.map { "5001,2024-01-02,p,\($0)\n" }.joined()
        let (t, s) = try read(csv, ["shares": ExtraColumn(header: "deler", type: .boolean)])
        #expect(s.rejected.isEmpty)
        let v = try #require(t.numbers("shares"))
        #expect(Array(v.prefix(11)) == [1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0])
        #expect(v[11].isNaN)  // empty is missing
    }

    /// One bad cell per type, each a rejected row naming the extra column (lines: header = 1).
    @Test func badCellsAreRejectedRows() throws {
        let csv =
            Self.header + "b,i,x,d,t\n"
            + "5001,2024-01-02,p,maybe,1,1.5,2024-01-01,a\n"  // 2: boolean
            + "5001,2024-01-02,p,yes,2.5,1.5,2024-01-01,a\n"  // 3: integer
            + "5001,2024-01-02,p,yes,2,abc,2024-01-01,a\n"  // 4: number
            + "5001,2024-01-02,p,yes,2,1.5,2024-02-30,a\n"  // 5: date
            + "5001,2024-01-02,p,no,-3,,,\n"  // 6: good, empties missing
        let (t, s) = try read(
            csv,
            [
                "b": ExtraColumn(header: "b", type: .boolean), "i": ExtraColumn(header: "i", type: .integer),
                "x": ExtraColumn(header: "x", type: .number), "d": ExtraColumn(header: "d", type: .date),
                "t": ExtraColumn(header: "t", type: .text),
            ])
        #expect(s.rejected.map(\.line) == [2, 3, 4, 5])
        #expect(s.rejected.map(\.field) == ["b", "i", "x", "d"])
        #expect(
            s.rejected.map(\.reason) == [
                "\"maybe\" is not a boolean (true/false, yes/no, ja/nei, 1/0)", "\"2.5\" is not a whole number",
                "\"abc\" is not a number", "\"2024-02-30\" is an impossible date",
            ])
        #expect(t.rowCount == 1)
        #expect(t.numbers("b") == [0])
        #expect(t.numbers("i") == [-3])
        #expect(t.numbers("x")?[0].isNaN == true)
        #expect(t.days("d") == [Column.missingDay])
        #expect(t.strings("t") == [nil])
    }

    /// A decimal comma applies to extra numbers as to canonical ones; types are the table's.
    @Test func decimalCommaAndTypes() throws {
        let csv = "municipality;date;participant_id;x;d\n5001;2024-01-02;p;2,5;2019-03-04\n"
        let (t, _) = try read(
            csv, ["x": ExtraColumn(header: "x", type: .number), "d": ExtraColumn(header: "d", type: .date)],
            decimalComma: true)
        #expect(t.numbers("x") == [2.5])
        #expect(t.days("d") == [17959])  // (date(2019,3,4) - date(1970,1,1)).days
    }

    /// Missing from the header: the source fails naming the column and the header.
    @Test func missingFromTheHeader() throws {
        #expect(throws: Diagnostic.self) {
            try read(Self.header + "x\n5001,2024-01-02,p,1\n", ["y": ExtraColumn(header: "Y", type: .number)])
        }
        do {
            _ = try read(Self.header + "x\n5001,2024-01-02,p,1\n", ["y": ExtraColumn(header: "Y", type: .number)])
        } catch let d as Diagnostic {
            #expect(
                d.message
                    == "extra column 'Y' (for 'y') declared under extra: is not in the header; "
                    + "the header is: 'municipality', 'date', 'participant_id', 'x'")
        }
    }

    /// A name that is a canonical column of the kind is refused before reading.
    @Test func canonicalNameCollides() throws {
        #expect(throws: Diagnostic.self) {
            try read(Self.header + "x\n5001,2024-01-02,p,1\n", ["channel": ExtraColumn(header: "x", type: .text)])
        }
    }
}
