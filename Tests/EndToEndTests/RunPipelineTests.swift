import Foundation
import Testing

/// End to end: pipeline file → `apen run` → output files, with values worked out by hand.
@Suite(.serialized) struct RunPipelineTests {
    @Test func miniPipelineProducesHandComputedValues() throws {
        let ws = try Workspace(fixture: "mini")
        let r = try ApenProcess.run(["run", "pipeline.yaml", "--quiet"], in: ws.url)
        #expect(r.status == 0, "\(r.stderr)")
        let t = indicatorTable(try ws.read("reports/mini/indicators.csv"))

        // survey.trust.index, 5001 (METHODS §2): scores 4.5, 2 (q2 = 9 is missing), 4.5 with weights
        // 1, 1, 2 → y = 87.5, 25, 87.5; ȳ = (87.5 + 25 + 175) / 4 = 71.875, n = 3.
        #expect(t["survey.trust.index|5001|2023"]?["value"] == "71.875")
        #expect(t["survey.trust.index|5001|2023"]?["n"] == "3")
        // 5006: y = 50, 12.5 → ȳ = 31.25; z = ±9.375. 5006 is a domain of the 2023 wave (METHODS
        // r2 §2), whose one stratum has 5 PSUs (one per respondent): z̄ = 0,
        // SE² = 5/4 · 2 · 9.375² = 219.7265625; df = 2 PSUs − 1 stratum = 1; n = 2 < min_n 5.
        #expect(t["survey.trust.index|5006|2023"]?["value"] == "31.25")
        #expect(Double(t["survey.trust.index|5006|2023"]?["se"] ?? "") == 219.7265625.squareRoot())
        #expect(t["survey.trust.index|5006|2023"]?["df"] == "1")
        #expect(t["survey.trust.index|5006|2023"]?["flag"] == "low_n;df_lt_8")
        // agree share 5001: scores above 3 are r1 and r3, weights 1 + 2 of 4 → 0.75.
        #expect(t["survey.trust.agree_share|5001|2023"]?["value"] == "0.75")
        // alpha 5006: q1 = 3, 1 (s² = 2); q2 = 3, 2 (s² = 0.5); T = 6, 3 (s² = 4.5):
        // α = 2 · (1 − 2.5 / 4.5) = 8/9. For 5001 s_T² = 0 (T = 9, 9): no row.
        #expect(Double(t["survey.trust.alpha|5006|2023"]?["value"] ?? "") == 8.0 / 9.0)
        #expect(t["survey.trust.alpha|5001|2023"] == nil)
        #expect(t["survey.responses|5001|2023"]?["value"] == "3.0")

        // FOI 2024 (METHODS §5). Easter Sunday 2024 = 31 March.
        // r1: Mon 25.03 → Tue 26.03 = 1 working day. r2: Wed 27.03 → Wed 03.04: Thu 28 (Maundy
        // Thursday), Fri 29 (Good Friday), weekend, Mon 1.4 (Easter Monday) are not working days;
        // Tue 2.4 and Wed 3.4 are → 2. r3 unanswered.
        #expect(t["foi.median_workdays|5001|2024"]?["value"] == "1.5")
        #expect(t["foi.median_workdays|5001|2024"]?["n"] == "2")
        #expect(Double(t["foi.within_3_workdays_share|5001|2024"]?["value"] ?? "") == 2.0 / 3.0)
        #expect(t["foi.within_3_workdays_share|5001|2024"]?["n"] == "3")
        #expect(t["foi.granted_share|5001|2024"]?["value"] == "0.5")
        // 5006: answered the day it was received → 0 working days; outcome partial counts as granted.
        #expect(t["foi.median_workdays|5006|2024"]?["value"] == "0.0")
        #expect(t["foi.granted_share|5006|2024"]?["value"] == "1.0")
    }

    /// `report.date:` is the date the report shows, whatever the clock or `SOURCE_DATE_EPOCH` say,
    /// so running the example pipeline leaves its committed report as it is (docs/reports.md).
    @Test func pinnedReportDateWinsOverSourceDateEpoch() throws {
        let ws = try Workspace(fixture: "mini")
        try ws.write("pipeline.yaml", try ws.read("pipeline.yaml") + "  date: 2020-02-29\n")
        let r = try ApenProcess.run(
            ["run", "pipeline.yaml", "--quiet"], in: ws.url, environment: ["SOURCE_DATE_EPOCH": "1764460800"])
        #expect(r.status == 0, "\(r.stderr)")
        let md = try ws.read("reports/mini/report.md")
        #expect(md.contains("2020-02-29"))
        #expect(!md.contains("2025-11-30"))
    }

    @Test func noOpRerunRunsNothingAndPlanAgrees() throws {
        let ws = try Workspace(fixture: "mini")
        #expect(try ApenProcess.run(["run", "pipeline.yaml", "--quiet"], in: ws.url).status == 0)
        let plan = try ApenProcess.run(["plan", "pipeline.yaml"], in: ws.url)
        #expect(plan.status == 0)
        #expect(!plan.stdout.contains("\nrun "), "\(plan.stdout)")
        #expect(plan.stdout.contains("0 to run"))
        let before = try ws.snapshot("reports/mini")
        #expect(try ApenProcess.run(["run", "pipeline.yaml", "--quiet"], in: ws.url).status == 0)
        #expect(try ws.snapshot("reports/mini") == before)
    }

    @Test func touchingOneInputRerunsOnlyItsStages() throws {
        let ws = try Workspace(fixture: "mini")
        #expect(try ApenProcess.run(["run", "pipeline.yaml", "--quiet"], in: ws.url).status == 0)
        try ws.write("access.csv", try ws.read("access.csv") + "r5,5006,2024-05-21,2024-05-22,granted\n")
        let plan = try ApenProcess.run(["plan", "pipeline.yaml"], in: ws.url).stdout
        let lines = plan.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("run  ingest.access") && $0.contains("access.csv changed") }, "\(plan)")
        #expect(lines.contains { $0.hasPrefix("run  indicators.foi") && $0.contains("access.csv changed") }, "\(plan)")
        #expect(lines.contains { $0.hasPrefix("skip ingest.survey") }, "\(plan)")
        #expect(lines.contains { $0.hasPrefix("skip indicators.survey") }, "\(plan)")
        // The run does what the plan said.
        let run = try ApenProcess.run(["run", "pipeline.yaml"], in: ws.url)
        #expect(run.status == 0)
        #expect(run.stderr.contains("skip  indicators.survey"))
        #expect(run.stderr.contains("done  indicators.foi"))
    }

    @Test func diffListsTheFindingsThatChanged() throws {
        let ws = try Workspace(fixture: "mini")
        #expect(try ApenProcess.run(["run", "pipeline.yaml", "--quiet"], in: ws.url).status == 0)
        // 5001 answered 2 of 3 requests within 5 working days (r1: 1, r2: 2, r3 unanswered).
        #expect(
            try ws.read("reports/mini/findings.csv").contains(
                "foi_rule,foi.within_5_workdays_share,5001,2024,,0.6666666666666666,,,,,not_all_answered,offentleglova_32\n"
            ))
        // A fourth request answered the same day: 3 of 4.
        try ws.write("access.csv", try ws.read("access.csv") + "r5,5001,2024-05-21,2024-05-21,granted\n")
        #expect(try ApenProcess.run(["run", "pipeline.yaml", "--quiet"], in: ws.url).status == 0)
        let diff = try ApenProcess.run(["diff", "previous", "latest"], in: ws.url)
        #expect(diff.status == 1)
        #expect(
            diff.stdout.contains(
                "findings:\n  foi_rule foi.within_5_workdays_share 5001 2024: changed, not_all_answered, 0.6666666666666666 → not_all_answered, 0.75\n"
            ), "\(diff.stdout)")
    }

    @Test func resultsAreIdenticalForAnyJobCount() throws {
        let a = try Workspace(fixture: "mini")
        let b = try Workspace(fixture: "mini")
        #expect(try ApenProcess.run(["run", "pipeline.yaml", "--quiet", "--jobs", "1"], in: a.url).status == 0)
        #expect(try ApenProcess.run(["run", "pipeline.yaml", "--quiet", "--jobs", "4"], in: b.url).status == 0)
        #expect(try a.snapshot("reports/mini") == b.snapshot("reports/mini"))
    }

    @Test func badRowsFailTheRunListThemAndKeepThePreviousOutputs() throws {
        let ws = try Workspace(fixture: "mini")
        #expect(try ApenProcess.run(["run", "pipeline.yaml", "--quiet"], in: ws.url).status == 0)
        let before = try ws.read("reports/mini/indicators.csv")
        // Line 6: an answer before its request (METHODS §7); line 7: an unknown outcome.
        try ws.write(
            "access.csv",
            try ws.read("access.csv") + "r5,5006,2024-05-21,2024-05-20,granted\nr6,5006,2024-05-21,2024-05-22,maybe\n")
        let r = try ApenProcess.run(["run", "pipeline.yaml", "--quiet"], in: ws.url)
        #expect(r.status == 1)
        let rejected = try ws.read("reports/mini/rejected-rows.csv")
        #expect(rejected.contains(",6,answered,"), "\(rejected)")
        #expect(rejected.contains(",7,outcome,"), "\(rejected)")
        #expect(try ws.read("reports/mini/indicators.csv") == before)
    }

    @Test func invalidPipelineExitsTwo() throws {
        let ws = try Workspace(fixture: "mini")
        try ws.write("broken.yaml", "pipeline: x\nlanguage: nb\nsourcse: {}\n")
        let r = try ApenProcess.run(["run", "broken.yaml"], in: ws.url)
        #expect(r.status == 2)
        #expect(r.stderr.contains("broken.yaml:3:1"), "\(r.stderr)")
    }
}
