import ApenCore
import Check
import Foundation
import Indicators
import Ingest
import Reports
import Testing

@testable import Pipeline

/// A valid file loads into exactly the values it declares; defaults fill the rest.
struct SpecLoaderTests {
    /// Fixtures/spec/valid.yaml, every value written out by hand from the file.
    @Test func fullFileRoundTrips() throws {
        let path = SpecFixtures.folder + "/valid.yaml"
        let spec = try PipelineLoader.load(path: path)
        let dir = SpecFixtures.folder

        var survey = IngestOptions(source: "survey", kind: .survey, path: dir + "/survey.csv")
        survey.delimiter = .byte(UInt8(ascii: ";"))
        survey.encoding = .utf8
        survey.decimalComma = true
        survey.dateFormat = .pattern("dd.MM.yyyy")
        // design strata/psu land on the canonical stratum/psu columns.
        survey.columns = [
            "respondent_id": "RespNr", "year": "aar", "weight": "vekt", "stratum": "stratum", "psu": "klynge",
        ]
        survey.fixed = ["municipality": "0301"]  // unquoted 0301 keeps its leading zero
        survey.maxRejected = 0.01
        survey.keepRows = true
        survey.survey = SurveySettings(
            likert: 1...5, missingCodes: [9, 99],
            scales: [
                ScaleSpec(name: "transparency", items: ["q01", "q02", "q03", "q04"], reverse: ["q04"]),
                ScaleSpec(name: "trust", items: ["q01", "q03"]),
            ],
            hasStrata: true, hasPSU: true, lonelyPSU: .remove)

        var engagement = IngestOptions(source: "engagement", kind: .engagement, path: dir + "/engagement.csv")
        engagement.dateFormat = .iso
        var publications = IngestOptions(source: "publications", kind: .publications, path: dir + "/publications.csv")
        publications.delimiter = .byte(9)
        var requests = IngestOptions(source: "requests", kind: .accessRequests, path: dir + "/requests.csv")
        requests.dateFormat = .epochMilliseconds
        var population = IngestOptions(source: "population", kind: .population, path: dir + "/population.csv")
        population.encoding = .windows1252
        population.columns = ["municipality": "kommune", "year": "år", "population": "folketall"]

        var share = CustomIndicator(id: "publication.decision_open_share", source: "publications", measure: .share)
        share.of = "access == 'open'"
        share.filter = "record_type == 'decision'"
        share.by = "format"
        share.label = LocalizedText(nb: "Andel vedtak publisert åpent", en: "Decisions published openly")
        var p75 = CustomIndicator(id: "survey.q01_p75", source: "survey", measure: .quantile)
        p75.of = "q01"
        p75.p = 0.75

        var openness = CompositeDefinition(
            id: "openness",
            components: [
                .init(indicator: "survey.transparency.index", weight: 2, direction: 1, goalposts: 0...100),
                .init(indicator: "foi.median_workdays", weight: 1, direction: -1, goalposts: 0...10),
            ])
        openness.normalisation = .goalposts
        openness.samples = 500
        openness.delta = 0.2
        openness.seed = 42
        openness.label = LocalizedText(nb: "Åpenhetsindeks", en: "Openness index", nn: "Openheitsindeks")

        var report = ReportOptions()
        report.focus = ["5001", "5006"]
        report.charts = ["bars", "composite"]
        report.names = ["5001": "Trondheim", "5006": "Steinkjer"]
        report.suppressBelow = 3

        var check = CheckConfiguration(
            baseline: dir + "/baseline.csv",
            tolerances: [
                ("default", .init(abs: 1e-9)), ("survey.*", .init(rel: 0.005)),
            ])
        check.missing = .warn
        check.added = .fail
        check.changedN = .fail

        let expected = PipelineSpec(
            name: "trondheim-steinkjer", title: "Åpen kommune – følgeevaluering", language: .en, path: path,
            sources: [
                SourceSpec(name: "survey", options: survey), SourceSpec(name: "engagement", options: engagement),
                SourceSpec(name: "publications", options: publications),
                SourceSpec(name: "requests", options: requests),
                SourceSpec(name: "population", options: population),
            ],
            indicators: ["survey.*", "engagement.participants", "publication.*", "foi.median_workdays"],
            custom: [share, p75], composites: [openness], report: report, check: check)

        #expect(spec.name == expected.name)
        #expect(spec.title == expected.title)
        #expect(spec.language == expected.language)
        for (got, want) in zip(spec.sources, expected.sources) { #expect(got == want) }
        #expect(spec.sources.count == 5)
        #expect(spec.indicators == expected.indicators)
        #expect(spec.custom == expected.custom)
        #expect(spec.composites == expected.composites)
        #expect(spec.report == expected.report)
        #expect(spec.check == expected.check)
        #expect(spec.warnings == [])
        #expect(spec == expected)
    }

    /// Only the required keys: everything else takes its documented default.
    @Test func defaults() throws {
        let spec = try SpecFixtures.load(
            """
            pipeline: minimal
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.*]
            """)
        #expect(spec.title == "minimal")
        #expect(spec.language == .nb)
        #expect(spec.custom.isEmpty && spec.composites.isEmpty && spec.check == nil)
        #expect(spec.report == ReportOptions())
        let o = spec.sources[0].options
        #expect(o.path == SpecFixtures.folder + "/engagement.csv")
        #expect(o.delimiter == .sniff && o.encoding == .utf8 && !o.decimalComma && o.dateFormat == .iso)
        #expect(o.maxRejected == 0 && !o.keepRows && o.columns.isEmpty && o.fixed.isEmpty)
        #expect(o.survey == SurveySettings())
    }

    /// Composite defaults (METHODS.md §6): goalposts, 1000 samples, δ = 0.25, weight 1.
    @Test func compositeDefaults() throws {
        let spec = try SpecFixtures.load(
            """
            pipeline: c
            sources:
              r: {kind: access_requests, path: requests.csv}
            indicators: [foi.*]
            composite:
              - id: speed
                components:
                  - {indicator: foi.median_workdays, direction: -1, goalposts: [0, 10]}
            """)
        let c = try #require(spec.composites.first)
        #expect(c.normalisation == .goalposts && c.samples == 1000 && c.delta == 0.25 && c.seed == 1)
        #expect(c.components == [.init(indicator: "foi.median_workdays", weight: 1, direction: -1, goalposts: 0...10)])
        #expect(c.label == nil)
    }

    /// Warnings do not stop a load: an indicator family whose source kind is absent, goalposts
    /// the normalisation ignores, a baseline not written yet, a tolerance glob matching nothing.
    @Test func warnings() throws {
        let yaml = """
            pipeline: w
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.*, foi.*]
            composite:
              - id: x
                normalisation: minmax
                components:
                  - {indicator: engagement.gini, direction: -1, goalposts: [0, 1]}
            check:
              baseline: missing-baseline.csv
              tolerance:
                "nothing.*": {abs: 0}
            """
        #expect(SpecFixtures.diagnostics(yaml, severity: .error) == [])
        let warnings = SpecFixtures.diagnostics(yaml, severity: .warning)
        #expect(warnings.count == 4)
        #expect(warnings[0].hasPrefix("4:28: warning: indicators[1]: 'foi.*' needs a source of kind access_requests"))
        #expect(
            warnings[1].hasPrefix(
                "9:53: warning: composite[0].components[0].goalposts: ignored with normalisation 'minmax'"))
        #expect(warnings[2].hasPrefix("11:13: warning: check.baseline: no file at 'missing-baseline.csv' yet"))
        #expect(warnings[3].hasPrefix("13:5: warning: check.tolerance.nothing.*: 'nothing.*' matches no indicator"))
    }

    /// `engagement.participants_per_1000` needs a population source too.
    @Test func perThousandNeedsPopulation() {
        let yaml = """
            pipeline: w
            sources:
              e: {kind: engagement, path: engagement.csv}
            indicators: [engagement.participants_per_1000]
            """
        #expect(
            SpecFixtures.diagnostics(yaml, severity: .warning) == [
                "4:14: warning: indicators[0]: 'engagement.participants_per_1000' needs a source of kind population, and the pipeline has none"
            ])
    }

    /// A fixed column the file also has: Ingest uses the fixed value, so say so.
    @Test func fixedColumnShadowsTheFile() {
        let yaml = """
            pipeline: w
            sources:
              r: {kind: access_requests, path: requests.csv, fixed: {municipality: "0301"}}
            indicators: [foi.*]
            """
        let warnings = SpecFixtures.diagnostics(yaml, severity: .warning)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("3:58: warning: sources.r.fixed.municipality: '") == true)
        #expect(
            warnings.first?.hasSuffix("has a 'municipality' column too; it is ignored and the fixed value used") == true
        )
    }

    /// A pipeline file in Latin-1 is refused as a whole, before YAML parsing.
    @Test func notUTF8() throws {
        let error = try #require(throws: DiagnosticList.self) {
            try PipelineLoader.load(path: SpecFixtures.folder + "/latin1.yaml")
        }
        #expect(error.diagnostics.map(\.message) == ["the pipeline file is not valid UTF-8 text"])
    }

    @Test func unreadableFile() {
        #expect(throws: DiagnosticList.self) { try PipelineLoader.load(path: SpecFixtures.folder + "/no-such.yaml") }
    }
}
