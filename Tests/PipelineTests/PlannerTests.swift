import ApenCore
import Testing

@testable import Pipeline

/// The planner decides run/skip for `apen plan` and `apen run` alike; these tests drive it with
/// a stage graph built by hand and a history held in memory.
struct PlannerTests {
    /// A history of stored outputs (stage → keys) and the manifests they were stored with.
    struct FakeHistory: Planner.History {
        var outputs: [String: Set<String>] = [:]
        var manifests: [String: StageManifest] = [:]
        var damagedReport: [Planner.ReportFileProblem] = []
        func hasOutput(stage: String, key: String) throws -> Bool { outputs[stage]?.contains(key) ?? false }
        func lastManifest(pipeline: String, stage: String) throws -> StageManifest? { manifests[stage] }
        func reportFilesIntact(key: String) throws -> [Planner.ReportFileProblem] { damagedReport }

        /// Records every stage of `graph` as run successfully with its current keys.
        static func afterRun(of graph: StageGraph) -> FakeHistory {
            var h = FakeHistory()
            for (id, k) in graph.keyed() {
                h.outputs[id, default: []].insert(k.key)
                h.manifests[id] = k.manifest
            }
            return h
        }
    }

    /// ingest.survey → indicators.survey → report; ingest.access → indicators.foi → report.
    func graph(surveyHash: String = "s1", accessHash: String = "a1", scaleItems: String = "q1,q2") -> StageGraph {
        func manifest(_ parts: [(StageManifest.PartKind, String, String)]) -> StageManifest {
            StageManifest(parts: parts.map { StageManifest.Part($0.0, $0.1, $0.2) })
        }
        return StageGraph(stages: [
            Stage(
                kind: .ingest(source: "survey"), dependencies: [],
                manifest: manifest([(.file, "survey.csv", surveyHash), (.definition, "scale 'trust'", scaleItems)])),
            Stage(
                kind: .ingest(source: "access"), dependencies: [],
                manifest: manifest([(.file, "access.csv", accessHash)])),
            Stage(
                kind: .indicators(.survey), dependencies: [.ingest(source: "survey")],
                manifest: manifest([(.definition, "indicators", "survey.*")])),
            Stage(
                kind: .indicators(.foi), dependencies: [.ingest(source: "access")],
                manifest: manifest([(.definition, "indicators", "foi.*")])),
            Stage(
                kind: .report,
                dependencies: [
                    .ingest(source: "survey"), .ingest(source: "access"), .indicators(.survey), .indicators(.foi),
                ],
                manifest: manifest([(.definition, "report", "default")])),
        ])
    }

    func actions(_ plan: [PlannedStage]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: plan.map { ($0.stage.id, "\($0.action.rawValue): \($0.reasonText)") })
    }

    @Test func firstRunRunsEverythingBecauseNothingRanBefore() throws {
        let plan = try Planner.plan(graph(), pipeline: "p", history: FakeHistory(), force: false, only: nil)
        #expect(plan.allSatisfy { $0.action == .run })
        #expect(actions(plan)["indicators.survey"] == "run: never run")
    }

    @Test func unchangedInputsSkipEverything() throws {
        let g = graph()
        let plan = try Planner.plan(g, pipeline: "p", history: FakeHistory.afterRun(of: g), force: false, only: nil)
        #expect(plan.allSatisfy { $0.action == .skip && $0.reasonText == "unchanged" })
    }

    @Test func aChangedFileRerunsItsBranchAndNamesTheFile() throws {
        let before = graph()
        let plan = try Planner.plan(
            graph(accessHash: "a2"), pipeline: "p", history: FakeHistory.afterRun(of: before), force: false, only: nil)
        let a = actions(plan)
        #expect(a["ingest.access"] == "run: access.csv changed")
        #expect(a["indicators.foi"] == "run: access.csv changed")
        #expect(a["report"] == "run: access.csv changed")
        #expect(a["ingest.survey"] == "skip: unchanged")
        #expect(a["indicators.survey"] == "skip: unchanged")
    }

    @Test func aChangedDefinitionIsNamed() throws {
        let plan = try Planner.plan(
            graph(scaleItems: "q1,q2,q3"), pipeline: "p", history: FakeHistory.afterRun(of: graph()), force: false,
            only: nil)
        #expect(actions(plan)["indicators.survey"] == "run: scale 'trust' definition changed")
    }

    @Test func revertingAnInputReusesTheOlderResults() throws {
        // Run with a1, then a2; going back to a1 finds a1's outputs still stored.
        var history = FakeHistory.afterRun(of: graph())
        let second = FakeHistory.afterRun(of: graph(accessHash: "a2"))
        for (s, keys) in second.outputs { history.outputs[s, default: []].formUnion(keys) }
        history.manifests = second.manifests
        let plan = try Planner.plan(graph(), pipeline: "p", history: history, force: false, only: nil)
        #expect(plan.allSatisfy { $0.action == .skip })
    }

    @Test func ingestRunsOnlyWhenAReaderOfItsTableRuns() throws {
        // The report reruns (its files were deleted) but reads only stored summaries: no ingest.
        let g = graph()
        var history = FakeHistory.afterRun(of: g)
        history.damagedReport = [.missing("report.html")]
        let a = actions(try Planner.plan(g, pipeline: "p", history: history, force: false, only: nil))
        #expect(a["report"] == "run: report.html missing")
        #expect(a["ingest.survey"] == "skip: unchanged")
        #expect(a["ingest.access"] == "skip: unchanged")
    }

    @Test func forceRunsEverything() throws {
        let g = graph()
        let plan = try Planner.plan(g, pipeline: "p", history: FakeHistory.afterRun(of: g), force: true, only: nil)
        #expect(plan.allSatisfy { $0.action == .run && $0.reasonText == "forced (--force)" })
    }

    @Test func onlyRunsTheStageAndPlansWhatItNeeds() throws {
        let g = graph()
        let plan = try Planner.plan(
            g, pipeline: "p", history: FakeHistory.afterRun(of: g), force: false, only: "indicators.foi")
        #expect(plan.map(\.stage.id) == ["ingest.access", "indicators.foi"])
        #expect(actions(plan)["indicators.foi"] == "run: requested (--only)")
        #expect(actions(plan)["ingest.access"] == "run: needed by indicators.foi")
    }

    @Test func unknownOnlyStageIsAnErrorListingTheStages() throws {
        #expect(throws: Diagnostic.self) {
            try Planner.plan(graph(), pipeline: "p", history: FakeHistory(), force: false, only: "indicators.nope")
        }
    }

    /// The kind owns the id; every id the CLI and the store see is built there.
    @Test func stageKindsOwnTheirIDs() {
        let kinds: [Stage.Kind] = [
            .ingest(source: "survey"), .indicators(.opendata), .custom(id: "publication.x"),
            .composite(id: "openness"), .report, .check,
        ]
        #expect(
            kinds.map(\.id) == [
                "ingest.survey", "indicators.opendata", "custom.publication.x", "composite.openness", "report", "check",
            ])
        #expect(kinds.map(\.producesResults) == [false, true, true, true, false, false])
        #expect(kinds.map(\.readsTables) == [false, true, true, false, false, false])
    }

    /// A changed upstream key is explained by the upstream's own reasons, matched by the
    /// manifest part's kind, not by comparing rendered text.
    @Test func upstreamChangeIsExplainedByItsCause() throws {
        let plan = try Planner.plan(
            graph(surveyHash: "s2"), pipeline: "p", history: FakeHistory.afterRun(of: graph()), force: false,
            only: nil)
        let survey = plan.first { $0.stage.kind == .indicators(.survey) }
        #expect(survey?.reasons == [.changed(.fileChanged("survey.csv"))])
        let report = plan.first { $0.stage.kind == .report }
        #expect(report?.reasons == [.changed(.fileChanged("survey.csv"))])
    }

    @Test func reasonsRenderAsBefore() {
        let reasons: [PlannedStage.Reason] = [
            .neverRun, .forced, .requested, .noStoredResults, .unchanged,
            .neededBy([.indicators(.foi), .custom(id: "c")]), .changed(.fileNew("a.csv")),
            .changed(.added("scale 't'")),
            .changed(.definitionChanged("report")), .changed(.upstreamChanged("ingest.s")),
            .changed(.toolVersion(from: "0.1.0", to: "0.2.0")), .changed(.removed("x")),
            .reportFiles(.noStoredReport), .reportFiles(.missing("report.md")), .reportFiles(.modified("report.html")),
        ]
        #expect(
            reasons.map(\.description) == [
                "never run", "forced (--force)", "requested (--only)", "no stored results", "unchanged",
                "needed by indicators.foi, custom.c", "a.csv is new", "scale 't' added", "report definition changed",
                "ingest.s changed", "tool version changed (0.1.0 → 0.2.0)", "x removed", "no stored report",
                "report.md missing", "report.html was modified",
            ])
    }

    @Test func manifestKeyIgnoresPartOrderButNotValues() {
        let a = StageManifest(parts: [.init(.file, "x.csv", "1"), .init(.definition, "d", "v")])
        let b = StageManifest(parts: [.init(.definition, "d", "v"), .init(.file, "x.csv", "1")])
        let c = StageManifest(parts: [.init(.definition, "d", "w"), .init(.file, "x.csv", "1")])
        #expect(a.key == b.key)
        #expect(a.key != c.key)
        // SHA-256 of the canonical text, independently: printf 'definition\td\tv\nfile\tx.csv\t1' | sha256sum
        #expect(a.canonicalText == "definition\td\tv\nfile\tx.csv\t1")
        #expect(a.key == "01ec355758eb2241ee578c4dc1285bd2c39104cc1d986397496714b2e518e23d")
    }

    @Test func canonicalTextSortsDictionaries() {
        // Swift's dictionary order changes between processes; the canonical text must not.
        let d1: [String: String] = ["5001": "Trondheim", "5006": "Steinkjer", "0301": "Oslo"]
        var d2: [String: String] = [:]
        for k in ["0301", "5006", "5001"] { d2[k] = d1[k] }
        #expect(CanonicalText.describe(d1) == CanonicalText.describe(d2))
        #expect(CanonicalText.describe(d1) == "[0301: Oslo, 5001: Trondheim, 5006: Steinkjer]")
    }
}

struct RunReportTests {
    @Test func longGroupListsAreCutForTheTerminal() {
        let groups = (1...12).map { "10\($0 + 10)/2020" }.joined(separator: ", ")
        let w = "publications: opendata.stars_mean: no value (no dataset record) for " + groups
        #expect(
            RunReport.shortened(w)
                == "publications: opendata.stars_mean: no value (no dataset record) for 1011/2020, 1012/2020, 1013/2020, 1014/2020, 1015/2020, 1016/2020, 1017/2020, 1018/2020 … and 4 more (12 groups; all listed in the report)"
        )
        #expect(RunReport.shortened("x: no value for 1/2020, 2/2020") == "x: no value for 1/2020, 2/2020")
    }
}
