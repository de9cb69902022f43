import ApenCore
import Foundation
import Testing

@testable import Check

struct CheckCommandsTests {
    static func fixture(_ name: String) -> String {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// The rows of Fixtures/baseline-messy.csv, written by hand (6.25e1 = 62.5, 61.250 = 61.25).
    static let results = [
        IndicatorRow(indicator: "foi.granted_share", municipality: "5001", year: 2023, value: 0.75, n: 4),
        IndicatorRow(indicator: "foi.median_workdays", municipality: "5006", year: 2023, value: 3.5, n: 10),
        IndicatorRow(indicator: "survey.transparency.index", municipality: "0301", year: 2019, value: 62.5, n: 88),
        IndicatorRow(
            indicator: "survey.transparency.index", municipality: "5001", year: 2019, value: 61.25, n: 120,
            se: 1.5, ciLow: 58.31, ciHigh: 64.19),
    ]

    static func provider(baseline: String, results: [IndicatorRow] = results) -> InMemoryProvider {
        var config = CheckConfiguration(
            baseline: baseline, tolerances: [("survey.*", .init(rel: 0.005))])
        config.missing = .fail
        return InMemoryProvider(configuration: config, results: results)
    }

    /// A fresh temporary folder, removed by the caller.
    static func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("apen-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func aBaselineWithOtherRowOrderWhitespaceQuotesAndCRLFStillMatches() {
        let out = CheckCommands.check(
            pipelineFile: "p.yaml", provider: Self.provider(baseline: Self.fixture("baseline-messy.csv")))
        #expect(out.exitCode == 0)
        #expect(out.stdout == "4 checked, 0 drifted, 0 missing, 0 added, 0 n changed — passed\n")
        #expect(out.stderr == "")
    }

    @Test func driftBeyondTheToleranceExitsOne() {
        var moved = Self.results
        moved[2].value = 62.9  // |62.9 − 62.5| = 0.4 > 0.005·62.5 = 0.3125
        moved[3].value = 61.5  // |61.5 − 61.25| = 0.25 ≤ 0.005·61.25 = 0.30625 → ok
        let out = CheckCommands.check(
            pipelineFile: "p.yaml",
            provider: Self.provider(baseline: Self.fixture("baseline-messy.csv"), results: moved))
        #expect(out.exitCode == 1)
        #expect(out.stdout.hasSuffix("4 checked, 1 drifted, 0 missing, 0 added, 0 n changed — failed: 1 failure\n"))
        #expect(out.stdout.contains("survey.transparency.index  0301"))
    }

    @Test func aMalformedBaselineExitsTwoNamingTheLine() {
        let path = Self.fixture("baseline-malformed.csv")
        let out = CheckCommands.check(pipelineFile: "p.yaml", provider: Self.provider(baseline: path))
        #expect(out.exitCode == 2)
        #expect(out.stdout == "")
        #expect(out.stderr == "error: cannot use the baseline: \(path):4: expected 8 fields, found 9\n")
    }

    @Test func aMissingBaselineExitsTwoAndSaysHowToCreateIt() {
        let out = CheckCommands.check(pipelineFile: "p.yaml", provider: Self.provider(baseline: "/nonexistent/b.csv"))
        #expect(out.exitCode == 2)
        #expect(out.stderr.contains("/nonexistent/b.csv: cannot read the file"))
        #expect(out.stderr.contains("create it with 'apen baseline p.yaml'"))
    }

    @Test func noCheckSectionNeedsABaselineOption() {
        let noCheck = InMemoryProvider(configuration: nil, results: Self.results)
        let out = CheckCommands.check(pipelineFile: "p.yaml", provider: noCheck)
        #expect(out.exitCode == 2)
        #expect(out.stderr.contains("no 'check:' section"))
        // With --baseline: exact comparison, default policies.
        let given = CheckCommands.check(
            pipelineFile: "p.yaml", baselinePath: Self.fixture("baseline-messy.csv"), provider: noCheck)
        #expect(given.exitCode == 0)
    }

    @Test func resultsAndBaselineOptionsOverrideThePipeline() {
        // --results reads the new rows from a CSV (the malformed one → exit 2 with its line);
        // --baseline replaces the configured path.
        let provider = Self.provider(baseline: "/nonexistent/b.csv")
        let out = CheckCommands.check(
            pipelineFile: "p.yaml", resultsPath: Self.fixture("baseline-malformed.csv"),
            baselinePath: Self.fixture("baseline-messy.csv"), provider: provider)
        #expect(out.exitCode == 2)
        #expect(out.stderr.contains("cannot get the new results: \(Self.fixture("baseline-malformed.csv")):4:"))
        let same = CheckCommands.check(
            pipelineFile: "p.yaml", resultsPath: Self.fixture("baseline-messy.csv"),
            baselinePath: Self.fixture("baseline-messy.csv"), format: .json, provider: provider)
        #expect(same.exitCode == 0)
        #expect(same.stdout.contains("\"outcome\": \"passed\""))
    }

    @Test func anInvalidPipelineExitsTwoWithItsDiagnostic() {
        var broken = InMemoryProvider()
        broken.failure = Diagnostic(
            SourceLocation(path: "p.yaml", line: 3, column: 5), "unknown key 'tolerence' (did you mean 'tolerance'?)")
        let out = CheckCommands.check(pipelineFile: "p.yaml", provider: broken)
        #expect(out.exitCode == 2)
        #expect(out.stderr == "error: p.yaml:3:5: unknown key 'tolerence' (did you mean 'tolerance'?)\n")
    }

    @Test func baselineWritesTheResultsThenCheckPasses() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("nested/baseline.csv").path
        let provider = Self.provider(baseline: path)
        let written = CheckCommands.baseline(pipelineFile: "p.yaml", provider: provider)
        #expect(written.exitCode == 0)
        #expect(written.stdout == "wrote 4 rows to \(path)\n")
        #expect(try IndicatorCSV.read(path: path) == Self.results.canonicallySorted())
        #expect(CheckCommands.check(pipelineFile: "p.yaml", provider: provider).exitCode == 0)
        // Writing again says what changed against the file it replaces (compared exactly):
        // one value moved, one n moved (both "changed"), one row dropped, one added.
        #expect(
            CheckCommands.baseline(pipelineFile: "p.yaml", provider: provider).stdout
                == "wrote 4 rows to \(path) (unchanged)\n")
        var next = Self.results
        next[0].value = 0.8
        next[1].n = 11
        next.remove(at: 2)
        next.append(IndicatorRow(indicator: "foi.x", municipality: "5001", year: 2023, value: 1, n: 1))
        let again = CheckCommands.baseline(
            pipelineFile: "p.yaml", provider: Self.provider(baseline: path, results: next))
        #expect(again.stdout == "wrote 4 rows to \(path) (was 4 rows: 2 changed, 1 added, 1 removed)\n")
        // No temporary file is left beside it.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("nested").path) == [
                "baseline.csv"
            ])
    }

    @Test func baselineFailuresExitTwoAndLeaveTheOldFile() throws {
        let noTarget = CheckCommands.baseline(pipelineFile: "p.yaml", provider: InMemoryProvider(configuration: nil))
        #expect(noTarget.exitCode == 2)
        #expect(noTarget.stderr.contains("--output"))
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("b.csv").path
        try "old".write(toFile: path, atomically: true, encoding: .utf8)
        var failing = Self.provider(baseline: path)
        failing.failure = Diagnostic(SourceLocation(path: "survey.csv", line: 9), "run failed")
        let out = CheckCommands.baseline(pipelineFile: "p.yaml", outputPath: path, provider: failing)
        #expect(out.exitCode == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    }
}
