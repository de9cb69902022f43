import ApenCore
import Foundation
import Indicators
import Testing

@testable import Ingest
@testable import Pipeline

/// A publications and an access-requests file folded by `Ingestor.fold` in many small byte
/// ranges on several workers (the path of a large file in a run), with bad rows inside ranges:
/// the same rows and warnings as the table read in one pass, the same rejected rows, and the
/// coverage the table gives.
struct PartialFoldTests {
    /// A file of `rows` records from `line(i, random)`, after `header`.
    static func file(_ header: String, rows: Int, seed: UInt64, _ line: (Int, inout SplitMix64) -> String) -> String {
        var rng = SplitMix64(seed: seed)
        return ([header] + (0..<rows).map { line($0, &rng) }).joined(separator: "\n") + "\n"
    }

    static func day(_ base: String, plus n: UInt64) -> String {
        let p = base.split(separator: "-").map { Int($0)! }
        return "\(Day(raw: Int32(Day.daysFromCivil(year: p[0], month: p[1], day: p[2])) + Int32(n)))"
    }

    static func withFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let path = NSTemporaryDirectory() + "apen-partial-\(UUID().uuidString).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try body(path)
    }

    @Test func publicationsInRanges() throws {
        let text = Self.file(
            "record_id,municipality,record_type,registered,published,access,format,licence,linked", rows: 3000,
            seed: 11
        ) { i, rng in
            let m = ["0301", "5001", "4601", ""][Int(rng.next() % 4)]
            let registered = Self.day("2022-12-01", plus: rng.next() % 90)
            var published = rng.next() % 3 == 0 ? "" : Self.day(registered, plus: rng.next() % 30)
            var access = ["open", "partial", "exempt"][Int(rng.next() % 3)]
            if i % 97 == 13 { access = "secret" }  // rejected: not in the set
            if i % 89 == 7 { published = Self.day("2022-11-01", plus: 0) }  // rejected: before registration
            let type = ["dataset", "journalpost", ""][Int(rng.next() % 3)]
            let licence = ["cc-by-4.0", "proprietary", ""][Int(rng.next() % 3)]
            let format = ["csv", "ttl", "pdf", ""][Int(rng.next() % 4)]
            return
                "r\(i),\(m),\(type),\(registered),\(published),\(access),\(format),\(licence),\(rng.next() % 2 == 0 ? "yes" : "")"
        }
        try Self.withFile(text) { path in
            let options = IngestOptions(source: "publications", kind: .publications, path: path)
            let (table, summary) = try Ingestor.readTable(options)
            #expect(summary.rejected.count > 40)
            let inputs = IndicatorInputs(publications: [table])
            for (jobs, rangeBytes, chunkRows) in [(3, 2048, 100), (2, 977, 7), (1, 4096, 1000)] {
                let (state, folded) = try Self.fold(
                    options, jobs: jobs, rangeBytes: rangeBytes, chunkRows: chunkRows,
                    initial: { PublicationsPartial(source: "publications") }, fold: { $0.fold($1) },
                    merge: { $0.merge($1, sameSource: true) })
                #expect(folded == summary)
                for family in [IndicatorFamily.publication, .opendata] {
                    let out =
                        family == .publication
                        ? try BuiltinIndicators.publication(partial: state)
                        : try BuiltinIndicators.opendata(partial: state)
                    let expected = try BuiltinIndicators.compute(family, inputs: inputs)
                    #expect(expected.rows.count >= 12)
                    #expect(IndicatorCSV.render(out.rows) == IndicatorCSV.render(expected.rows))
                    #expect(out.warnings.map(\.description) == expected.warnings.map(\.description))
                }
                #expect(Execution.Partial.publications(state).coverage == TableCoverage.of(table))
            }
        }
    }

    @Test func accessRequestsInRanges() throws {
        let text = Self.file("request_id,municipality,received,answered,outcome", rows: 3000, seed: 12) { i, rng in
            // The last request, unanswered, is the file's latest day: the open end warns of it.
            if i == 2999 { return "q\(i),0301,2024-03-01,," }
            let m = ["0301", "5001", "4601", ""][Int(rng.next() % 4)]
            let received = Self.day("2023-11-15", plus: rng.next() % 80)
            var answered = rng.next() % 4 == 0 ? "" : Self.day(received, plus: rng.next() % 15)
            if i % 101 == 5 { answered = Self.day("2023-11-01", plus: 0) }  // rejected: before receipt
            let outcome = answered.isEmpty ? "" : ["granted", "partial", "denied", ""][Int(rng.next() % 4)]
            return "q\(i),\(m),\(received),\(answered),\(i % 113 == 9 ? "maybe" : outcome)"
        }
        try Self.withFile(text) { path in
            for extracted in [nil, Int32(Day.daysFromCivil(year: 2024, month: 2, day: 20))] {
                var options = IngestOptions(source: "access_requests", kind: .accessRequests, path: path)
                options.extracted = extracted
                let (table, summary) = try Ingestor.readTable(options)
                #expect(summary.rejected.count > 40)
                var inputs = IndicatorInputs(accessRequests: [table])
                if let extracted { inputs.extracted = ["access_requests": extracted] }
                let expected = try BuiltinIndicators.compute(.foi, inputs: inputs)
                #expect(expected.rows.count > 20)
                // Without extracted:, the open end of this file warns (requests near its last day).
                #expect(expected.warnings.contains { $0.warning?.kind == .undecidedRequests } == (extracted == nil))
                for (jobs, rangeBytes, chunkRows) in [(3, 2048, 100), (2, 977, 7)] {
                    let (state, folded) = try Self.fold(
                        options, jobs: jobs, rangeBytes: rangeBytes, chunkRows: chunkRows,
                        initial: { AccessRequestsPartial(source: "access_requests", extracted: extracted) },
                        fold: { $0.fold($1) }, merge: { $0.merge($1, sameSource: true) })
                    #expect(folded == summary)
                    let out = try BuiltinIndicators.foi(partial: state)
                    #expect(IndicatorCSV.render(out.rows) == IndicatorCSV.render(expected.rows))
                    #expect(out.warnings.map(\.description) == expected.warnings.map(\.description))
                    #expect(Execution.Partial.accessRequests(state).coverage == TableCoverage.of(table))
                }
            }
        }
    }

    /// Folds on the ranges path itself with more than one job (`Ingestor.fold` would fall
    /// back to one pass silently), in one pass with one.
    static func fold<State: Sendable>(
        _ options: IngestOptions, jobs: Int, rangeBytes: Int, chunkRows: Int, initial: @escaping @Sendable () -> State,
        fold: @escaping @Sendable (inout State, Table) throws -> Void, merge: (inout State, State) throws -> Void
    ) throws -> (State, IngestSummary) {
        guard jobs > 1 else {
            return try Ingestor.fold(
                options, jobs: 1, rangeBytes: rangeBytes, chunkRows: chunkRows, initial: initial, fold: fold,
                merge: merge)
        }
        return try #require(
            try ParallelReader.fold(
                options, jobs: jobs, rangeBytes: rangeBytes, chunkRows: chunkRows, initial: initial, fold: fold,
                merge: merge))
    }
}
