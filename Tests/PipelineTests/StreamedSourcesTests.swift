import ApenCore
import Testing

@testable import Pipeline

/// Which engagement sources a run folds into a partial state instead of a table: only where
/// the built-in engagement family is the one reader of the table.
struct StreamedSourcesTests {
    static let base = """
        pipeline: t
        sources:
          e: {kind: engagement, path: engagement.csv}
        indicators: [engagement.*]

        """

    static func streamed(_ yaml: String) throws -> Set<String> {
        let spec = try SpecFixtures.load(yaml)
        let graph = try StageGraph.build(spec, outputDirectory: "out", reportDate: "2025-01-01", hash: { _ in "h" })
        let plan = try Planner.plan(
            graph, pipeline: spec.path, history: PlannerTests.FakeHistory(), force: false, only: nil)
        return Execution.streamedSources(spec: spec, plan: plan)
    }

    @Test func onlyTheBuiltInFamilyReading() throws {
        // The report depends on the ingest (its summary), but does not read the table.
        #expect(try Self.streamed(Self.base) == ["e"])
        // A custom indicator reads the rows: no streaming.
        #expect(
            try Self.streamed(
                Self.base + "custom:\n  - {id: engagement.actions, source: e, measure: count}\n") == [])
        // Comparison groups recompute the family from the rows: no streaming.
        #expect(try Self.streamed(Self.base + "report: {groups: {storbyer: [\"0301\"]}}\n") == [])
        // keep_rows stores the rows.
        #expect(
            try Self.streamed(
                Self.base.replacingOccurrences(
                    of: "path: engagement.csv}", with: "path: engagement.csv, keep_rows: true}")) == [])
        // Harmonised municipality numbers are recoded on the whole table.
        #expect(try Self.streamed(Self.base + "municipalities: {harmonise_to: 2024}\n") == [])
        // Two engagement sources pool by participant text: tables.
        #expect(
            try Self.streamed(
                Self.base.replacingOccurrences(
                    of: "indicators:", with: "  e2: {kind: engagement, path: engagement.csv}\nindicators:")) == [])
    }
}
