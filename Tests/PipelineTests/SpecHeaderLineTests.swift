import Ingest
import Testing

@testable import Pipeline

struct SpecHeaderLineTests {
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
        #expect(
            try HeaderLine.read(path: SpecFixtures.folder + "/" + file, delimiter: delimiter, encoding: encoding)
                == expected)
    }

    @Test(arguments: [
        ("a,\"b,c\",\"d\"\"e\"", ["a", "b,c", "d\"e"]),
        (" a ; b ;c", ["a", "b", "c"]),  // ';' outnumbers ','
        ("a\tb,c\td", ["a", "b,c", "d"]),
        ("single", ["single"]),
    ])
    func splitsSniffed(line: String, expected: [String]) {
        #expect(HeaderLine.split(line, delimiter: .sniff) == expected)
    }
}
