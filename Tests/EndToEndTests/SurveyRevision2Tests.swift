import Foundation
import Testing

/// METHODS revision 2 through the `apen` binary: missing codes and the Likert range, the
/// finite-population correction, an absent optional column, the extraction date of access
/// requests and `min_n`. Each outcome (exit code, message, rejected rows, values and flags)
/// is written by hand from METHODS.md §1, §2 and §5; docs/bad-input.md lists the same cases.
@Suite struct SurveyRevision2Tests {
    static let timeout = 30.0

    /// Runs `apen` with `args` in a scratch folder holding `files`.
    static func apen(_ args: [String], files: [String: String]) throws -> (
        status: Int32, stdout: String, stderr: String, ws: Workspace
    ) {
        let ws = try Workspace(fixture: "bad")
        for (path, text) in files { try ws.write(path, bytes: Data(text.utf8)) }
        let run = try ApenProcess.run(args, in: ws.url, timeout: timeout)
        #expect(!run.timedOut)
        return (run.result.status, run.result.stdout, run.result.stderr, ws)
    }

    /// indicators.csv as `indicator|municipality|year` → the row's fields by column name.
    static func indicators(_ ws: Workspace, pipeline: String = "p") throws -> [String: [String: String]] {
        let rows = parseCSV(try ws.read("reports/\(pipeline)/indicators.csv"))
        guard let header = rows.first else { return [:] }
        var out: [String: [String: String]] = [:]
        for r in rows.dropFirst() where r.count == header.count {
            let fields = Dictionary(uniqueKeysWithValues: zip(header, r))
            out["\(fields["indicator"]!)|\(fields["municipality"]!)|\(fields["year"]!)"] = fields
        }
        return out
    }

    static func surveyPipeline(_ settings: String, indicators: String = "[survey.t.index]") -> String {
        """
        pipeline: p
        language: en
        sources:
          s:
            kind: survey
            path: s.csv
        \(settings)
        indicators: \(indicators)

        """
    }

    // MARK: Missing codes (METHODS §1)

    /// On a 0–10 scale 9 is an answer: without `missing:` nobody is dropped. Three respondents
    /// answer 9, 10 and 0 → y = 90, 100, 0, ȳ = 190/3, n = 3.
    @Test func nineIsAnAnswerOnAZeroToTenScale() throws {
        let r = try Self.apen(
            ["run", "p.yaml", "--quiet"],
            files: [
                "p.yaml": Self.surveyPipeline("    likert: [0, 10]\n    scales:\n      t: {items: [q1]}"),
                "s.csv": "municipality,year,q1\n5001,2024,9\n5001,2024,10\n5001,2024,0\n",
            ])
        #expect(r.status == 0, "\(r.stderr)")
        let row = try #require(try Self.indicators(r.ws)["survey.t.index|5001|2024"])
        #expect(row["n"] == "3")
        #expect(Double(row["value"]!)! == 190.0 / 3.0)
    }

    /// `apen ingest --missing 9 --likert 0,10` is a usage error (exit 2), like the YAML case.
    @Test func ingestRefusesAMissingCodeInsideTheRange() throws {
        let r = try Self.apen(
            ["ingest", "--kind", "survey", "s.csv", "--items", "q1", "--likert", "0,10", "--missing", "9"],
            files: ["s.csv": "municipality,year,q1\n5001,2024,9\n"])
        #expect(r.status == 2)
        #expect(
            r.stderr.contains(
                "--missing: the missing code 9 is inside the Likert range [0, 10]; an answer cannot also be missing"),
            "\(r.stderr)")
    }

    @Test func yamlRefusesAMissingCodeInsideTheZeroToTenRange() throws {
        let r = try Self.apen(
            ["validate", "p.yaml"],
            files: [
                "p.yaml": Self.surveyPipeline(
                    "    likert: [0, 10]\n    missing: [9, 99]\n    scales:\n      t: {items: [q1]}"),
                "s.csv": "municipality,year,q1\n5001,2024,9\n",
            ])
        #expect(r.status == 2)
        #expect(
            r.stderr.contains(
                "p.yaml:8:15: sources.s.missing[0]: the missing code 9 is inside the Likert range [0, 10]"),
            "\(r.stderr)")
    }

    // MARK: Finite-population correction (METHODS §2)

    /// `apen run` of a one-scale survey with strata, PSUs and an fpc column, over `rows`.
    static func runWithFPC(_ rows: String) throws -> (status: Int32, stdout: String, stderr: String, ws: Workspace) {
        try apen(
            ["run", "p.yaml", "--quiet"],
            files: [
                "p.yaml": surveyPipeline(
                    "    design: {strata: stratum, psu: psu, fpc: fpc}\n    scales:\n      t: {items: [q1]}"),
                "s.csv": "municipality,year,stratum,psu,fpc,q1\n" + rows,
            ])
    }

    @Test func fpcThatVariesWithinAStratumFailsTheRun() throws {
        let r = try Self.runWithFPC("5001,2024,A,1,10,3\n5001,2024,A,2,12,4\n5001,2024,A,2,10,5\n")
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                "stratum 'A' of the 2024 wave: the fpc varies within the stratum (10, 12); it must be one value per stratum, the population PSU count N_h or the sampling fraction"
            ), "\(r.stderr)")
    }

    @Test func fpcBelowTheSamplePSUCountFailsTheRun() throws {
        let r = try Self.runWithFPC("5001,2024,A,1,2,3\n5001,2024,A,2,2,4\n5001,2024,A,3,2,5\n")
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                "stratum 'A' of the 2024 wave: fpc 2 is smaller than the stratum's 3 sample PSUs; give the population PSU count N_h ≥ 3, or a sampling fraction ≤ 1"
            ), "\(r.stderr)")
    }

    /// Three PSUs of one stratum, N_h = 6: f = 1 − 3/6 = ½. y = 0, 50, 100 (scores 1, 3, 5 on
    /// 1–5), one respondent per PSU, w = 1: ȳ = 50, z = (−50, 0, 50)/3, z̄ = 0,
    /// SE² = ½·3/2·(2·(50/3)²) = 416.67, SE = 20.412…; df = 3 − 1 = 2.
    @Test func fpcShrinksTheVariance() throws {
        let r = try Self.runWithFPC("5001,2024,A,1,6,1\n5001,2024,A,2,6,3\n5001,2024,A,3,6,5\n")
        #expect(r.status == 0, "\(r.stderr)")
        let row = try #require(try Self.indicators(r.ws)["survey.t.index|5001|2024"])
        let expected = (0.5 * 1.5 * 2 * (50.0 / 3) * (50.0 / 3)).squareRoot()
        #expect(abs(Double(row["se"]!)! - expected) < 1e-12)
        #expect(row["df"] == "2")
        #expect(row["flag"] == "low_n;df_lt_8")
    }

    // MARK: min_n and flags (METHODS §1)

    @Test func minNOfZeroIsRefused() throws {
        let r = try Self.apen(
            ["validate", "p.yaml"],
            files: [
                "p.yaml":
                    "pipeline: p\nmin_n: 0\nsources:\n  s: {kind: survey, path: s.csv, scales: {t: {items: [q1]}}}\nindicators: []\n",
                "s.csv": "municipality,year,q1\n5001,2024,3\n",
            ])
        #expect(r.status == 2)
        #expect(
            r.stderr.contains("p.yaml:2:8: min_n: 0 is not a count; give a whole number ≥ 1 (default 5)"), "\(r.stderr)"
        )
    }

    /// With `min_n: 2`, three respondents are not `low_n`; one PSU per respondent gives df 2.
    @Test func minNMovesTheLowNFlag() throws {
        let r = try Self.apen(
            ["run", "p.yaml", "--quiet"],
            files: [
                "p.yaml": Self.surveyPipeline("    scales:\n      t: {items: [q1]}").replacingOccurrences(
                    of: "language: en\n", with: "language: en\nmin_n: 2\n"),
                "s.csv": "municipality,year,q1\n5001,2024,1\n5001,2024,3\n5001,2024,5\n",
            ])
        #expect(r.status == 0, "\(r.stderr)")
        let row = try #require(try Self.indicators(r.ws)["survey.t.index|5001|2024"])
        #expect(row["flag"] == "df_lt_8")
        #expect(row["df"] == "2")
    }

    // MARK: Access requests (METHODS §1, §5)

    static func foiPipeline(_ extra: String = "") -> String {
        """
        pipeline: p
        language: en
        sources:
          a:
            kind: access_requests
            path: a.csv\(extra)
        indicators: [foi.*]

        """
    }

    /// No `outcome` column: granted_share has no row and one warning names the column; the
    /// working-day shares are unaffected.
    @Test func anAbsentOutcomeColumnGivesNoGrantedShare() throws {
        let r = try Self.apen(
            ["run", "p.yaml"],
            files: [
                "p.yaml": Self.foiPipeline(),
                "a.csv": "municipality,received,answered\n5001,2024-03-04,2024-03-05\n5001,2024-03-04,\n",
            ])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Self.indicators(r.ws)
        #expect(rows["foi.granted_share|5001|2024"] == nil)
        #expect(rows["foi.within_5_workdays_share|5001|2024"]?["value"] == "0.5")
        #expect(
            r.stderr.contains(
                "foi.granted_share: no value for any group: the file has no 'outcome' column (an absent column is unknown, not empty)"
            ), "\(r.stderr)")
    }

    /// An answered request with an empty outcome leaves granted_share's denominator:
    /// one granted of two with an outcome → 0.5, n = 2.
    @Test func anEmptyOutcomeLeavesTheDenominator() throws {
        let r = try Self.apen(
            ["run", "p.yaml", "--quiet"],
            files: [
                "p.yaml": Self.foiPipeline(),
                "a.csv": "municipality,received,answered,outcome\n5001,2024-03-04,2024-03-05,granted\n"
                    + "5001,2024-03-04,2024-03-05,denied\n5001,2024-03-04,2024-03-05,\n",
            ])
        #expect(r.status == 0, "\(r.stderr)")
        let row = try #require(try Self.indicators(r.ws)["foi.granted_share|5001|2024"])
        #expect(row["value"] == "0.5")
        #expect(row["n"] == "2")
        #expect(row["flag"] == "low_n")
    }

    /// extracted: 2024-03-08 (Friday). Received Mon 2024-03-04 and unanswered: 4 working days
    /// open (5, 6, 7, 8 March) → decided for the 3-day share (late), undecided for the 5-day
    /// share. Received Thu 2024-03-07, unanswered: 1 day open → undecided for both. One request
    /// answered the same day. 3-day share: 1/2 (n 2); 5-day share: 1/1 (n 1).
    @Test func theExtractionDateLeavesUndecidedRequestsOut() throws {
        let r = try Self.apen(
            ["run", "p.yaml", "--quiet"],
            files: [
                "p.yaml": Self.foiPipeline("\n    extracted: 2024-03-08"),
                "a.csv": "municipality,received,answered,outcome\n5001,2024-03-04,,\n5001,2024-03-07,,\n"
                    + "5001,2024-03-05,2024-03-05,granted\n",
            ])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Self.indicators(r.ws)
        #expect(rows["foi.within_3_workdays_share|5001|2024"]?["value"] == "0.5")
        #expect(rows["foi.within_3_workdays_share|5001|2024"]?["n"] == "2")
        #expect(rows["foi.within_5_workdays_share|5001|2024"]?["value"] == "1.0")
        #expect(rows["foi.within_5_workdays_share|5001|2024"]?["n"] == "1")
    }

    @Test func anAnswerAfterTheExtractionDateIsABadRow() throws {
        let r = try Self.apen(
            ["run", "p.yaml", "--quiet"],
            files: [
                "p.yaml": Self.foiPipeline("\n    extracted: 2024-03-08"),
                "a.csv": "municipality,received,answered,outcome\n5001,2024-03-04,2024-03-05,granted\n"
                    + "5001,2024-03-04,2024-03-11,granted\n",
            ])
        #expect(r.status == 1)
        let rejected = parseCSV(try r.ws.read("reports/p/rejected-rows.csv"))
        #expect(
            rejected.dropFirst().map { "\($0[2])|\($0[3])|\($0[4])" } == [
                "3|answered|answered 2024-03-11 is after the extraction date 2024-03-08"
            ])
    }

    @Test func extractedIsForAccessRequestsOnly() throws {
        let r = try Self.apen(
            ["validate", "p.yaml"],
            files: [
                "p.yaml":
                    "pipeline: p\nsources:\n  e:\n    kind: engagement\n    path: e.csv\n    extracted: 2024-03-08\n"
                    + "  a:\n    kind: access_requests\n    path: a.csv\n    extracted: 8.3.2024\nindicators: []\n",
                "e.csv": "municipality,date,participant_id\n5001,2024-01-02,a\n",
                "a.csv": "municipality,received\n5001,2024-01-02\n",
            ])
        #expect(r.status == 2)
        #expect(
            r.stderr.contains(
                "p.yaml:6:5: sources.e: 'extracted' applies only to access_requests sources (this one is kind 'engagement')"
            ), "\(r.stderr)")
        #expect(
            r.stderr.contains("p.yaml:10:16: sources.a.extracted: '8.3.2024' is not a date written YYYY-MM-DD"),
            "\(r.stderr)")
    }
}
