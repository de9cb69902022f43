import ApenCore
import Foundation
import Indicators
import Ingest
import Testing

@testable import Pipeline

struct ColumnUseTests {
    func spec(
        custom: [CustomIndicator] = [], keepRows: Bool = false, extra: [String: ExtraColumn] = [:]
    ) -> PipelineSpec {
        var o = IngestOptions(source: "e", kind: .engagement, path: "e.csv")
        o.keepRows = keepRows
        o.extra = extra
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

    /// Declared extra columns are read only when a custom indicator names them (issue 18:
    /// carried only when a stage reads them), whichever key names them; keep_rows keeps all.
    @Test func extraColumnsAreReadOnlyWhenNamed() {
        let extra = [
            "age_group": ExtraColumn(header: "Alder", type: .text),
            "shares-data": ExtraColumn(header: "deler", type: .boolean),
            "staff": ExtraColumn(header: "staff", type: .integer),
        ]
        var none = spec(extra: extra)
        #expect(
            ColumnUse.unused(none.sources[0], in: none) == [
                "event_id", "channel", "action", "age_group", "shares-data", "staff",
            ])
        var c = CustomIndicator(id: "engagement.x", source: "e", measure: .share)
        c.of = "`shares-data` == 1"
        c.by = "age_group"
        none = spec(custom: [c], extra: extra)
        #expect(ColumnUse.unused(none.sources[0], in: none) == ["event_id", "channel", "action", "staff"])
        let kept = spec(keepRows: true, extra: extra)
        #expect(ColumnUse.unused(kept.sources[0], in: kept).isEmpty)
    }

    /// An unused extra column is not in the table; a used one is, typed, from its header.
    @Test func ingestReadsUsedExtraColumnsOnly() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("extra-\(getpid()).csv").path
        try "municipality,date,participant_id,Alder,staff\n5001,2024-01-02,p1,18-29,7\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var o = IngestOptions(source: "e", kind: .engagement, path: path)
        o.extra = [
            "age_group": ExtraColumn(header: "Alder", type: .text),
            "staff": ExtraColumn(header: "staff", type: .integer),
        ]
        o.unusedColumns = ["staff"]
        let (table, _) = try Ingestor.readTable(o)
        #expect(table.text("age_group")?[0] == "18-29")
        #expect(table.columns["staff"] == nil)
        #expect(table.columns["Alder"] == nil)
    }
}
