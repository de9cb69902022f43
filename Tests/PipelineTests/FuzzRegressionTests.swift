import ApenCore
import Foundation
import Ingest
import Testing

@testable import Pipeline

/// The validator's header reader (`HeaderLine`) must see the header Ingest binds columns
/// from. FuzzHeader (fuzz/, docs/hardening.md) compares the two; these are its finds.
struct FuzzRegressionTests {
    /// A fresh folder with one file, removed by the caller.
    static func folder(with name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("apen-fuzz-regression-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name))
        return dir
    }

    /// Line ends and blank lines as Ingest reads them: LF, CRLF or a lone CR (Excel for Mac's
    /// "CSV (Macintosh)"), empty lines before the header skipped, a byte-order mark dropped.
    /// Before the fix a CR-only file was one long "line" and a leading blank line was "no header".
    @Test(arguments: [
        ("municipality,year,population\r5001,2019,212660\r", "municipality,year,population"),
        ("\n\r\nmunicipality,year\n5001,2019\n", "municipality,year"),
        ("\u{FEFF}\r\nmunicipality;year\r\n", "municipality;year"),
        ("municipality,year\r\n5001,2019\r\n", "municipality,year"),
    ])
    func firstLineEndsWhereIngestEndsIt(file: String, line: String) throws {
        let dir = try Self.folder(with: "h.csv", Array(file.utf8))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try HeaderLine.line(path: dir + "/h.csv", encoding: .utf8) == line)
    }

    /// Quotes and blanks as libcsv reads them in Ingest (expected names worked out by hand
    /// from its rules): a quote opens quoting only as a field's first byte; inside quotes, a
    /// quote not followed by the delimiter or the line end is text; only ASCII spaces and
    /// tabs are trimmed, so a no-break space stays part of the name, as in Ingest.
    @Test(arguments: [
        ("a\"b,c", ["a\"b", "c"]),
        ("\"a\"b\",c", ["a\"b", "c"]),
        (" \"a\",b", ["\"a\"", "b"]),
        ("year\u{A0},municipality", ["year\u{A0}", "municipality"]),
        ("\"x, y\" , z", ["x, y\" , z"]),  // a blank after the closing quote keeps the field open
    ])
    func splitsAsIngest(line: String, names: [String]) {
        #expect(HeaderLine.split(line, delimiter: .byte(UInt8(ascii: ","))) == names)
    }

    /// End to end: a pipeline over a CR-only file validates, and Ingest reads the same file.
    @Test func crOnlyFileValidatesAndIngests() throws {
        let file = "request_id,municipality,received\ra1,5001,2019-02-01\ra2,5001,2019-02-04\r"
        let dir = try Self.folder(with: "requests.csv", Array(file.utf8))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let yaml = """
            pipeline: mac
            sources:
              requests:
                kind: access_requests
                path: requests.csv
            indicators: [foi.*]
            """
        let spec = try PipelineLoader.load(yaml: yaml, path: dir + "/mac.yaml")
        let (table, summary) = try Ingestor.readTable(spec.sources[0].options)
        #expect(summary.rejected.isEmpty)
        #expect(table.rowCount == 2)
        // 2019-02-01 is day 17928 since 1970-01-01 (49 years of 365 days + 12 leap days + 31).
        #expect(table.days("received") == [17928, 17931])
    }
}
