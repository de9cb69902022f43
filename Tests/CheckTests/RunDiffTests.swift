import ApenCore
import Foundation
import Testing

@testable import Check

struct RunDiffTests {
    static let a = RunSnapshot(
        id: 3, pipeline: "example", started: "2026-11-01T10:00:00Z",
        results: [row("foi.granted_share", "5001", 2023, 0.75, n: 4), row("survey.x.index", "5001", 2019, 60, n: 100)],
        inputs: [
            .init(source: "foi", path: "data/foi.csv", sha256: String(repeating: "a", count: 64)),
            .init(source: "survey", path: "data/survey.csv", sha256: String(repeating: "b", count: 64)),
        ],
        stages: [.init(stage: "indicators.foi", key: "k1"), .init(stage: "indicators.survey", key: "k2")])

    /// Run 5: the survey file changed (new hash), so its stage key changed and its value moved;
    /// a population source and its stage were added; the foi rows are untouched.
    static let b = RunSnapshot(
        id: 5, pipeline: "example", started: "2026-11-02T10:00:00Z",
        results: [row("survey.x.index", "5001", 2019, 61, n: 101), row("foi.granted_share", "5001", 2023, 0.75, n: 4)],
        inputs: [
            .init(source: "survey", path: "data/survey.csv", sha256: String(repeating: "c", count: 64)),
            .init(source: "foi", path: "data/foi.csv", sha256: String(repeating: "a", count: 64)),
            .init(source: "population", path: "data/pop.csv", sha256: String(repeating: "d", count: 64)),
        ],
        stages: [
            .init(stage: "indicators.survey", key: "k9"), .init(stage: "indicators.foi", key: "k1"),
            .init(stage: "ingest.population", key: "k7"),
        ])

    @Test func findsChangedInputsStagesAndRows() throws {
        let d = try RunDiff.compare(from: Self.a, to: Self.b)
        #expect(d.inputs.map { "\($0.source):\($0.kind)" } == ["population:added", "survey:changed"])
        #expect(d.stages.map { "\($0.stage):\($0.kind)" } == ["indicators.survey:changed", "ingest.population:added"])
        #expect(
            d.results.rows.map { "\($0.key.indicator):\($0.status)" } == [
                "survey.x.index:drift", "foi.granted_share:ok",
            ])
        #expect(!d.identical)
        #expect(d.exitCode == 1)
    }

    @Test func identicalRunsExitZero() throws {
        var again = Self.a
        again.id = 4
        again.results.reverse()  // order does not matter
        let d = try RunDiff.compare(from: Self.a, to: again)
        #expect(d.identical)
        #expect(d.exitCode == 0)
        #expect(
            d.rendered(as: .text, all: false).hasSuffix(
                "inputs: unchanged\nstages: unchanged\nfindings: unchanged\n\n2 checked, 0 drifted, 0 missing, 0 added, 0 n changed — runs identical\n"
            ))
    }

    @Test func findingsThatAppearDisappearOrChangeAreDifferences() throws {
        let kept = Finding(
            kind: .foiRule, indicator: "foi.within_5_workdays_share", municipality: "5001", year: 2024, value: 1,
            verdict: "all_answered", method: "offentleglova_32")
        let gone = Finding(
            kind: .change, indicator: "publication.exempt_share", municipality: "5006", year: 2024, previousYear: 2023,
            value: 0.25, previousValue: 0.0833, change: 0.1667, ciLow: 0.01, ciHigh: 0.4, verdict: "deterioration",
            method: "newcombe")
        var new = gone
        new.indicator = "survey.x.agree_share"
        new.method = "t_difference"
        var a = Self.a
        a.findings = [kept, gone]
        var b = Self.a
        b.id = 4
        var moved = kept
        moved.value = 0.9
        moved.verdict = "not_all_answered"
        b.findings = [moved, new]
        let d = try RunDiff.compare(from: a, to: b)
        #expect(
            d.findings.map { "\($0.key):\($0.kind)" } == [
                "change publication.exempt_share 5006 2024:removed", "change survey.x.agree_share 5006 2024:added",
                "foi_rule foi.within_5_workdays_share 5001 2024:changed",
            ])
        #expect(!d.identical && d.exitCode == 1)
        let text = d.rendered(as: .text, all: false)
        #expect(
            text.contains(
                "findings:\n  change publication.exempt_share 5006 2024: disappeared (was deterioration, 0.1667 [0.01, 0.4])\n"
            ))
        #expect(
            text.contains("  change survey.x.agree_share 5006 2024: appeared (deterioration, 0.1667 [0.01, 0.4])\n"))
        #expect(
            text.contains(
                "  foi_rule foi.within_5_workdays_share 5001 2024: changed, all_answered, 1 → not_all_answered, 0.9\n"))
        let json = d.rendered(as: .json, all: false)
        let o = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(
            (o["findings"] as? [[String: Any]])?.map { $0["change"] as! String } == ["removed", "added", "changed"])
        var same = a
        same.id = 9
        #expect(try RunDiff.compare(from: a, to: same).identical)
    }

    @Test func anOnlyChangedNIsADifference() throws {
        var b = Self.a
        b.results[0].n = 5
        #expect(try RunDiff.compare(from: Self.a, to: b).exitCode == 1)
    }

    @Test func textNamesTheChanges() throws {
        let text = try RunDiff.compare(from: Self.a, to: Self.b).rendered(as: .text, all: false)
        #expect(text.hasPrefix("run 3 (example, 2026-11-01T10:00:00Z) → run 5 (example, 2026-11-02T10:00:00Z)\n\n"))
        #expect(text.contains("  survey: changed, data/survey.csv, sha256 bbbbbbbbbbbb… → cccccccccccc…\n"))
        #expect(text.contains("  population: added, data/pop.csv sha256 dddddddddddd…\n"))
        #expect(text.contains("  indicators.survey: definition or inputs changed, key k2 → k9\n"))
        #expect(text.hasSuffix("2 checked, 1 drifted, 0 missing, 0 added, 0 n changed — runs different\n"))
    }

    @Test func jsonHasRunsInputsAndStages() throws {
        let json = try RunDiff.compare(from: Self.a, to: Self.b).rendered(as: .json, all: false)
        let o = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(o["outcome"] as? String == "different")
        #expect(o["exit_code"] as? Int == 1)
        #expect((o["from"] as! [String: Any])["id"] as? Int == 3)
        let inputs = o["inputs"] as! [[String: Any]]
        #expect(inputs.map { $0["change"] as! String } == ["added", "changed"])
        #expect(((inputs[1]["after"] as! [String: Any])["sha256"] as? String) == String(repeating: "c", count: 64))
        #expect((o["stages"] as! [[String: Any]]).count == 2)
        #expect((o["rows"] as! [[String: Any]]).count == 1)
    }

    @Test func commandResolvesReferencesAndExitCodes() {
        let provider = InMemoryProvider(runs: [Self.b, Self.a])  // newest first
        #expect(CheckCommands.diff("previous", "latest", provider: provider).exitCode == 1)
        #expect(CheckCommands.diff("3", "3", provider: provider).exitCode == 0)
        let md = CheckCommands.diff("3", "latest", format: .md, provider: provider)
        #expect(md.stdout.hasPrefix("### Åpen diff: run 3 → run 5 — different\n"))
        let bad = CheckCommands.diff("newest", "latest", provider: provider)
        #expect(bad.exitCode == 2)
        #expect(bad.stderr.contains("'newest' is not a run"))
        let absent = CheckCommands.diff("9", "latest", provider: provider)
        #expect(absent.exitCode == 2)
        #expect(absent.stderr == "error: store.sqlite: no run 9\n")
    }
}
