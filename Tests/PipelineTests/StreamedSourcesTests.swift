import ApenCore
import Testing

@testable import Pipeline

/// Which sources a run folds into a partial state instead of a table: only where the built-in
/// families of the source's kind are the one readers of the table.
struct StreamedSourcesTests {
    static let base = """
        pipeline: t
        sources:
          e: {kind: engagement, path: engagement.csv}
        indicators: [engagement.*]

        """

    static func streamed(_ yaml: String) throws -> Set<String> {
        Execution.streamedSources(spec: try SpecFixtures.load(yaml), plan: try plan(yaml))
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

    // Publications (read by publication and opendata) and access requests (read by foi) as
    // the national pipeline has them: both streamed, with the engagement source.
    static let national = """
        pipeline: t
        sources:
          e: {kind: engagement, path: engagement.csv}
          p: {kind: publications, path: publications.csv}
          a: {kind: access_requests, path: requests.csv, extracted: 2024-12-31}
        indicators: [engagement.*, publication.*, opendata.*, foi.*]

        """

    @Test func publicationsAndAccessRequests() throws {
        #expect(try Self.streamed(Self.national) == ["e", "p", "a"])
        // One family of the two reading publications is enough.
        #expect(
            try Self.streamed(Self.national.replacingOccurrences(of: "opendata.*, ", with: "")) == ["e", "p", "a"])
        // A custom indicator over the publications: that source keeps its table, the others stream.
        #expect(
            try Self.streamed(Self.national + "custom:\n  - {id: publication.n, source: p, measure: count}\n")
                == ["e", "a"])
        // Comparison groups read every family's tables.
        #expect(try Self.streamed(Self.national + "report: {groups: {storbyer: [\"0301\"]}}\n") == [])
        // Two access-requests sources: tables (the rule takes one source of a kind).
        #expect(
            try Self.streamed(
                Self.national.replacingOccurrences(
                    of: "indicators:", with: "  a2: {kind: access_requests, path: requests.csv}\nindicators:"))
                == ["e", "p"])
        // keep_rows on the publications: its table is stored, the others stream.
        #expect(
            try Self.streamed(
                Self.national.replacingOccurrences(of: "publications.csv}", with: "publications.csv, keep_rows: true}"))
                == ["e", "a"])
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

    static func plan(_ yaml: String) throws -> [PlannedStage] {
        let spec = try SpecFixtures.load(yaml)
        let graph = try StageGraph.build(spec, outputDirectory: "out", reportDate: "2025-01-01", hash: { _ in "h" })
        return try Planner.plan(
            graph, pipeline: spec.path, history: PlannerTests.FakeHistory(), force: false, only: nil)
    }

    /// A large ingest waits while another runs, and while stages still to run hold a finished
    /// one's data — unless such a stage needs it too (comparison groups read every table:
    /// waiting for them would never end).
    @Test func aLargeIngestWaitsForTheLastOnesDataToBeUsedUp() throws {
        let yaml = """
            pipeline: t
            sources:
              s:
                kind: survey
                path: survey.csv
                columns: {year: aar}
                fixed: {municipality: "0301"}
                scales: {trust: {items: [q01, q02]}}
              e: {kind: engagement, path: engagement.csv}
            indicators: [survey.*, engagement.*]

            """
        let plan = try Self.plan(yaml)
        let all = Set(plan.map(\.stage.kind))
        let survey = Stage.Kind.ingest(source: "s")
        let engagement = Stage.Kind.ingest(source: "e")
        // The survey is being read: wait.
        #expect(Execution.largeMustWait(engagement, started: [survey], unfinished: all, plan: plan))
        // Read, but indicators.survey has still to finish it: wait.
        var unfinished = all.subtracting([survey])
        #expect(Execution.largeMustWait(engagement, started: [survey], unfinished: unfinished, plan: plan))
        // indicators.survey done: the survey's records are dropped, go.
        unfinished.remove(.indicators(.survey))
        #expect(!Execution.largeMustWait(engagement, started: [survey], unfinished: unfinished, plan: plan))
        #expect(!Execution.largeMustWait(engagement, started: [], unfinished: all, plan: plan))

        // With comparison groups, the groups stage holds the survey table and needs the
        // engagement read: no waiting for it.
        let grouped = try Self.plan(yaml + "report: {groups: {storbyer: [\"0301\"]}}\n")
        var left = Set(grouped.map(\.stage.kind)).subtracting([survey, .indicators(.survey)])
        #expect(!Execution.largeMustWait(engagement, started: [survey], unfinished: left, plan: grouped))
        left.insert(survey)
        #expect(Execution.largeMustWait(engagement, started: [survey], unfinished: left, plan: grouped))
    }
}
