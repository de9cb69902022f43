import ApenCore
import Testing

@testable import Pipeline

/// Which engagement and survey sources a run folds into a partial state instead of a table:
/// only where the built-in family of the kind is the one reader of the table.
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

    static let survey = """
        pipeline: t
        sources:
          s:
            kind: survey
            path: survey.csv
            columns: {year: aar}
            fixed: {municipality: "0301"}
            scales: {trust: {items: [q01, q02]}}
        indicators: [survey.*]

        """

    @Test func theSurveySourceToo() throws {
        #expect(try Self.streamed(Self.survey) == ["s"])
        // Both kinds in one pipeline.
        let both = Self.survey.replacingOccurrences(
            of: "indicators: [survey.*]",
            with: "  e: {kind: engagement, path: engagement.csv}\nindicators: [survey.*, engagement.*]")
        #expect(try Self.streamed(both) == ["s", "e"])
        // A custom indicator over the survey reads its rows (design-based, on the table).
        #expect(
            try Self.streamed(
                Self.survey + "custom:\n  - {id: survey.q1_mean, source: s, measure: mean, of: q01}\n") == [])
        #expect(try Self.streamed(Self.survey + "report: {groups: {storbyer: [\"0301\"]}}\n") == [])
        #expect(
            try Self.streamed(
                Self.survey.replacingOccurrences(of: "path: survey.csv", with: "path: survey.csv\n    keep_rows: true"))
                == [])
        // Two survey sources pool: tables.
        #expect(
            try Self.streamed(
                Self.survey.replacingOccurrences(
                    of: "indicators:",
                    with:
                        "  s2: {kind: survey, path: survey.csv, columns: {year: aar}, fixed: {municipality: \"0301\"}, scales: {trust: {items: [q01]}}}\nindicators:"
                ))
                == [])
    }
}
