import ApenCore
import Foundation
import Testing

@testable import Ingest

/// Ingest speed on a large engagement file, run only when `APEN_INGEST_BENCH_CSV` names one
/// (write it with `Fixtures/make_benchmark.py`; build with `-c release` for real numbers).
@Suite struct IngestBenchmarkTests {
    static let path = ProcessInfo.processInfo.environment["APEN_INGEST_BENCH_CSV"]

    @Test(.enabled(if: path != nil, "set APEN_INGEST_BENCH_CSV to a CSV made by make_benchmark.py"))
    func readTableSpeed() throws {
        var options = IngestOptions(source: "engagement", kind: .engagement, path: Self.path!)
        options.delimiter = .byte(UInt8(ascii: ","))
        let clock = ContinuousClock()
        var result: (Table, IngestSummary)?
        let elapsed = try clock.measure { result = try Ingestor.readTable(options) }
        let (table, summary) = result!
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        print("ingest: \(table.rowCount) rows in \(seconds) s = \(Int(Double(table.rowCount) / seconds)) rows/s")
        #expect(summary.rejected.isEmpty)
        #expect(table.rowCount == summary.rowsRead)
    }
}
