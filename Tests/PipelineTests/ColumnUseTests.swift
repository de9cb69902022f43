import ApenCore
import Foundation
import Indicators
import Ingest
import Testing

@testable import Pipeline

struct ColumnUseTests {
    func spec(custom: [CustomIndicator] = [], keepRows: Bool = false) -> PipelineSpec {
        var o = IngestOptions(source: "e", kind: .engagement, path: "e.csv")
        o.keepRows = keepRows
        return PipelineSpec(
            name: "p", title: "t", language: .en, path: "p.yaml",
            sources: [SourceSpec(name: "e", options: o)], indicators: ["engagement.*"], custom: custom)
    }

    @Test func builtInsSkipIdsAndClassifications() {
        let s = spec()
        #expect(ColumnUse.unused(s.sources[0], in: s) == ["event_id", "channel", "action"])
    }

    @Test func aCustomIndicatorKeepsTheColumnsItNames() {
        var c = CustomIndicator(id: "engagement.by_channel", source: "e", measure: .count)
        c.by = "channel"
        c.filter = "action == 'vote'"
        let s = spec(custom: [c])
        #expect(ColumnUse.unused(s.sources[0], in: s) == ["event_id"])
    }

    @Test func keepRowsKeepsEverything() {
        let s = spec(keepRows: true)
        #expect(ColumnUse.unused(s.sources[0], in: s).isEmpty)
    }

    @Test func ingestLeavesSkippedColumnsOut() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("columnuse-\(getpid()).csv").path
        try "municipality,date,participant_id,event_id,channel\n5001,2024-01-02,p1,e1,web\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var o = IngestOptions(source: "e", kind: .engagement, path: path)
        o.unusedColumns = ["event_id", "channel", "action"]
        let (table, summary) = try Ingestor.readTable(o)
        #expect(summary.accepted == 1)
        #expect(table.columns["event_id"] == nil)
        #expect(table.columns["channel"] == nil)
        #expect(table.text("participant_id")?[0] == "p1")
    }
}
