import Foundation
import Testing

/// Issue 18 through the `apen` binary: declared extra columns (METHODS §1 "Extra columns") read,
/// validated and used by custom indicators, and their bad input. Each bad-input case runs through
/// `BadInputMatrixTests.badInput` (a scratch folder, a timeout, exit code, whole lines of
/// standard error, rejected rows as `line|field|reason`); the outcomes are worked out by hand
/// from METHODS §1, §7 and docs/custom-indicators.md (YAML lines and columns are counted in the
/// comments). docs/bad-input.md, "Extra columns and table sources", is the same list for users.
@Suite struct ExtraColumnsTests {
    @Test(arguments: extraCases + tableCases + breakdownCases)
    func extraBadInput(_ c: BadInputMatrixTests.Case) throws {
        try BadInputMatrixTests().badInput(c)
    }

    /// A run over extra columns of every kind of use: `of` (boolean → mean = share of yes),
    /// `where` (integer and boolean), `by` (a text column from a renamed header), `weight`.
    /// Values by hand from the four rows of `extraCSV`:
    /// - 5001: a (18-29, ja, 3), b (30-49, nei, 4), c (30-49, empty, empty); 5006: d (18-29, Yes, 1).
    /// - shares = mean of deler: 5001 (1 + 0) / 2 = 0.5, n 2 (c missing); 18-29: 1 of 1; 30-49:
    ///   0 of 1 (c missing, so n 1); 5006: 1, n 1.
    /// - big_yes = count where ansatte >= 3 and deler == 1: 5001 a only → 1; 5006 → 0.
    /// - weighted = Σ w·x / Σ w of deler weighted by ansatte: 5001 (3·1 + 4·0) / 7 = 3/7; 5006 1.
    @Test func customIndicatorsOverExtraColumns() throws {
        let ws = try Workspace(fixture: "bad")
        try ws.write("e.csv", bytes: Data(extraCSV.utf8))
        try ws.write(
            "p.yaml",
            bytes: Data(
                (extraPipeline("      age: {column: Alder, type: text}\n      deler: boolean\n      ansatte: integer")
                    + """
                    custom:
                      - id: engagement.shares
                        source: e
                        measure: mean
                        of: deler
                        by: age
                      - id: engagement.big_yes
                        source: e
                        measure: count
                        where: "ansatte >= 3 and deler == 1"
                      - id: engagement.weighted
                        source: e
                        measure: weighted_mean
                        of: deler
                        weight: ansatte

                    """).utf8))
        let run = try ApenProcess.run(["run", "p.yaml", "--quiet"], in: ws.url, timeout: 60)
        #expect(!run.timedOut)
        #expect(run.result.status == 0, "\(run.result.stderr)")
        let lines = try ws.read("reports/p/indicators.csv").split(separator: "\n").map(String.init)
        let custom = lines.filter { !$0.hasPrefix("engagement.participants") }
        #expect(
            custom == [
                "indicator,municipality,year,breakdown,value,n,se,ci_low,ci_high,df,flag",
                "engagement.big_yes,5001,2024,,1.0,1,,,,,",
                "engagement.big_yes,5006,2024,,0.0,0,,,,,",
                "engagement.shares,5001,2024,,0.5,2,,,,,",
                "engagement.shares,5001,2024,age=18-29,1.0,1,,,,,",
                "engagement.shares,5001,2024,age=30-49,0.0,1,,,,,",
                "engagement.shares,5006,2024,,1.0,1,,,,,",
                "engagement.shares,5006,2024,age=18-29,1.0,1,,,,,",
                "engagement.weighted,5001,2024,,\(3.0 / 7.0),2,,,,,",
                "engagement.weighted,5006,2024,,1.0,1,,,,,",
            ])
    }
}

/// A `kind: table` source (METHODS §1): `municipality` mapped from `kommunenr`, `year` fixed,
/// everything else declared under `extra:`, in a pipeline of custom indicators alone (no
/// `indicators:` key). Values by hand from `tableCSV`, all in 2024:
/// - research_active = count where type is research, started by 2024-12-31 and not ended
///   before 2024 (a missing end is open: `not (end < …)` is true): 5001 row 2 only (row 4 ended
///   2022) → 1; 5006 → 0.
/// - open_share = share of `open == 1` among rows with `open`: 5001 rows 2, 3, 4 → 2/3, n 3;
///   5006 row 5 (row 6 is empty) → 1, n 1. By type: 5001 business 0/1, research 2/2;
///   5006 civil_society 1/1; public has no row with `open` → no row, and a warning.
let tableCSV =
    "kommunenr,type,start,end,open\n"
    + "5001,research,2023-05-01,,ja\n5001,business,2024-02-01,2024-06-30,nei\n"
    + "5001,research,2021-01-01,2022-12-31,ja\n5006,civil_society,2024-03-01,,yes\n5006,public,2020-01-01,,\n"

let tablePipeline = """
    pipeline: p
    language: en
    sources:
      partners:
        kind: table
        path: t.csv
        columns: {municipality: kommunenr}
        fixed: {year: 2024}
        extra:
          partner_type: {column: type, type: text}
          start: date
          end: date
          open: boolean
    custom:
      - id: partners.research_active
        source: partners
        measure: count
        where: "partner_type == 'research' and start <= 2024-12-31 and not (end < 2024-01-01)"
      - id: partners.open_share
        source: partners
        measure: share
        of: "open == 1"
        where: "open"
        by: partner_type

    """

extension ExtraColumnsTests {
    @Test func tableSourceFeedsCustomIndicatorsAlone() throws {
        let ws = try Workspace(fixture: "bad")
        try ws.write("t.csv", bytes: Data(tableCSV.utf8))
        try ws.write("p.yaml", bytes: Data(tablePipeline.utf8))
        let run = try ApenProcess.run(["run", "p.yaml"], in: ws.url, timeout: 60)
        #expect(!run.timedOut)
        #expect(run.result.status == 0, "\(run.result.stderr)")
        let lines = try ws.read("reports/p/indicators.csv").split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "indicator,municipality,year,breakdown,value,n,se,ci_low,ci_high,df,flag",
                "partners.open_share,5001,2024,,\(2.0 / 3.0),3,,,,,",
                "partners.open_share,5001,2024,partner_type=business,0.0,1,,,,,",
                "partners.open_share,5001,2024,partner_type=research,1.0,2,,,,,",
                "partners.open_share,5006,2024,,1.0,1,,,,,",
                "partners.open_share,5006,2024,partner_type=civil_society,1.0,1,,,,,",
                "partners.research_active,5001,2024,,1.0,1,,,,,",
                "partners.research_active,5006,2024,,0.0,0,,,,,",
            ])
        #expect(
            run.result.stderr.contains(
                "custom 'partners.open_share': no value for 1 group(s) (5006 2024 [partner_type=public])"))
    }

    /// Survey breakdowns that name no declared extra text column: line 9 is
    /// `    breakdowns: [ag, n]`, 'ag' at column 18 and 'n' at 22.
    static let breakdownCases: [BadInputMatrixTests.Case] = [
        BadInputMatrixTests.Case(
            name: "survey breakdowns naming an undeclared or non-text column",
            files: {
                [
                    "p.yaml": Data(
                        ("pipeline: p\nlanguage: en\nsources:\n  s:\n    kind: survey\n    path: s.csv\n"
                            + "    scales: {tillit: {items: [q1]}}\n"
                            + "    extra: {age: {column: alder, type: text}, n: {column: q1, type: integer}}\n"
                            + "    breakdowns: [ag, n]\nindicators: [survey.tillit.index]\n").utf8),
                    "s.csv": Data("municipality,year,q1,alder\n5001,2024,5,a\n".utf8),
                ]
            },
            args: ["validate", "p.yaml"], exit: 2,
            stderr: [
                "p.yaml:9:18: sources.s.breakdowns[0]: 'ag' is not a declared extra text column; did you mean 'age'? "
                    + "(text columns under extra: age)",
                "p.yaml:9:22: sources.s.breakdowns[1]: 'n' has type integer; a breakdown needs a text column "
                    + "(declare it type: text)",
            ])
    ]

    static let tableCases: [BadInputMatrixTests.Case] = [
        // No year anywhere: the source's required column, named with the header (line 4 is the
        // source's name, column 3).
        BadInputMatrixTests.Case(
            name: "table source without a year",
            files: {
                [
                    "p.yaml": Data(tablePipeline.replacingOccurrences(of: "    fixed: {year: 2024}\n", with: "").utf8),
                    "t.csv": Data(tableCSV.utf8),
                ]
            },
            args: ["validate", "p.yaml"], exit: 2,
            stderr: [
                "p.yaml:4:3: sources.partners: required column 'year' is not in the header of 't.csv', not mapped "
                    + "under columns and not fixed (header: kommunenr, type, start, end, open)"
            ]),
        // A year in the file that is not a whole year is a rejected row (line 3), as for surveys.
        BadInputMatrixTests.Case(
            name: "table source with a year that is not whole",
            files: {
                [
                    "p.yaml": Data(
                        tablePipeline.replacingOccurrences(of: "    fixed: {year: 2024}\n", with: "").utf8),
                    "t.csv": Data(
                        "kommunenr,year,type,start,end,open\n5001,2024,research,2023-05-01,,ja\n5001,2024.5,business,2024-02-01,,nei\n"
                            .utf8),
                ]
            },
            args: ["run", "p.yaml", "--quiet"], exit: 1,
            rejected: .rows("reports/p/rejected-rows.csv", ["3|year|\"2024.5\" is not a whole year in 1…9999"]),
            noIndicatorsFile: true),
    ]
}

/// Four engagement rows with three extra columns (one header renamed by the pipeline).
let extraCSV =
    "municipality,date,participant_id,Alder,deler,ansatte\n"
    + "5001,2024-01-02,a,18-29,ja,3\n5001,2024-01-03,b,30-49,nei,4\n5001,2024-01-04,c,30-49,,\n"
    + "5006,2024-01-02,d,18-29,Yes,1\n"

/// A pipeline `p` with one engagement source `e.csv` whose `extra:` entries start on line 8.
func extraPipeline(_ entries: String, custom: String = "") -> String {
    "pipeline: p\nlanguage: en\nsources:\n  e:\n    kind: engagement\n    path: e.csv\n    extra:\n"
        + entries + "\nindicators: [engagement.participants]\n" + custom
}

private func extraValidate(_ name: String, _ entries: String, custom: String = "", stderr: [String])
    -> BadInputMatrixTests.Case
{
    BadInputMatrixTests.Case(
        name: name,
        files: { ["p.yaml": Data(extraPipeline(entries, custom: custom).utf8), "e.csv": Data(extraCSV.utf8)] },
        args: ["validate", "p.yaml"], exit: 2, stderr: stderr)
}

extension ExtraColumnsTests {
    static let extraCases: [BadInputMatrixTests.Case] = [
        // Line 8 `      age: {column: Aldr, type: text}`: 'Aldr' starts at column 21.
        extraValidate(
            "extra column not in the header", "      age: {column: Aldr, type: text}",
            stderr: [
                "p.yaml:8:21: sources.e.extra: extra column 'Aldr' (for 'age') is not in the header of 'e.csv'; "
                    + "did you mean 'Alder'? (header: municipality, date, participant_id, Alder, deler, ansatte)"
            ]),
        // `      deler: bool`: the value at column 14.
        extraValidate(
            "unknown extra type", "      deler: bool",
            stderr: [
                "p.yaml:8:14: sources.e.extra.deler: unknown type 'bool' (types: text, number, integer, date, boolean)"
            ]),
        // `      deler: {column: deler, type: dato}`: 'dato' at column 36.
        extraValidate(
            "unknown extra type, did you mean", "      deler: {column: deler, type: dato}",
            stderr: [
                "p.yaml:8:36: sources.e.extra.deler.type: unknown type 'dato'; did you mean 'date'? "
                    + "(types: text, number, integer, date, boolean)"
            ]),
        // A canonical name (optional `channel` of engagement) at its key, column 7.
        extraValidate(
            "extra name collides with a canonical column", "      channel: text",
            stderr: [
                "p.yaml:8:7: sources.e.extra.channel: 'channel' is a canonical column of a source of kind "
                    + "'engagement'; map a header onto it under columns instead of declaring it extra"
            ]),
        // Line 14 `    of: delr`: the value at column 9; 'deler' is declared, so it is suggested.
        extraValidate(
            "custom indicator names an undeclared column", "      deler: boolean",
            custom: "custom:\n  - id: engagement.shares\n    source: e\n    measure: mean\n    of: delr\n",
            stderr: [
                "p.yaml:14:9: custom[0].of: unknown column 'delr'; did you mean 'deler'? (columns: action, channel, "
                    + "date, deler, event_id, initiative_id, municipality, participant_id)"
            ]),
        // An unparseable cell of each type is a rejected row with its line (header = 1) and the
        // extra column's name; the run fails (max_rejected 0) after listing them all. A text
        // cell fails only on bytes that are not UTF-8 (line 6).
        BadInputMatrixTests.Case(
            name: "unparseable extra cells are rejected rows",
            files: {
                var csv = Data(
                    ("municipality,date,participant_id,b,i,x,d,t\n"
                        + "5001,2024-01-02,p,maybe,1,1.5,2024-01-01,a\n"
                        + "5001,2024-01-02,p,yes,2.5,1.5,2024-01-01,a\n"
                        + "5001,2024-01-02,p,yes,2,abc,2024-01-01,a\n"
                        + "5001,2024-01-02,p,yes,2,1.5,2024-02-30,a\n"
                        + "5001,2024-01-02,p,yes,2,1.5,2024-01-01,").utf8)
                csv.append(contentsOf: [0xFF, 0x0A])
                csv.append(contentsOf: Array("5001,2024-01-02,p,no,-3,,,\n".utf8))
                return [
                    "p.yaml": Data(
                        extraPipeline(
                            "      b: boolean\n      i: integer\n      x: number\n      d: date\n      t: text",
                            custom:
                                "custom:\n  - id: engagement.x\n    source: e\n    measure: count\n    where: \"b == 1 and i > 0 and x > 0 and d and t\"\n"
                        ).utf8),
                    "e.csv": csv,
                ]
            },
            args: ["run", "p.yaml", "--quiet"], exit: 1,
            rejected: .rows(
                "reports/p/rejected-rows.csv",
                [
                    "2|b|\"maybe\" is not a boolean (true/false, yes/no, ja/nei, 1/0)",
                    "3|i|\"2.5\" is not a whole number",
                    "4|x|\"abc\" is not a number",
                    "5|d|\"2024-02-30\" is an impossible date",
                    "6|t|\"\u{FFFD}\" has bytes that are not valid utf-8",
                ]),
            noIndicatorsFile: true),
    ]
}

/// The worked example of docs/custom-indicators.md: the committed example pipeline over the
/// committed `datasets/example/partnerships.csv` (a `table` source). Steinkjer's values by hand
/// from its five register rows:
///
/// ```
/// 5006,2021,5006-A01,Offentlig etat 1,public,2018-02-07,2021-06-10,nei
/// 5006,2021,5006-A03,Bedrift 1,business,2019-01-01,2022-07-13,ja
/// 5006,2021,5006-A04,Bedrift 2,business,2018-04-14,2021-08-05,nei
/// 5006,2022,5006-A03,Bedrift 1,business,2019-01-01,2022-07-13,ja
/// 5006,2024,5006-A02,Frivillig organisasjon 1,civil_society,2024-03-11,2029-01-13,nei
/// ```
///
/// - active: 3 in 2021, 1 in 2022, none in 2023 (no register row, so no group and no row — not
///   0), 1 in 2024; research_active 0 in each year with rows.
/// - open_data_share: 2021 1 of 3; business 1 of 2, public 0 of 1; 2022 1 of 1; 2024 0 of 1
///   (civil_society 0 of 1).
extension ExtraColumnsTests {
    @Test func partnershipsWorkedExample() throws {
        let ws = try Workspace.example()
        let run = try ApenProcess.run(["run", "pipelines/example.yaml", "--quiet"], in: ws.url, timeout: 120)
        #expect(!run.timedOut)
        #expect(run.result.status == 0, "\(run.result.stderr)")
        let lines = try ws.read("reports/example/indicators.csv").split(separator: "\n").map(String.init)
        let steinkjer = lines.filter { $0.hasPrefix("partnerships.") && $0.contains(",5006,") }
        #expect(
            steinkjer == [
                "partnerships.active,5006,2021,,3.0,3,,,,,",
                "partnerships.active,5006,2022,,1.0,1,,,,,",
                "partnerships.active,5006,2024,,1.0,1,,,,,",
                "partnerships.open_data_share,5006,2021,,\(1.0 / 3.0),3,,,,,",
                "partnerships.open_data_share,5006,2021,partner_type=business,0.5,2,,,,,",
                "partnerships.open_data_share,5006,2021,partner_type=public,0.0,1,,,,,",
                "partnerships.open_data_share,5006,2022,,1.0,1,,,,,",
                "partnerships.open_data_share,5006,2022,partner_type=business,1.0,1,,,,,",
                "partnerships.open_data_share,5006,2024,,0.0,1,,,,,",
                "partnerships.open_data_share,5006,2024,partner_type=civil_society,0.0,1,,,,,",
                "partnerships.research_active,5006,2021,,0.0,0,,,,,",
                "partnerships.research_active,5006,2022,,0.0,0,,,,,",
                "partnerships.research_active,5006,2024,,0.0,0,,,,,",
            ])
        let report = try ws.read("reports/example/report.md")
        #expect(report.contains("## Andre indikatorer (partnerships)"))
        #expect(report.contains("### Aktive samarbeid med forskningsinstitusjoner"))
    }
}

/// Survey breakdowns through the binary (METHODS §2 "Survey breakdowns"): four respondents of
/// one wave without a declared design (each its own PSU, one stratum, n_h = 4), one item on
/// 1–5, y = 100·(x − 1)/4 = 100, 50, 0, 75 for age groups a, a, b and empty. By hand:
/// - ordinary: ȳ = 225/4 = 56.25, n 4; z = (y − 56.25)/4, SE² = 4/3·Σ(z − z̄)² → 21.34781409574916.
/// - age=a: ȳ = 75, n 2; z = ±12.5 on its two rows, 0 on the others, z̄ = 0,
///   SE² = 4/3·(12.5² + 12.5²) = 1250/3 → 20.412414523193153; df = 2 PSUs − 1 stratum = 1.
/// - age=b: ȳ = 0, n 1: no SE, no df. The empty age group is in no breakdown row.
/// - agree share (score > 3): ordinary 2/4; a 1/2; b 0/1.
extension ExtraColumnsTests {
    static let breakdownSurvey = """
        pipeline: p
        language: en
        sources:
          s:
            kind: survey
            path: s.csv
            scales: {tillit: {items: [q1]}}
            extra: {age: {column: alder, type: text}}
            breakdowns: [age]
        indicators: [survey.tillit.index, survey.tillit.agree_share]

        """

    @Test func surveyBreakdownsAreDomainsOfTheWave() throws {
        let ws = try Workspace(fixture: "bad")
        try ws.write(
            "s.csv",
            bytes: Data("municipality,year,q1,alder\n5001,2024,5,a\n5001,2024,3,a\n5001,2024,1,b\n5001,2024,4,\n".utf8))
        try ws.write("p.yaml", bytes: Data(Self.breakdownSurvey.utf8))
        let run = try ApenProcess.run(["run", "p.yaml", "--quiet"], in: ws.url, timeout: 60)
        #expect(run.result.status == 0, "\(run.result.stderr)")
        let rows = parseCSV(try ws.read("reports/p/indicators.csv"))
        let h = rows[0]
        let got = rows.dropFirst().map { r in
            ["indicator", "breakdown", "value", "n", "df"].map { r[h.firstIndex(of: $0)!] }.joined(separator: " ")
        }
        #expect(
            got == [
                "survey.tillit.agree_share  0.5 4 3", "survey.tillit.agree_share age=a 0.5 2 1",
                "survey.tillit.agree_share age=b 0.0 1 ", "survey.tillit.index  56.25 4 3",
                "survey.tillit.index age=a 75.0 2 1", "survey.tillit.index age=b 0.0 1 ",
            ])
        // SEs by hand (agree: z = ±1/8 over four rows, SE² = 4/3·4/64; age=a: z = ±1/4, SE² = 1/6),
        // to 1e-12 relative: the sum of squares may round differently in the last place.
        let se = rows.dropFirst().map { Double($0[h.firstIndex(of: "se")!]) }
        let expected: [Double?] = [
            (1.0 / 12).squareRoot(), (1.0 / 6).squareRoot(), nil, 21.34781409574916, (1250.0 / 3).squareRoot(), nil,
        ]
        for (a, e) in zip(se, expected) {
            #expect((a == nil) == (e == nil))
            if let a, let e { #expect(abs(a - e) <= 1e-12 * e, "\(a) vs \(e)") }
        }
    }
}
