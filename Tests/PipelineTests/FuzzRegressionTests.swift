import ApenCore
import Foundation
import Ingest
import Testing

@testable import Pipeline

/// Finds of the fuzzers (fuzz/, docs/hardening.md) that touch the pipeline validator. The
/// header-reading finds are in SourceHeaderTests now that the validator reads headers with
/// Ingest's own reader.
struct FuzzRegressionTests {
    /// A fresh folder with one file, removed by the caller.
    static func folder(with name: String, _ bytes: [UInt8]) throws -> String {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("apen-fuzz-regression-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name))
        return dir
    }

    /// End to end: a pipeline over a CR-only file validates, and Ingest reads the same file.
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
}
