import ApenCore
import Foundation
import Testing

@testable import Ingest

/// JSON, JSON Lines and JSON-stat sources, and the recoding keys; expected values worked out
/// by hand from the fixture text written in each test.
struct JSONIngestTests {
    func write(_ text: String, _ ext: String) throws -> String {
        let path = NSTemporaryDirectory() + "apen-json-\(UUID().uuidString).\(ext)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func jsonRecordsAtAPathWithLinesAndRecoding() throws {
        let path = try write(
            """
            {"data": {"poster": [
              {"k": {"nr": "K-3101 Halden"}, "dato": "2024-03-03T23:30:00Z", "status": "Offentlig"},
              {"k": {"nr": "K-3101"}, "dato": "2024-03-03", "status": "Unntatt offentlighet"},
              {"k": {"nr": "3101"}, "dato": "2024-03-04", "status": "Delvis"},
              [1, 2],
              {"k": {"nr": {"a": 1}}, "dato": "2024-03-04", "status": "Offentlig"},
              {"k": {"nr": "X-1"}, "dato": "2024-03-04", "status": "open"}
            ]}}
            """, "json")
        var o = IngestOptions(source: "j", kind: .publications, path: path)
        o.format = .json(records: "data.poster")
        o.columns = ["municipality": "k.nr", "registered": "dato", "access": "status"]
        o.extract = ["municipality": "^(?:K-)?([0-9]{4})"]
        o.values = ["access": ["Offentlig": "open", "Unntatt offentlighet": "exempt"]]
        o.timeZone = "Europe/Oslo"
        o.maxRejected = 1
        let (table, summary) = try Ingestor.readTable(o)
        #expect(table.strings("municipality") == ["3101", "3101"])
        #expect(table.strings("access") == ["open", "exempt"])
        // 23:30Z on 3 March is 00:30 on 4 March in Oslo (CET, UTC+1).
        #expect(
            table.days("registered") == [
                Day(year: 2024, month: 3, day: 4)!.raw, Day(year: 2024, month: 3, day: 3)!.raw,
            ])
        #expect(summary.rejected.map(\.line) == [4, 5, 6, 7])
        #expect(summary.rejected.map(\.field) == ["access", nil, "k.nr", "municipality"])
        #expect(summary.rejected[0].reason.contains("\"Delvis\" is neither in the values mapping of 'access'"))
        #expect(summary.rejected[1].reason == "the record is a list, not an object")
        #expect(summary.rejected[2].reason == "'k.nr' holds an object, not a text, number or boolean")
        #expect(summary.rejected[3].reason == "\"X-1\" does not match the extract pattern '^(?:K-)?([0-9]{4})'")
    }

    @Test func jsonLinesNumbersBooleansNullAndEmptyLines() throws {
        let path = try write(
            "{\"m\": 301, \"d\": 1709508600000, \"p\": \"a\", \"c\": null}\r\n\n"
                + "{\"m\": \"5001\", \"d\": 1709508600000, \"p\": true}\n", "jsonl")
        var o = IngestOptions(source: "e", kind: .engagement, path: path)
        o.format = .jsonLines
        o.columns = ["municipality": "m", "date": "d", "participant_id": "p", "channel": "c"]
        o.dateFormat = .epochMilliseconds
        o.municipalityDigits = 4
        let (table, summary) = try Ingestor.readTable(o)
        #expect(summary.rowsRead == 2)
        #expect(table.strings("municipality") == ["0301", "5001"])
        #expect(table.strings("participant_id") == ["a", "true"])
        #expect(table.strings("channel") == [nil, nil])
        // 1709508600000 ms = 2024-03-03T23:30:00Z: the UTC day without a time zone.
        #expect(table.days("date") == Array(repeating: Day(year: 2024, month: 3, day: 3)!.raw, count: 2))
        // event_id, action and initiative_id are in no record: absent, not empty.
        #expect(table.columns["event_id"] == nil)
    }

    /// JSON Lines is read in 1 MiB blocks: a line break split between two blocks (CR at the last
    /// byte of the first, LF at the first byte of the next) is one break, a lone CR at a block's
    /// end is one too, and a line longer than a block is carried over whole. Line 1 is padded
    /// so that its break starts at byte 1 048 575; rows 2, 5 and 6 have a bad date, so their
    /// rejected lines show the count (4 is empty; 5 is 1.5 MiB; 6 has no final break).
    @Test(arguments: ["\r\n", "\r"])
    func jsonLinesLineBreaksAcrossBlocks(firstBreak: String) throws {
        func line(_ date: String, _ id: String, pad: Int = 0) -> String {
            "{\"m\":\"5001\",\"d\":\"\(date)\",\"p\":\"\(id)\""
                + (pad > 0 ? ",\"x\":\"" + String(repeating: "x", count: pad) + "\"" : "") + "}"
        }
        let shortest = line("2024-01-02", "a", pad: 1).utf8.count - 1  // the line with an empty pad
        let first = line("2024-01-02", "a", pad: (1 << 20) - 1 - shortest)
        #expect(first.utf8.count == (1 << 20) - 1)
        let text =
            first + firstBreak + line("bad2", "b") + "\r" + line("2024-01-03", "c") + "\n" + "\r\n"
            + line("bad5", "e", pad: 3 << 19) + "\r" + line("bad6", "f")
        let path = try write(text, "jsonl")
        var o = IngestOptions(source: "e", kind: .engagement, path: path)
        o.format = .jsonLines
        o.columns = ["municipality": "m", "date": "d", "participant_id": "p"]
        o.maxRejected = 1
        let summary = try Ingestor.read(o) { _ in }
        #expect(summary.rowsRead == 5)
        #expect(summary.accepted == 2)
        #expect(summary.rejected.map(\.line) == [2, 5, 6])
        #expect(summary.rejected.map(\.field) == ["date", "date", "date"])
    }

    @Test func syntaxErrorNamesLineAndColumn() throws {
        let path = try write("{\"m\": \"5001\"}\n{\"m\": \"5001\",, }\n", "jsonl")
        var o = IngestOptions(source: "e", kind: .engagement, path: path)
        o.format = .jsonLines
        o.fixed = ["date": "2024-01-01", "participant_id": "x"]
        #expect(throws: Diagnostic.self) { try Ingestor.readTable(o) }
        do {
            _ = try Ingestor.readTable(o)
        } catch let d as Diagnostic {
            #expect(d.location.line == 2)
            #expect(d.location.column == 14)
            #expect(d.message.hasPrefix("JSON syntax error: expected a key in double quotes, found ','"))
        }
    }

    @Test func jsonStatSumsAndRefusesAnUnsummedDimension() throws {
        let text = """
            {"version":"2.0","class":"dataset","id":["Region","Kjonn","Tid"],"size":[2,2,1],
             "dimension":{"Region":{"category":{"index":["K-0301","K-5001"]}},
              "Kjonn":{"category":{"index":{"1":0,"2":1}}},"Tid":{"category":{"index":["2023"]}}},
             "value":[350000,360000,null,105000],"status":{"2":".."}}
            """
        let path = try write(text, "json")
        var o = IngestOptions(source: "p", kind: .population, path: path)
        var layout = IngestOptions.JSONStatLayout()
        layout.sum = ["Kjonn"]
        o.format = .jsonStat(layout)
        o.extract = ["municipality": "^K-([0-9]{4})$"]
        let (table, summary) = try Ingestor.readTable(o)
        #expect(table.strings("municipality") == ["0301"])
        #expect(table.numbers("population") == [710000])
        #expect(summary.unknownPopulation == ["5001 2023"])
        o.format = .jsonStat(IngestOptions.JSONStatLayout())
        do {
            _ = try Ingestor.readTable(o)
            Issue.record("an unsummed dimension with two categories must fail")
        } catch let d as Diagnostic {
            #expect(d.message.contains("dimension 'Kjonn' has 2 categories ('1', '2')"))
        }
    }

    /// A document whose top level is an object, read without `records:`: the source fails saying
    /// so (it used to be reported as "text after the JSON value" at 1:1, which it is not).
    @Test func objectWithoutRecordsPathIsNotASyntaxError() throws {
        let path = try write("{\"data\": [\n  {\"m\": \"5001\"}\n]}\n", "json")
        var o = IngestOptions(source: "e", kind: .engagement, path: path)
        o.format = .json(records: nil)
        o.columns = ["municipality": "m"]
        o.fixed = ["date": "2024-01-01", "participant_id": "x"]
        do {
            _ = try Ingestor.readTable(o)
            Issue.record("a top-level object without records: must fail")
        } catch let d as Diagnostic {
            #expect(d.location.line == 1)
            #expect(d.location.column == nil)
            #expect(
                d.message
                    == "the file holds an object, not a list of records; give 'records: path' when the records are inside an object"
            )
        }
        // The same object with a syntax error inside is still a syntax error, at its place:
        // line 2, column 16 is the '}' after the comma.
        let broken = try write("{\"data\": [\n  {\"m\": \"5001\",}\n]}\n", "json")
        o.path = broken
        do {
            _ = try Ingestor.readTable(o)
            Issue.record("a syntax error must fail")
        } catch let d as Diagnostic {
            #expect(d.location.line == 2)
            #expect(d.location.column == 16)
            #expect(d.message == "JSON syntax error: expected a key in double quotes, found '}'")
        }
    }

    @Test func naCellsAreEmpty() throws {
        let path = try write("municipality,year,population\n0301,2023,..\n5001,2023,212660\n", "csv")
        var o = IngestOptions(source: "p", kind: .population, path: path)
        o.na = [".", "..", ":"]
        let (table, summary) = try Ingestor.readTable(o)
        #expect(table.strings("municipality") == ["5001"])
        #expect(summary.rejected.isEmpty)
        #expect(summary.unknownPopulation == ["0301 2023"])
    }
}
