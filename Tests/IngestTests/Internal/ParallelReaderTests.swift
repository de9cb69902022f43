import ApenCore
import Foundation
import Testing

@testable import Ingest

/// A parallel read, cut into many small ranges, gives exactly the single-threaded read:
/// the same table, the same counts, the same rejected rows on the same physical lines.
@Suite struct ParallelReaderTests {
    /// A generated engagement file and what its generator knows about it.
    struct Generated {
        var bytes: [UInt8] = []
        /// Physical line (header = 1) of every bad row, in file order.
        var badLines: [Int] = []
        var records = 0
        /// The line after the last record.
        var nextLine = 1
    }

    /// Writes `rows` engagement records with quoted LF/CRLF/CR line breaks (some long enough to
    /// span several ranges), blank lines, CRLF and LF terminators, and two kinds of bad row.
    /// Lines are counted here, independently of the reader: LF, CRLF and a lone CR each end one.
    static func generate(rows: Int, seed: UInt64) -> Generated {
        var state = seed
        func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var g = Generated()
        var line = 1
        func emit(_ text: String) {
            let b = Array(text.utf8)
            var i = 0
            while i < b.count {
                if b[i] == 0x0A || (b[i] == 0x0D && (i + 1 == b.count || b[i + 1] != 0x0A)) { line += 1 }
                i += 1
            }
            g.bytes += b
        }
        emit("municipality,date,participant_id,channel\n")
        let channels = [
            "web", "meeting", "\"town, hall\"", "\"say \"\"hi\"\"\"", "\"two\nlines\"", "\"crlf\r\ninside\"",
            "\"lone\rcr\"", "\"" + String(repeating: "long\n", count: 40) + "\"",
        ]
        for r in 0..<rows {
            let terminator = next() % 3 == 0 ? "\r\n" : "\n"
            if next() % 17 == 0 { emit(terminator) }  // a blank line: counted, not a row
            let municipality = ["0301", "5001", "4601", "1103"][Int(next() % 4)]
            let channel = channels[Int(next() % UInt64(channels.count))]
            let start = line
            switch next() % 29 {
            case 0:  // a day that does not exist
                emit("\(municipality),2019-02-30,p\(r % 50),\(channel)\(terminator)")
                g.badLines.append(start)
            case 1:  // a field short
                emit("\(municipality),2019-03-0\(1 + r % 9),p\(r % 50)\(terminator)")
                g.badLines.append(start)
            default:
                emit("\(municipality),2019-03-\(10 + r % 19),p\(r % 50),\(channel)\(terminator)")
            }
            g.records += 1
        }
        g.nextLine = line
        return g
    }

    @Test(arguments: [
        (jobs: 2, rangeBytes: 64), (jobs: 3, rangeBytes: 97), (jobs: 8, rangeBytes: 1000), (jobs: 2, rangeBytes: 4096),
    ])
    func parallelEqualsSingleThreaded(jobs: Int, rangeBytes: Int) throws {
        let g = Self.generate(rows: 3000, seed: 42)
        try withTemporaryFile(g.bytes) { path in
            let options = IngestOptions(source: "engagement", kind: .engagement, path: path)
            let (table, summary) = try Ingestor.readTable(options)
            let parallel = try #require(ParallelReader.read(options, jobs: jobs, rangeBytes: rangeBytes))
            #expect(parallel.ranges > 2)
            #expect(parallel.table.isIdentical(to: table))
            #expect(parallel.summary == summary)
            // Independent of the reader: the generator's own line count and bad rows.
            #expect(parallel.summary.rejected.map(\.line) == g.badLines)
            #expect(parallel.summary.rowsRead == g.records)
            #expect(parallel.summary.accepted == g.records - g.badLines.count)
            // The public entry point takes the same path.
            let (publicTable, publicSummary) = try Ingestor.readTable(options, jobs: jobs, rangeBytes: rangeBytes)
            #expect(publicTable.isIdentical(to: table))
            #expect(publicSummary == summary)
        }
    }

    /// Another dialect and kind: Windows-1252 text (æøå as single bytes), `;`, `dd.MM.yyyy`
    /// dates, a fixed municipality, and rows rejected across fields (published before
    /// registered) or for a value outside `access`'s set. Lines counted by the generator.
    @Test(arguments: [2, 5])
    func windows1252PublicationsWithFixedColumn(jobs: Int) throws {
        var bytes = Array("record_id;record_type;registered;published;access\r\n".utf8)
        var badLines: [Int] = []
        var line = 2
        let types: [[UInt8]] = [
            Array("vedtak".utf8), [0x6D, 0xF8, 0x74, 0x65], [0xE6, 0x72, 0x65, 0x73, 0x61, 0x6B],
            Array("\"brev; \r\nutg".utf8) + [0xE5] + Array("ende\"".utf8),
        ]
        for r in 0..<2500 {
            let type = types[r % types.count]
            let breaks = type.contains(0x0A) ? 1 : 0
            let day = 1 + r % 28
            let registered = "\(day < 10 ? "0" : "")\(day).03.2020"
            var published = "\(day < 10 ? "0" : "")\(day).04.2020"
            var access = ["open", "partial", "exempt"][r % 3]
            if r % 41 == 7 {
                published = "01.01.2020"
                badLines.append(line)
            }  // before registered
            else if r % 53 == 11 {
                access = "closed"
                badLines.append(line)
            }
            bytes += Array("R\(r);".utf8) + type + Array(";\(registered);\(published);\(access)\r\n".utf8)
            line += 1 + breaks
        }
        try withTemporaryFile(bytes) { path in
            var options = IngestOptions(source: "journal", kind: .publications, path: path)
            options.encoding = .windows1252
            options.dateFormat = .pattern("dd.MM.yyyy")
            options.fixed = ["municipality": "5001"]
            let (table, summary) = try Ingestor.readTable(options)
            let parallel = try #require(ParallelReader.read(options, jobs: jobs, rangeBytes: 300))
            #expect(parallel.ranges > 2)
            #expect(parallel.table.isIdentical(to: table))
            #expect(parallel.summary == summary)
            #expect(parallel.summary.rejected.map(\.line) == badLines)
            #expect(parallel.summary.delimiter == UInt8(ascii: ";"))
            // Decoded from Windows-1252: 0xF8 is ø, 0xE6 is æ, 0xE5 is å.
            #expect(
                parallel.table.text("record_type")?.dictionary == ["vedtak", "møte", "æresak", "brev; \r\nutgående"])
            #expect(parallel.table.text("municipality")?.dictionary == ["5001"])
        }
    }

    /// With ranges shorter than the 40-line quoted field, some cuts fall inside quotes and
    /// the two ranges around them are parsed again as one — and the result is still exact.
    @Test func cutsInsideQuotesAreRepaired() throws {
        let g = Self.generate(rows: 400, seed: 7)
        try withTemporaryFile(g.bytes) { path in
            let options = IngestOptions(source: "engagement", kind: .engagement, path: path)
            let (table, summary) = try Ingestor.readTable(options)
            let parallel = try #require(ParallelReader.read(options, jobs: 2, rangeBytes: 50))
            #expect(parallel.reparsed > 0)
            #expect(parallel.table.isIdentical(to: table))
            #expect(parallel.summary == summary)
            #expect(parallel.summary.rejected.map(\.line) == g.badLines)
        }
    }

    /// A file ending inside quotes is left to the single-threaded read, which names the line.
    @Test func openQuoteAtTheEndFallsBack() throws {
        var g = Self.generate(rows: 200, seed: 3)
        let openLine = g.nextLine
        g.bytes += Array("0301,2019-03-10,p1,\"never closed\nstill open\n".utf8)
        try withTemporaryFile(g.bytes) { path in
            let options = IngestOptions(source: "engagement", kind: .engagement, path: path)
            #expect(ParallelReader.read(options, jobs: 2, rangeBytes: 64) == nil)
            do {
                _ = try Ingestor.readTable(options, jobs: 2, rangeBytes: 64)
                Issue.record("expected a diagnostic")
            } catch let d as Diagnostic {
                #expect(d.location.line == openLine)
                #expect(d.message.contains("never closed"))
            }
        }
    }

    /// One worker, or a file smaller than two ranges, is not split.
    @Test func smallFilesAndOneJobAreNotSplit() throws {
        let g = Self.generate(rows: 20, seed: 1)
        try withTemporaryFile(g.bytes) { path in
            let options = IngestOptions(source: "engagement", kind: .engagement, path: path)
            #expect(ParallelReader.read(options, jobs: 1, rangeBytes: 64) == nil)
            #expect(ParallelReader.read(options, jobs: 4, rangeBytes: g.bytes.count) == nil)
        }
    }
}
