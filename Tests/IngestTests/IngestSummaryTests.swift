import ApenCore
import Testing

@testable import Ingest

@Suite struct IngestSummaryTests {
    static func summary(rows: Int, rejected: Int, max: Double) -> IngestSummary {
        let row = RejectedRow(source: "s", file: "f.csv", line: 2, field: nil, reason: "r", record: "")
        return IngestSummary(
            source: "s", path: "f.csv", rowsRead: rows, accepted: rows - rejected,
            rejected: Array(repeating: row, count: rejected), maxRejected: max, delimiter: UInt8(ascii: ","))
    }

    // METHODS §7: the source fails when rejected / rows read is greater than max_rejected.
    @Test(arguments: [
        (10, 0, 0.0, true), (10, 1, 0.0, false), (10, 1, 0.1, true), (10, 2, 0.1, false),
        (0, 0, 0.0, true), (4, 1, 0.25, true),
    ])
    func limit(rows: Int, rejected: Int, max: Double, within: Bool) {
        let s = Self.summary(rows: rows, rejected: rejected, max: max)
        #expect(s.withinLimit == within)
        #expect((s.limitDiagnostic == nil) == within)
    }

    @Test func limitMessage() {
        let s = Self.summary(rows: 8, rejected: 3, max: 0)
        #expect(
            s.limitDiagnostic?.description
                == "f.csv: 3 of 8 rows rejected (share 0.375), more than max_rejected 0 allows")
    }
}
