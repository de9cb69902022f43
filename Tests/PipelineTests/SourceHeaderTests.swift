import ApenCore
import Foundation
import Ingest
import Testing

@testable import Pipeline

/// `Ingestor.header`: the names the validator checks a pipeline against are the names Ingest
/// binds columns from (the same libcsv reader, sniffer and codec). Expected names are worked
/// out by hand from the files and from libcsv's rules.
struct SourceHeaderTests {
    /// A fresh folder with one file, removed by the caller.
    static func folder(with name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("apen-header-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name))
        return dir
    }

    static func names(
        _ path: String, delimiter: IngestOptions.Delimiter = .sniff, encoding: IngestOptions.Encoding = .utf8
    ) throws -> [String]? {
        var options = IngestOptions(source: "s", kind: .population, path: path)
        options.delimiter = delimiter
        options.encoding = encoding
        return try Ingestor.header(options)?.names
    }

    static func names(ofFile text: String, delimiter: IngestOptions.Delimiter = .sniff) throws -> [String]? {
        let dir = try folder(with: "h.csv", Array(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        return try names(dir + "/h.csv", delimiter: delimiter)
    }

    @Test(arguments: [
        // file, declared delimiter, encoding, expected names
        (
            "survey.csv", IngestOptions.Delimiter.sniff, IngestOptions.Encoding.utf8,
            ["RespNr", "aar", "vekt", "stratum", "klynge", "q01", "q02", "q03", "q04"]
        ),
        (
            "publications.csv", .sniff, .utf8,
            ["record_id", "municipality", "record_type", "registered", "published", "access"]
        ),
        // byte-order mark, quoted names, CRLF
        ("requests.csv", .sniff, .utf8, ["request_id", "municipality", "received", "answered", "outcome"]),
        // windows-1252: byte 0xE5 is å
        ("population.csv", .byte(UInt8(ascii: ";")), .windows1252, ["kommune", "år", "folketall"]),
        ("population.csv", .sniff, .iso88591, ["kommune", "år", "folketall"]),
        // a declared delimiter wins over sniffing
        ("survey.csv", .byte(UInt8(ascii: ",")), .utf8, ["RespNr;aar;vekt;stratum;klynge;q01;q02;q03;q04"]),
    ])
    func readsHeader(
        file: String, delimiter: IngestOptions.Delimiter, encoding: IngestOptions.Encoding, expected: [String]
    ) throws {
        #expect(try Self.names(SpecFixtures.folder + "/" + file, delimiter: delimiter, encoding: encoding) == expected)
    }

    @Test(arguments: [
        ("a,\"b,c\",\"d\"\"e\"\n", ["a", "b,c", "d\"e"]),
        (" a ; b ;c\n", ["a", "b", "c"]),  // ';' outnumbers ','
        ("a\tb,c\td\n", ["a", "b,c", "d"]),
        ("single\n", ["single"]),
    ])
    func splitsSniffed(file: String, expected: [String]) throws {
        #expect(try Self.names(ofFile: file) == expected)
    }

    /// Line ends and blank lines as Ingest reads them: LF, CRLF or a lone CR (Excel for Mac's
    /// "CSV (Macintosh)"), empty lines before the header skipped (and counted), a byte-order
    /// mark dropped.
    @Test(arguments: [
        ("municipality,year,population\r5001,2019,212660\r", ["municipality", "year", "population"], 1),
        ("\n\r\nmunicipality,year\n5001,2019\n", ["municipality", "year"], 3),
        ("\u{FEFF}\r\nmunicipality;year\r\n", ["municipality", "year"], 2),
        ("municipality,year\r\n5001,2019\r\n", ["municipality", "year"], 1),
    ])
    func headerStartsWhereIngestStartsIt(file: String, names: [String], line: Int) throws {
        let dir = try Self.folder(with: "h.csv", Array(file.utf8))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let header = try Ingestor.header(IngestOptions(source: "s", kind: .population, path: dir + "/h.csv"))
        #expect(header?.names == names)
        #expect(header?.line == line)
    }

    /// Quotes and blanks as libcsv reads them in strict mode: a quote opens quoting only as a
    /// field's first byte (elsewhere it is text); only ASCII spaces and tabs are trimmed, so a
    /// no-break space stays part of the name.
    @Test(arguments: [
        ("a\"b,c\n", ["a\"b", "c"]),
        (" \"a\",b\n", ["\"a\"", "b"]),
        ("year\u{A0},municipality\n", ["year\u{A0}", "municipality"]),
        // a quoted name spanning lines: one name with the line break in it
        ("\"kommune\nnr\",år\n5001,2019\n", ["kommune\nnr", "år"]),
    ])
    func splitsAsLibcsv(file: String, names: [String]) throws {
        #expect(try Self.names(ofFile: file, delimiter: .byte(UInt8(ascii: ","))) == names)
    }

    /// A quoted name followed by more text is malformed for libcsv in strict mode: the header
    /// reader fails with the message `read` gives (the retired split-by-hand reader accepted
    /// these, so the validator passed files that the run then refused).
    @Test(arguments: ["\"a\"b\",c\n", "\"x, y\" , z\n"])
    func malformedQuotedNameFailsAsIngestFails(file: String) throws {
        let dir = try Self.folder(with: "h.csv", Array(file.utf8))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let options = IngestOptions(source: "s", kind: .population, path: dir + "/h.csv")
        let fromHeader = #expect(throws: Diagnostic.self) { try Ingestor.header(options) }
        let fromRead = #expect(throws: Diagnostic.self) { try Ingestor.readTable(options) }
        #expect(fromHeader?.message == fromRead?.message)
        #expect(fromHeader?.message.contains("followed by more text after its closing quote") == true)
    }

    @Test func emptyFileHasNoHeader() throws {
        #expect(try Self.names(ofFile: "") == nil)
        #expect(try Self.names(ofFile: "\n\r\n") == nil)
        #expect(try Self.names(ofFile: "\u{FEFF}") == nil)
    }

    /// The decimal-comma rule `read` applies: a comma-separated header with a decimal comma.
    @Test func commaHeaderWithDecimalComma() throws {
        let dir = try Self.folder(with: "h.csv", Array("kommune,verdi\n5001,\"1,5\"\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = IngestOptions(source: "s", kind: .population, path: dir + "/h.csv")
        options.decimalComma = true
        let header = try #require(try Ingestor.header(options))
        #expect(header.commaSeparatedWithDecimalComma(options))
        #expect(header.commas == 1 && header.semicolons == 0 && header.tabs == 0)
        #expect(throws: Diagnostic.self) { try Ingestor.readTable(options) }
    }

    /// End to end (a FuzzHeader find): a pipeline over a CR-only file validates, and Ingest reads
    /// the same file.
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

    /// The header is read with a 64 KiB first block; a first line longer than that (here a
    /// 100 000-byte name, quoted with a line break inside) is read again with `read`'s block,
    /// so the names and the sniffed delimiter are what `read` uses.
    @Test func headerLongerThanTheSmallBlock() throws {
        let long = String(repeating: "x", count: 100_000)
        let file = "\"\(long)\na\";b;c\n1;2;3\n"
        let dir = try Self.folder(with: "h.csv", Array(file.utf8))
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let options = IngestOptions(source: "s", kind: .population, path: dir + "/h.csv")
        let header = try #require(try Ingestor.header(options))
        #expect(header.names == [long + "\na", "b", "c"])
        #expect(header.delimiter == UInt8(ascii: ";"))
        #expect(header.semicolons == 2)
    }
}
