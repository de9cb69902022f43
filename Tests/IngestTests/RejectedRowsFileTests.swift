import ApenCore
import Foundation
import Testing

@testable import Ingest

@Suite struct RejectedRowsFileTests {
    static let rows = [
        RejectedRow(
            source: "survey", file: "in/s.csv", line: 4, field: "weight", reason: "\"abc\" is not a number",
            record: "r1,5001,abc"),
        RejectedRow(
            source: "engagement", file: "e.csv", line: 9, field: nil, reason: "has 3 fields, the header has 4",
            record: "5001,\"a\r\nb\",x"),
    ]

    @Test func renderQuotesWhereNeeded() {
        // Written by hand from RFC 4180: fields with a comma, quote, CR or LF are quoted and
        // their quotes doubled; the whole-row problem has an empty field.
        let expected = """
            source,file,line,field,reason,record
            survey,in/s.csv,4,weight,\"""abc"" is not a number",\"r1,5001,abc"
            engagement,e.csv,9,,\"has 3 fields, the header has 4",\"5001,""a\r\nb"",x"

            """
        #expect(RejectedRowsFile.render(Self.rows) == expected)
    }

    @Test func writeIsReadableBack() throws {
        let dir = NSTemporaryDirectory() + "apen-rejected-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out/rejected.csv"
        try RejectedRowsFile.write(Self.rows, to: path)
        // Read it back with the ingest reader itself: the same six fields per row.
        let reader = try CSVReader(path: path)
        var records: [[String]] = []
        try reader.run(delimiter: UInt8(ascii: ",")) { record, _ in
            records.append((0..<record.count).map { String(decoding: record.field($0), as: UTF8.self) })
            return true
        }
        #expect(records.count == 3)
        #expect(records[1] == ["survey", "in/s.csv", "4", "weight", "\"abc\" is not a number", "r1,5001,abc"])
        #expect(records[2] == ["engagement", "e.csv", "9", "", "has 3 fields, the header has 4", "5001,\"a\r\nb\",x"])
    }

    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("a\r\nb", "\"a\r\nb\""),
        (" padded", "\" padded\""), ("tab\t", "\"tab\t\""), ("in side", "in side"), ("", ""),
    ])
    func quoting(value: String, expected: String) {
        #expect(RejectedRowsFile.quote(value) == expected)
    }

    @Test func diagnosticFormat() {
        #expect(Self.rows[0].diagnostic.description == "in/s.csv:4: field 'weight': \"abc\" is not a number")
        #expect(Self.rows[1].diagnostic.description == "e.csv:9: has 3 fields, the header has 4")
    }
}
