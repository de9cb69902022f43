import ApenCore
import Foundation
import Testing

@testable import Ingest

/// `Ingestor.fold` hands over the same rows as `readTable`, and the same rejected rows on the
/// same physical lines, whether ranges are folded on workers or the file is read in one pass.
@Suite struct ParallelFoldTests {
    /// Collects the chunk tables folded, in file order.
    static func collect(_ options: IngestOptions, jobs: Int, rangeBytes: Int, chunkRows: Int, parallel: Bool) throws
        -> ([Table], IngestSummary)?
    {
        let initial: @Sendable () -> [Table] = { [] }
        let fold: @Sendable (inout [Table], Table) throws -> Void = { $0.append($1) }
        if parallel {
            return try ParallelReader.fold(
                options, jobs: jobs, rangeBytes: rangeBytes, chunkRows: chunkRows, initial: initial, fold: fold,
                merge: { $0 += $1 })
        }
        return try Ingestor.fold(
            options, jobs: jobs, rangeBytes: rangeBytes, chunkRows: chunkRows, initial: initial, fold: fold,
            merge: { $0 += $1 })
    }

    @Test(arguments: [
        (jobs: 2, rangeBytes: 64, chunkRows: 7), (jobs: 3, rangeBytes: 997, chunkRows: 1000),
        (jobs: 8, rangeBytes: 4096, chunkRows: 65536),
    ])
    func foldEqualsReadTable(jobs: Int, rangeBytes: Int, chunkRows: Int) throws {
        // 3000 records, bad rows spread through the file (so some are in the middle of ranges
        // that workers parse), quoted line breaks across cuts; lines counted by the generator.
        let g = ParallelReaderTests.generate(rows: 3000, seed: 7)
        try withTemporaryFile(g.bytes) { path in
            let options = IngestOptions(source: "engagement", kind: .engagement, path: path)
            let (table, summary) = try Ingestor.readTable(options)
            for parallel in [true, false] {
                let (chunks, folded) = try #require(
                    try Self.collect(
                        options, jobs: jobs, rangeBytes: rangeBytes, chunkRows: chunkRows, parallel: parallel))
                #expect(chunks.count > 2)
                #expect(chunks.allSatisfy { $0.rowCount <= chunkRows })
                var builder = TableBuilder()
                for c in chunks { builder.append(c) }
                #expect(builder.table!.isIdentical(to: table))
                #expect(folded == summary)
                #expect(folded.rejected.map(\.line) == g.badLines)
                #expect(folded.rejected.count > 100)
                #expect(folded.rowsRead == g.records)
            }
        }
    }

    // A file the parallel path does not take (one worker) is folded in chunks by `read`.
    @Test func oneJobReadsInOnePass() throws {
        let g = ParallelReaderTests.generate(rows: 500, seed: 3)
        try withTemporaryFile(g.bytes) { path in
            let options = IngestOptions(source: "engagement", kind: .engagement, path: path)
            #expect(try Self.collect(options, jobs: 1, rangeBytes: 64, chunkRows: 50, parallel: true) == nil)
            let (chunks, folded) = try #require(
                try Self.collect(options, jobs: 1, rangeBytes: 64, chunkRows: 50, parallel: false))
            #expect(chunks.count == (g.records - g.badLines.count + 49) / 50)
            #expect(folded.rejected.map(\.line) == g.badLines)
        }
    }
}
