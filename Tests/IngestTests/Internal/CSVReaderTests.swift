import ApenCore
import Foundation
import Testing

@testable import Ingest

/// Line counting and block handling of the libcsv reader. Expected lines are counted by hand
/// the way an editor numbers lines (LF, CRLF and lone CR each end a line).
@Suite struct CSVReaderTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        /// (line the record starts on, its fields).
        var records: [(Int, [String])]
        var description: String { text.debugDescription }
    }

    static let cases: [Case] = [
        Case(text: "h1,h2\na,b\nc,d\n", records: [(1, ["h1", "h2"]), (2, ["a", "b"]), (3, ["c", "d"])]),
        Case(text: "h1,h2\r\na,b\r\nc,d", records: [(1, ["h1", "h2"]), (2, ["a", "b"]), (3, ["c", "d"])]),
        Case(text: "h\rx\ry\r", records: [(1, ["h"]), (2, ["x"]), (3, ["y"])]),
        // Blank lines are skipped but counted; CRLF blank lines count once.
        Case(text: "h\n\n\r\nx\n\n", records: [(1, ["h"]), (4, ["x"])]),
        Case(text: "\n\nh\nx\n", records: [(3, ["h"]), (4, ["x"])]),
        // A quoted newline makes the record span lines; the next record starts after it.
        Case(
            text: "h1,h2\n\"a\nb\",c\nd,e\n",
            records: [(1, ["h1", "h2"]), (2, ["a\nb", "c"]), (4, ["d", "e"])]),
        Case(
            text: "h1,h2\r\n\"a\r\n\r\nb\",c\r\nd,e\r\n",
            records: [(1, ["h1", "h2"]), (2, ["a\r\n\r\nb", "c"]), (5, ["d", "e"])]),
        Case(text: "h\n\"x\ry\"\nz\n", records: [(1, ["h"]), (2, ["x\ry"]), (4, ["z"])]),
        // Spaces are data (no trimming), a lone space line is a record, "" is an empty field.
        Case(text: "h\n x \n \n\"\"\n", records: [(1, ["h"]), (2, [" x "]), (3, [" "]), (4, [""])]),
        // Doubled quotes, quoted delimiters, empty fields.
        Case(text: "a,\"b,\"\"c\"\"\",,\n", records: [(1, ["a", "b,\"c\"", "", ""])]),
        // A quote inside a field that does not start with one is a literal character (strict
        // mode stops there; the reader feeds the byte leniently), also when split across blocks.
        Case(
            text: "h,i\n5\" x,\"a\"\"\"\nb\"\"c,d\n",
            records: [(1, ["h", "i"]), (2, ["5\" x", "a\""]), (3, ["b\"\"c", "d"])]),
        // A UTF-8 byte-order mark is not part of the first field.
        Case(text: "\u{FEFF}h1,h2\n1,2\n", records: [(1, ["h1", "h2"]), (2, ["1", "2"])]),
    ]

    /// Every case with blocks of 1, 2, 3 and 7 bytes (CRLF and quotes split across blocks)
    /// and with the default 1 MiB block.
    @Test(arguments: cases, [1, 2, 3, 7, 1 << 20])
    func records(c: Case, blockSize: Int) throws {
        let got = try withTemporaryFile(Array(c.text.utf8)) { path in
            let reader = try CSVReader(path: path, blockSize: blockSize)
            var got: [(Int, [String])] = []
            try reader.run(delimiter: UInt8(ascii: ",")) { record, line in
                got.append((line, (0..<record.count).map { String(decoding: record.field($0), as: UTF8.self) }))
                return true
            }
            return got
        }
        #expect(got.map(\.0) == c.records.map(\.0))
        #expect(got.map(\.1) == c.records.map(\.1))
    }

    @Test(arguments: [1, 3, 1 << 20])
    func openQuoteAtEndNamesTheRecordLine(blockSize: Int) throws {
        let error = try withTemporaryFile(Array("h\nx\n\"y\nz\n".utf8)) { path in
            try #require(throws: Diagnostic.self) {
                try CSVReader(path: path, blockSize: blockSize).run(delimiter: UInt8(ascii: ",")) { _, _ in true }
            }
        }
        #expect(error.location.line == 3)
    }

    /// An open quote on line 2 followed by 100 lines of 40 bytes: with a 1 KiB field limit
    /// and 256-byte blocks the reader stops early, naming line 2.
    @Test func overlongFieldStops() throws {
        let text = "h\n\"open\n" + String(repeating: String(repeating: "x", count: 39) + "\n", count: 100)
        var records = 0
        let error = try withTemporaryFile(Array(text.utf8)) { path in
            try #require(throws: Diagnostic.self) {
                try CSVReader(path: path, blockSize: 256, maxFieldBytes: 1024).run(delimiter: UInt8(ascii: ",")) {
                    _, _ in
                    records += 1
                    return true
                }
            }
        }
        #expect(records == 1)
        #expect(error.location.line == 2)
        #expect(error.message.hasSuffix("is a quote left open?"))
    }

    /// 200 short fields and no line break: the record, not a field, passes 1 KiB.
    @Test func overlongRecordStops() throws {
        let text = "h\n" + String(repeating: "abcdefghi,", count: 200)
        let error = try withTemporaryFile(Array(text.utf8)) { path in
            try #require(throws: Diagnostic.self) {
                try CSVReader(path: path, blockSize: 256, maxFieldBytes: 1024).run(delimiter: UInt8(ascii: ",")) {
                    _, _ in
                    true
                }
            }
        }
        #expect(error.location.line == 2)
        #expect(
            error.message
                == "the record that starts on this line is longer than 1024 bytes; does the file have line breaks?")
    }

    /// `"p"x`: text after a closing quote. Lenient libcsv would reopen the field and swallow
    /// lines 4 and 5 into it; the reader fails instead, naming the line the record starts on.
    @Test(arguments: [1, 3, 1 << 20])
    func textAfterClosingQuoteFailsTheFile(blockSize: Int) throws {
        let error = try withTemporaryFile(Array("h,i\nx,y\n\"p\"x,y\nz,w\n\"a\",b\n".utf8)) { path in
            try #require(throws: Diagnostic.self) {
                try CSVReader(path: path, blockSize: blockSize).run(delimiter: UInt8(ascii: ",")) { _, _ in true }
            }
        }
        #expect(error.location.line == 3)
        #expect(
            error.message.hasPrefix("a quoted field in the record that starts on this line is followed by more text"))
    }

    @Test func handlerCanStop() throws {
        var seen = 0
        _ = try withTemporaryFile(Array("a\nb\nc\n".utf8)) { path in
            try CSVReader(path: path, blockSize: 1).run(delimiter: UInt8(ascii: ",")) { _, _ in
                seen += 1
                return seen < 2
            }
        }
        #expect(seen == 2)
    }
}

extension CSVReaderTests {
    /// 40 random RFC 4180 files (quoted CR, LF, CRLF, delimiters, doubled quotes, empty lines,
    /// mixed line ends) read exactly as Python's csv module reads them: same records, fields,
    /// and start lines. Made by Fixtures/make_reader_cases.py.
    @Test(arguments: 0..<40)
    func agreesWithPythonCSV(n: Int) throws {
        let name = String(format: "reader_cases/%02d", n)
        let expected = try String(contentsOfFile: Fixture.path(name + ".expected"), encoding: .utf8)
        var got = ""
        try CSVReader(path: Fixture.path(name + ".csv"), blockSize: 5).run(delimiter: UInt8(ascii: ",")) {
            record, line in
            let hex = (0..<record.count).map { i in record.field(i).map { String($0, radix: 16) }.joined(separator: ".")
            }
            got += "\(line) \(record.count) \(hex.joined(separator: "|"))\n"
            return true
        }
        #expect(got == expected)
    }
}
