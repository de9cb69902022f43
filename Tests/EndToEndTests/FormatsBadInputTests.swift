import Foundation
import Testing

/// Issue 13's bad input through the `apen` binary: JSON, JSON Lines and JSON-stat sources, the
/// recoding keys, time zones and municipality harmonisation. Each case is run by
/// `BadInputMatrixTests.badInput` (a scratch folder, a timeout, the exit code, whole lines of
/// standard error and output, the rejected rows as `line|field|reason`, indicator values); the
/// expected outcomes are worked out by hand from docs/ingest.md and METHODS §1, §3, §4, §7, §8
/// (columns and lines are counted in the comments). docs/bad-input.md, "JSON sources, recoding
/// and municipality numbers", is the same list for users; keep the two in step.
@Suite struct FormatsBadInputTests {
    @Test(arguments: jsonCases + jsonStatCases + usageCases + pipelineCases + numberCases)
    func formatsBadInput(_ c: BadInputMatrixTests.Case) throws {
        try BadInputMatrixTests().badInput(c)
    }

    /// A merge and a split harmonised through a whole `apen run` (METHODS §8), over the numbers
    /// of Fixtures/reforms (its README lists what each number becomes and why). Values by hand
    /// from METHODS §3: participants = distinct ids, actions per participant = rows / ids,
    /// per 1000 = participants / population × 1000 (the populations are chosen so that the
    /// quotients are exact in binary).
    @Test func splitAndMergeThroughARun() throws {
        let ws = try Workspace(fixture: "reforms")
        let run = try ApenProcess.run(["run", "pipeline.yaml"], in: ws.url, timeout: 60)
        #expect(!run.timedOut)
        let r = run.result
        #expect(r.status == 0, "\(r.stderr)")
        let errLines = r.stderr.split(separator: "\n").map(String.init)
        // The split number is kept and named once, though both sources have it.
        let split =
            "warning: municipality 1507 Ålesund is divided between 1508 Ålesund, 1580 Haram in the structure "
            + "of 1 January 2024: its rows keep 1507 (METHODS §8)"
        #expect(errLines.filter { $0 == split }.count == 1, "\(r.stderr)")
        #expect(
            errLines.contains(
                "warning: population.csv: population unknown (empty) for 1 group, rows skipped: 5030 2019"))

        let t = indicatorTable(try ws.read("reports/reforms/indicators.csv"))
        func value(_ key: String) -> String? { t[key].map { "\($0["value"] ?? "") \($0["n"] ?? "")" } }
        // One series per harmonised municipality: no row keeps 1601, 1662, 5030, 1504, 1534,
        // 0101, 3001 or 301.
        #expect(Set(t.values.compactMap { $0["municipality"] }) == ["0301", "1507", "1508", "1580", "3101", "5001"])

        // Merge: Trondheim 2015 = 1601 {t1} + 1662 {k1, k1} → 2 participants, 3 actions, 1.5 each;
        // population 190 000 + 10 000 → 2 / 200 000 × 1000 = 0.01.
        #expect(value("engagement.participants|5001|2015") == "2.0 2")
        #expect(value("engagement.actions_per_participant|5001|2015") == "1.5 2")
        #expect(value("engagement.participants_per_1000|5001|2015") == "0.01 2")
        // 2019 = 5001 {t2} + 5030 {k2}; 5030's population is `..`, so the merged one is unknown:
        // no rate (not 2 / 196 000 × 1000 from the known part).
        #expect(value("engagement.participants|5001|2019") == "2.0 2")
        #expect(value("engagement.participants_per_1000|5001|2019") == nil)
        // 5030 at 2019-12-31T23:30Z is 00:30 on 1 January 2020 in Oslo: 2020, not 2019.
        #expect(value("engagement.participants|5001|2020") == "1.0 1")
        #expect(value("engagement.participants|5001|2024") == "1.0 1")
        // Pre-2020 parts of the split: old Ålesund 1504 (+ Ørskog 1523, population only) → 1508:
        // 1 / (6000 + 2000) × 1000 = 0.125; old Haram 1534 → 1580: 1 / 4000 × 1000 = 0.25.
        #expect(value("engagement.participants|1508|2015") == "1.0 1")
        #expect(value("engagement.participants_per_1000|1508|2015") == "0.125 1")
        #expect(value("engagement.participants|1580|2015") == "1.0 1")
        #expect(value("engagement.participants_per_1000|1580|2015") == "0.25 1")
        #expect(value("engagement.participants|1508|2024") == "1.0 1")
        #expect(value("engagement.participants|1580|2024") == "1.0 1")
        // Split: the 2021 Ålesund keeps 1507 (2 participants; 2 / 50 000 × 1000 = 0.04); nothing
        // of it is guessed into 1508 or 1580.
        #expect(value("engagement.participants|1507|2021") == "2.0 2")
        #expect(value("engagement.participants_per_1000|1507|2021") == "0.04 2")
        #expect(value("engagement.participants|1508|2021") == nil)
        #expect(value("engagement.participants|1580|2021") == nil)
        // Renumbering: Halden 0101 (2015), 3001 (2021), 3101 (2024); Oslo written 301.
        for year in [2015, 2021, 2024] { #expect(value("engagement.participants|3101|\(year)") == "1.0 1") }
        #expect(value("engagement.participants|0301|2015") == "1.0 1")

        // The report says which structure the numbers follow, and lists the split.
        let report = try ws.read("reports/reforms/report.md")
        #expect(
            report.contains(
                "| Municipality numbers | the municipal structure of 1 January 2024 (Statistics Norway's "
                    + "classification 131; merged municipalities counted as one) |"))
        // The split among the report's warnings, in the report's language (English here), by
        // name and number: the 2020 Ålesund 1507 went to the new Ålesund 1508 and to Haram 1580.
        #expect(
            report.contains(
                "- Ålesund (1507) is divided between Ålesund (1508), Haram (1580) in the municipal structure of "
                    + "1 January 2024; its rows keep their number (METHODS §8).\n"))
    }
}

// MARK: - Inputs

private typealias Case = BadInputMatrixTests.Case

private func text(_ s: String) -> Data { Data(s.utf8) }

/// `apen ingest --kind KIND FILE --rejected rejected.csv OPTIONS` on one file.
private func ingest(
    _ name: String, kind: String = "engagement", file: String, _ content: String, options: [String], exit: Int32,
    stderr: [String] = [], stdout: [String] = [], rejected: [String]?
) -> Case {
    Case(
        name: name, files: { [file: text(content)] },
        args: ["ingest", "--kind", kind, file, "--rejected", "rejected.csv"] + options, exit: exit, stderr: stderr,
        stdout: stdout, rejected: rejected.map { .rows("rejected.csv", $0) } ?? .absent("rejected.csv"))
}

private func counts(read: Int, accepted: Int, rejected: Int) -> [String] {
    ["rows read: \(read)", "accepted:  \(accepted)", "rejected:  \(rejected)"]
}

/// Two good records around a missing comma on line 2: before `"participant_id"`, at column 47
/// (`{` 1, `"municipality"` 2–15, `:` 16, ` ` 17, `"5001"` 18–23, `,` 24, ` ` 25, `"date"`
/// 26–31, `:` 32, ` ` 33, `"2024-01-03"` 34–45, ` ` 46, `"` 47).
private let missingComma = """
    {"municipality": "5001", "date": "2024-01-02", "participant_id": "a"}
    {"municipality": "5001", "date": "2024-01-03" "participant_id": "b"}
    {"municipality": "5001", "date": "2024-01-04", "participant_id": "c"}

    """

private let syntaxMessage = "JSON syntax error: expected ',' or '}' after a member of an object, found '\"'"

/// Population of 5001 and 5006 in 2024 by sex (Kjonn 1, 2), as statistikkbank returns it; the
/// last cell (5006, women) is `null`: 5001 = 500 + 500, 5006 is unknown.
private let populationBySex = """
    {"version": "2.0", "class": "dataset", "id": ["Region", "Kjonn", "Tid"], "size": [2, 2, 1],
     "dimension": {"Region": {"category": {"index": ["5001", "5006"]}},
      "Kjonn": {"category": {"index": {"1": 0, "2": 1}, "label": {"1": "Menn", "2": "Kvinner"}}},
      "Tid": {"category": {"index": ["2024"]}}},
     "value": [500, 500, 300, null]}

    """

private let unsummed =
    "pop.json:1: JSON-stat dimension 'Kjonn' has 2 categories ('1', '2'); list it under sum: (--sum) to add them up, or ask for one"

// MARK: - JSON and JSON Lines records

extension FormatsBadInputTests {
    static let jsonCases: [BadInputMatrixTests.Case] = [
        // A syntax error fails the whole source at its line and column; no row of the file is
        // kept (the good lines 1 and 3 are not half a table), nothing is listed as rejected.
        ingest(
            "JSON Lines syntax error", file: "in.jsonl", missingComma, options: ["--format", "jsonl"], exit: 2,
            stderr: ["in.jsonl:2:47: " + syntaxMessage], rejected: nil),
        // In a one-document file the column counts characters, not bytes: line 3 is
        // `  {"municipality": "5001", "date": "2024-01-03", "participant_id": "ø", }` — two spaces,
        // `{` 3, … `"participant_id"` 50–65, `:` 66, ` ` 67, `"ø"` 68–70 (ø is one character of
        // two bytes), `,` 71, ` ` 72, `}` 73: a trailing comma, so a key was expected.
        ingest(
            "JSON syntax error after a non-ASCII character", file: "in.json",
            "[\n  {\"municipality\": \"5001\", \"date\": \"2024-01-02\", \"participant_id\": \"a\"},\n"
                + "  {\"municipality\": \"5001\", \"date\": \"2024-01-03\", \"participant_id\": \"ø\", }\n]\n",
            options: ["--format", "json"], exit: 2,
            stderr: ["in.json:3:73: JSON syntax error: expected a key in double quotes, found '}'"], rejected: nil),
        // In a run the source fails its ingest stage (exit 1, like a CSV quote left open) and
        // nothing is computed.
        Case(
            name: "JSON syntax error in a run",
            files: {
                [
                    "p.yaml": text(
                        """
                        pipeline: p
                        language: en
                        sources:
                          e: {kind: engagement, path: e.jsonl, format: jsonl}
                        indicators: [engagement.participants]

                        """),
                    "e.jsonl": text(missingComma),
                ]
            },
            args: ["run", "p.yaml", "--quiet"], exit: 1, stderr: ["error: ingest.e: e.jsonl:2:47: " + syntaxMessage],
            noIndicatorsFile: true),
        // Records that are not objects, and paths holding an object, a list or a key twice: each
        // is one rejected row with its line (line 3 is empty: skipped, but counted) and, for a
        // path, the path as `field`. 7 records read, lines 1 and 8 accepted.
        ingest(
            "records that are not objects, paths holding objects or lists", file: "in.jsonl",
            """
            {"municipality": "5001", "date": "2024-01-02", "participant_id": "a"}
            ["5001", "2024-01-03", "b"]

            {"municipality": {"nr": "5001"}, "date": "2024-01-04", "participant_id": "c"}
            {"municipality": "5001", "date": "2024-01-05", "participant_id": ["d", "e"]}
            "5001,2024-01-06,f"
            {"municipality": "5001", "date": "2024-01-07", "participant_id": "g", "participant_id": "h"}
            {"municipality": "5001", "date": "2024-01-08", "participant_id": "i"}

            """,
            options: ["--format", "jsonl", "--max-rejected", "1"], exit: 0,
            stderr: [
                "in.jsonl:2: the record is a list, not an object",
                "in.jsonl:4: field 'municipality': 'municipality' holds an object, not a text, number or boolean",
                "in.jsonl:5: field 'participant_id': 'participant_id' holds a list, not a text, number or boolean",
                "in.jsonl:6: the record is a string, not an object",
                "in.jsonl:7: field 'participant_id': the key 'participant_id' appears twice in the record",
            ],
            stdout: counts(read: 7, accepted: 2, rejected: 5),
            rejected: [
                "2||the record is a list, not an object",
                "4|municipality|'municipality' holds an object, not a text, number or boolean",
                "5|participant_id|'participant_id' holds a list, not a text, number or boolean",
                "6||the record is a string, not an object",
                "7|participant_id|the key 'participant_id' appears twice in the record",
            ]),
        // A mapped dotted path: a list at its end is named by the path; a text where the path
        // needs an object means the path is not there, so the required column is empty. Line 3
        // (a number at the path) is read. 2 of 3 rejected, over the default limit 0.
        ingest(
            "mapped dotted path holding a list", file: "in.jsonl",
            """
            {"sak": {"kommunenr": ["5001"]}, "dato": "2024-01-02", "id": "a"}
            {"sak": "5001", "dato": "2024-01-02", "id": "b"}
            {"sak": {"kommunenr": 5001}, "dato": "2024-01-02", "id": "c"}

            """,
            options: [
                "--format", "jsonl", "--column", "municipality=sak.kommunenr", "--column", "date=dato", "--column",
                "participant_id=id",
            ],
            exit: 1,
            stderr: [
                "in.jsonl:1: field 'sak.kommunenr': 'sak.kommunenr' holds a list, not a text, number or boolean",
                "in.jsonl:2: field 'municipality': required value is empty",
                "error: 66.67 % of rows rejected, more than --max-rejected 0.00 %",
            ],
            stdout: counts(read: 3, accepted: 1, rejected: 2),
            rejected: [
                "1|sak.kommunenr|'sak.kommunenr' holds a list, not a text, number or boolean",
                "2|municipality|required value is empty",
            ]),
        // `records:` that names nothing, or a list that is an object: the source fails (column
        // 21 is the `{` after `"poster": `).
        ingest(
            "records path that names nothing", file: "in.json", "{\"data\": {\"journalposter\": []}}\n",
            options: ["--format", "json", "--records", "data.poster"], exit: 2,
            stderr: ["in.json:1: no list of records at 'data.poster' (records:)"], rejected: nil),
        ingest(
            "records path holding an object", file: "in.json", "{\"data\": {\"poster\": {\"a\": 1}}}\n",
            options: ["--format", "json", "--records", "data.poster"], exit: 2,
            stderr: ["in.json:1:21: records: 'data.poster' holds an object, not a list of records"], rejected: nil),
        ingest(
            "top-level object without a records path", file: "in.json", "{\"data\": []}\n",
            options: ["--format", "json"], exit: 2,
            stderr: [
                "in.json:1: the file holds an object, not a list of records; give 'records: path' when the records are inside an object"
            ], rejected: nil),
        // Recoding in a run: a label the `values:` mapping lacks and a cell `extract:` does not
        // match are rejected rows (lines 4 and 5), never guessed. The rest (METHODS §4): line 2
        // open, lag 3; line 3 exempt, lag 1; line 6 already canonical `open`, unpublished →
        // open_share = 1 open-and-published / 3, exempt_share 1/3, lag median of [1, 3] = 2.
        // 2 rejected of 5 = 0.4 = max_rejected: passes.
        Case(
            name: "unmapped label and unmatched extract in a run",
            files: {
                [
                    "p.yaml": text(
                        """
                        pipeline: p
                        language: en
                        sources:
                          j:
                            kind: publications
                            path: j.json
                            format: json
                            records: poster
                            columns: {municipality: kommune, registered: dato, published: publisert, access: status}
                            extract: {municipality: '^(?:K-)?([0-9]{4})'}
                            values: {access: {"Offentlig": open, "Unntatt offentlighet": exempt}}
                            max_rejected: 0.4
                        indicators: [publication.open_share, publication.exempt_share, publication.lag_median_days]

                        """),
                    "j.json": text(
                        """
                        {"poster": [
                          {"kommune": "K-5001 Trondheim", "dato": "2024-03-01", "publisert": "2024-03-04", "status": "Offentlig"},
                          {"kommune": "K-5001", "dato": "2024-03-05", "publisert": "2024-03-06", "status": "Unntatt offentlighet"},
                          {"kommune": "5001", "dato": "2024-03-07", "publisert": "2024-03-08", "status": "Delvis offentlig"},
                          {"kommune": "Trondheim", "dato": "2024-03-07", "publisert": "2024-03-08", "status": "Offentlig"},
                          {"kommune": "K-5001", "dato": "2024-03-09", "status": "open"}
                        ]}

                        """),
                ]
            },
            args: ["run", "p.yaml", "--quiet"], exit: 0,
            rejected: .rows(
                "reports/p/rejected-rows.csv",
                [
                    "4|access|\"Delvis offentlig\" is neither in the values mapping of 'access' "
                        + "(\"Offentlig\" → open, \"Unntatt offentlighet\" → exempt) nor one of exempt, open, partial",
                    "5|municipality|\"Trondheim\" does not match the extract pattern '^(?:K-)?([0-9]{4})'",
                ]),
            values: [
                "publication.open_share|5001|2024": "0.3333333333333333 3",
                "publication.exempt_share|5001|2024": "0.3333333333333333 3",
                "publication.lag_median_days|5001|2024": "2.0 2",
            ]),
    ]
}

// MARK: - JSON-stat

extension FormatsBadInputTests {
    static let jsonStatCases: [BadInputMatrixTests.Case] = [
        // A dimension with two categories that is not summed: the source fails naming it and its
        // categories (adding up or picking one is the user's decision, not a guess).
        ingest(
            "JSON-stat dimension not summed", kind: "population", file: "pop.json", populationBySex,
            options: ["--format", "jsonstat"], exit: 2, stderr: [unsummed], rejected: nil),
        // Summed: two groups read; 5006's null cell makes its sum unknown, so its row is skipped
        // with a warning (not rejected): 1 accepted.
        ingest(
            "JSON-stat dimension summed", kind: "population", file: "pop.json", populationBySex,
            options: ["--format", "jsonstat", "--sum", "Kjonn"], exit: 0,
            stderr: ["warning: pop.json: population unknown (empty) for 1 group, rows skipped: 5006 2024"],
            stdout: counts(read: 2, accepted: 1, rejected: 0), rejected: []),
        ingest(
            "JSON-stat sum of a dimension the dataset lacks", kind: "population", file: "pop.json", populationBySex,
            options: ["--format", "jsonstat", "--sum", "Kjonn,Alder"], exit: 2,
            stderr: ["pop.json:1: sum: the dataset has no dimension 'Alder' (dimensions: 'Region', 'Kjonn', 'Tid')"],
            rejected: nil),
        Case(
            name: "JSON-stat dimension not summed in a run",
            files: {
                [
                    "p.yaml": text(
                        """
                        pipeline: p
                        language: en
                        sources:
                          e: {kind: engagement, path: e.csv}
                          pop: {kind: population, path: pop.json, format: jsonstat}
                        indicators: [engagement.participants, engagement.participants_per_1000]

                        """),
                    "e.csv": text("municipality,date,participant_id\n5001,2024-01-02,a\n"),
                    "pop.json": text(populationBySex),
                ]
            },
            args: ["run", "p.yaml", "--quiet"], exit: 1, stderr: ["error: ingest.pop: " + unsummed],
            noIndicatorsFile: true),
        // Summed in a run (METHODS §3): 5001 has 2 participants / (500 + 500) × 1000 = 2; 5006's
        // population is unknown, so it has participants (1) but no rate, and the run says why.
        Case(
            name: "JSON-stat summed population in a run",
            files: {
                [
                    "p.yaml": text(
                        """
                        pipeline: p
                        language: en
                        sources:
                          e: {kind: engagement, path: e.csv}
                          pop: {kind: population, path: pop.json, format: jsonstat, sum: [Kjonn]}
                        indicators: [engagement.participants, engagement.participants_per_1000]

                        """),
                    "e.csv": text(
                        "municipality,date,participant_id\n5001,2024-01-02,a\n5001,2024-01-03,b\n5006,2024-01-03,c\n"),
                    "pop.json": text(populationBySex),
                ]
            },
            args: ["run", "p.yaml"], exit: 0,
            stderr: ["warning: pop.json: population unknown (empty) for 1 group, rows skipped: 5006 2024"],
            values: [
                "engagement.participants_per_1000|5001|2024": "2.0 2",
                "engagement.participants_per_1000|5006|2024": nil,
                "engagement.participants|5006|2024": "1.0 1",
            ]),
    ]
}

// MARK: - Municipality numbers

/// A run over `e.csv` (engagement, 2024) with `municipalities: MUNICIPALITIES`.
private func numbers(
    _ name: String, municipalities: String, rows: String, maxRejected: String = "0", stderr: [String],
    rejected: [String], values: [String: String?]
) -> Case {
    Case(
        name: name,
        files: {
            [
                "p.yaml": text(
                    """
                    pipeline: p
                    language: en
                    municipalities: \(municipalities)
                    sources:
                      e: {kind: engagement, path: e.csv, max_rejected: \(maxRejected)}
                    indicators: [engagement.participants]

                    """),
                "e.csv": text("municipality,date,participant_id\n" + rows),
            ]
        },
        args: ["run", "p.yaml"], exit: 0, stderr: stderr, rejected: .rows("reports/p/rejected-rows.csv", rejected),
        values: values)
}

extension FormatsBadInputTests {
    static let numberCases: [BadInputMatrixTests.Case] = [
        // A number in no version of classification 131 is kept as written and warned about
        // (METHODS §8); 0101 (Halden until 2019) becomes 3101.
        numbers(
            "number in no version of the classification", municipalities: "{harmonise_to: 2024}",
            rows: "NO,2024-01-02,a\n0101,2024-01-02,b\n",
            stderr: ["warning: municipality 'NO' is in no version of classification 131 (2012–2024): kept as written"],
            rejected: [],
            values: [
                "engagement.participants|NO|2024": "1.0 1", "engagement.participants|3101|2024": "1.0 1",
                "engagement.participants|0101|2024": nil,
            ]),
        // With digits: 4 a number must be digits: "NO" is a rejected row (line 2); " 301" is
        // trimmed and padded to 0301.
        numbers(
            "digits: a number that is not all digits", municipalities: "{harmonise_to: 2024, digits: 4}",
            rows: "NO,2024-01-02,a\n 301,2024-01-02,b\n", maxRejected: "0.5", stderr: [],
            rejected: ["2|municipality|\"NO\" is not a municipality number (only digits, padded to 4)"],
            values: ["engagement.participants|0301|2024": "1.0 1", "engagement.participants|NO|2024": nil]),
    ]
}

// MARK: - apen ingest options

/// `apen ingest` of a one-record JSON Lines file with `options`: a usage error (exit 2).
private func usage(_ name: String, kind: String = "engagement", _ options: [String], _ message: String) -> Case {
    ingest(
        name, kind: kind, file: "in.jsonl",
        "{\"municipality\": \"5001\", \"date\": \"2024-01-02\", \"participant_id\": \"a\"}\n", options: options,
        exit: 2, stderr: [message], rejected: nil)
}

extension FormatsBadInputTests {
    static let usageCases: [BadInputMatrixTests.Case] = [
        usage(
            "unknown --timezone", ["--format", "jsonl", "--timezone", "Europe/Olso"],
            "--timezone 'Europe/Olso' is not an IANA time zone; did you mean 'Europe/Oslo'? (e.g. Europe/Oslo, UTC)"),
        usage(
            "unknown --format", ["--format", "xml"],
            "Error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'csv', 'json', 'jsonl' or 'jsonstat'."
        ),
        usage(
            "--records without json", ["--format", "jsonl", "--records", "data"],
            "--records applies only to --format json"),
        usage(
            "--delimiter with json", ["--format", "jsonl", "--delimiter", ";"],
            "--delimiter applies only to --format csv (JSON is UTF-8)"),
        usage("--sum without jsonstat", ["--sum", "Kjonn"], "--sum applies only to --format jsonstat"),
        usage(
            "jsonstat for engagement", ["--format", "jsonstat"],
            "--format jsonstat is read for population sources only (this is --kind engagement)"),
    ]
}

// MARK: - Pipeline files: exit 2, file:line:column

/// `apen validate p.yaml` with an engagement JSON Lines file `e.jsonl`, a CSV `e.csv` and an
/// empty JSON list `j.json` beside it.
private func validate(_ name: String, _ yaml: String, stderr: [String]) -> Case {
    Case(
        name: name,
        files: {
            [
                "p.yaml": text(yaml), "j.json": text("[]\n"), "pop.json": text("{}\n"),
                "e.csv": text("municipality,date,participant_id\n5001,2024-01-02,a\n"),
                "e.jsonl": text("{\"municipality\": \"5001\", \"date\": \"2024-01-02\", \"participant_id\": \"a\"}\n"),
            ]
        },
        args: ["validate", "p.yaml"], exit: 2, stderr: stderr)
}

extension FormatsBadInputTests {
    static let pipelineCases: [BadInputMatrixTests.Case] = [
        // `    timezone: ` is 14 characters: the value starts at column 15.
        validate(
            "unknown time zone",
            """
            pipeline: p
            sources:
              e:
                kind: engagement
                path: e.jsonl
                format: jsonl
                timezone: Europe/Olso
            indicators: []

            """,
            stderr: [
                "p.yaml:7:15: sources.e.timezone: 'Europe/Olso' is not an IANA time zone; did you mean 'Europe/Oslo'? (e.g. Europe/Oslo, UTC)",
                "p.yaml: 1 error",
            ]),
        // Values at column 21 (`      municipality: `) and 15 (`      access: `).
        validate(
            "extract pattern that does not compile or has no group",
            """
            pipeline: p
            sources:
              j:
                kind: publications
                path: j.json
                format: json
                extract:
                  municipality: '^K-([0-9]{4}'
                  access: '^[a-z]+$'
            indicators: []

            """,
            stderr: [
                "p.yaml:8:21: sources.j.extract.municipality: the regular expression '^K-([0-9]{4}' does not compile",
                "p.yaml:9:15: sources.j.extract.access: the regular expression '^[a-z]+$' has no capture group; "
                    + "put the part to keep in ( )",
                "p.yaml: 2 errors",
            ]),
        // `    values: {access: {"Offentlig": ` is 35 characters: `public` starts at column 36.
        validate(
            "values target outside the column's set",
            """
            pipeline: p
            sources:
              j:
                kind: publications
                path: j.json
                format: json
                values: {access: {"Offentlig": public, "Unntatt": exempt}}
            indicators: []

            """,
            stderr: [
                "p.yaml:7:36: sources.j.values.access: target 'public' is not one of exempt, open, partial",
                "p.yaml: 1 error",
            ]),
        // `municipalities: {harmonise_to: ` is 31 characters (value at 32); `2011, digits: ` puts
        // the digits at 46. The shipped structures are classification 131's versions 2012–2024,
        // and 2025 (no change on 1 January 2025).
        validate(
            "harmonise_to outside the shipped years",
            """
            pipeline: p
            municipalities: {harmonise_to: 2030}
            sources:
              e: {kind: engagement, path: e.csv}
            indicators: []

            """,
            stderr: [
                "p.yaml:2:32: municipalities.harmonise_to: 2030 is outside the shipped structures (2012–2025, classification 131)",
                "p.yaml: 1 error",
            ]),
        validate(
            "harmonise_to before the first structure, digits 0",
            """
            pipeline: p
            municipalities: {harmonise_to: 2011, digits: 0}
            sources:
              e: {kind: engagement, path: e.csv}
            indicators: []

            """,
            stderr: [
                "p.yaml:2:32: municipalities.harmonise_to: 2011 is outside the shipped structures (2012–2025, classification 131)",
                "p.yaml:2:46: municipalities.digits: expected a whole number from 1 to 8, found '0'",
                "p.yaml: 2 errors",
            ]),
        // Keys of one format on another, all at once: at the key (column 5) for misplaced keys,
        // at the value (`    format: ` → 13) for jsonstat on an engagement source.
        validate(
            "format keys on the wrong format",
            """
            pipeline: p
            sources:
              e:
                kind: engagement
                path: e.jsonl
                format: jsonl
                records: data
                delimiter: ";"
                sum: [Kjonn]
              pop:
                kind: engagement
                path: pop.json
                format: jsonstat
            indicators: []

            """,
            stderr: [
                "p.yaml:7:5: sources.e: 'records' applies only to format: json",
                "p.yaml:8:5: sources.e: 'delimiter' applies only to CSV sources (JSON is UTF-8)",
                "p.yaml:9:5: sources.e: 'sum' applies only to format: jsonstat",
                "p.yaml:13:13: sources.pop.format: jsonstat is read for population sources only (this one is engagement)",
                "p.yaml: 4 errors",
            ]),
    ]
}
