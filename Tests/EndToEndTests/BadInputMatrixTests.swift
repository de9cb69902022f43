import Foundation
import Testing

/// The bad-input matrix (issue "Hardening"): malformed files and pipelines driven through the CLI,
/// each with its outcome written by hand from METHODS.md §1/§7 and docs/pipeline.md — the exit
/// code (0 ok, 1 run failure, 2 invalid pipeline/usage or a file that is not a table), the exact
/// error lines on standard error, the rejected rows (line, field, reason) and, for runs, the
/// values and `n` of the affected groups, so a bad row can never feed an indicator unnoticed.
///
/// Each case runs in its own scratch folder with a timeout: a hang fails the case instead of the
/// suite. docs/bad-input.md is the same matrix as a table for users; keep the two in step.
@Suite struct BadInputMatrixTests {
    /// One malformed input and everything the CLI must do with it.
    struct Case: Sendable, CustomTestStringConvertible {
        /// Short name shown by the test runner.
        var name: String
        /// Files of the scratch folder, relative path → bytes (built lazily: some are megabytes).
        var files: @Sendable () -> [String: Data]
        /// The `apen` arguments.
        var args: [String]
        /// The folder `apen` runs in, relative to the scratch folder.
        var directory = ""
        var exit: Int32
        /// Lines that must each appear, whole, on standard error.
        var stderr: [String] = []
        /// Lines that must each appear, whole, on standard output.
        var stdout: [String] = []
        /// Where the rejected-rows CSV is and what it must hold.
        var rejected: Rejected = .unchecked
        /// `indicator|municipality|year` → `"value n"` in the run's indicators.csv, or `nil`
        /// for "no such row". Empty: indicators.csv is not looked at.
        var values: [String: String?] = [:]
        /// When true, the run writes no indicators.csv at all.
        var noIndicatorsFile = false

        var testDescription: String { name }
    }

    /// The rejected-rows file: its path and its rows as `line|field|reason` in file order.
    enum Rejected: Sendable {
        case unchecked
        /// A file that must not exist afterwards (the rejected-rows file, or even the store).
        case absent(String)
        case rows(String, [String])
    }

    static let timeout = 30.0

    /// `apen ingest` of a file that is not a table records its run as failed at once (it used to
    /// stay `running` until the next run marked it "interrupted", which it was not).
    @Test func unreadableFileFailsItsIngestRunAtOnce() throws {
        let ws = try Workspace(fixture: "bad")
        try ws.write("in.csv", bytes: Data())
        let ingest = try ApenProcess.run(
            ["ingest", "--kind", "engagement", "in.csv"], in: ws.url, timeout: Self.timeout)
        #expect(ingest.result.status == 2)
        let history = try ApenProcess.run(["history"], in: ws.url, timeout: Self.timeout)
        #expect(history.result.status == 0, "\(history.result.stderr)")
        let rows = history.result.stdout.split(separator: "\n").dropFirst().map {
            $0.split(separator: "\t").map(String.init)
        }
        #expect(rows.count == 1)
        #expect(
            rows.first.map { Array($0.prefix(2)) + [$0.count > 4 ? $0[4] : ""] } == [
                "1", "ingest:engagement", "failed",
            ])
    }

    @Test(arguments: ingestCases + surveyCases + recordCases + runCases + pipelineCases)
    func badInput(_ c: Case) throws {
        let ws = try Workspace(fixture: "bad")
        for (path, bytes) in c.files() { try ws.write(path, bytes: bytes) }
        let cwd = c.directory.isEmpty ? ws.url : ws.url.appendingPathComponent(c.directory)
        let run = try ApenProcess.run(c.args, in: cwd, timeout: Self.timeout)
        #expect(!run.timedOut, "apen \(c.args.joined(separator: " ")) still ran after \(Self.timeout) s")
        let r = run.result
        // A crash (signal) shows as status ≥ 128 or an uncaught-signal status; the contract has 0, 1, 2.
        #expect(r.status == c.exit, "exit \(r.status), stderr:\n\(r.stderr.prefix(4000))")
        let errLines = Set(r.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        for line in c.stderr {
            #expect(
                errLines.contains(line), "missing on stderr: \(line.prefix(300))\nstderr was:\n\(r.stderr.prefix(4000))"
            )
        }
        let outLines = Set(r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        for line in c.stdout {
            #expect(outLines.contains(line), "missing on stdout: \(line)\nstdout was:\n\(r.stdout.prefix(4000))")
        }
        switch c.rejected {
        case .unchecked: break
        case .absent(let path):
            #expect(!FileManager.default.fileExists(atPath: ws.path(path)), "\(path) should not be written")
        case .rows(let path, let expected):
            let text = try ws.read(path)
            let rows = parseCSV(text)
            #expect(rows.first == ["source", "file", "line", "field", "reason", "record"])
            let got = rows.dropFirst().map { $0.count >= 5 ? "\($0[2])|\($0[3])|\($0[4])" : $0.joined(separator: ",") }
            #expect(got == expected)
        }
        if c.noIndicatorsFile {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: ws.path("reports"))) ?? []
            for f in files {
                #expect(!FileManager.default.fileExists(atPath: ws.path("reports/\(f)/indicators.csv")))
            }
        }
        if !c.values.isEmpty {
            let name = c.args.count > 1 ? pipelineName(try ws.read(c.args[1])) : ""
            let table = indicatorTable(try ws.read("reports/\(name)/indicators.csv"))
            for (key, expected) in c.values.sorted(by: { $0.key < $1.key }) {
                let row = table[key]
                let got = row.map { "\($0["value"] ?? "") \($0["n"] ?? "")" }
                #expect(got == expected, "\(key)")
            }
        }
    }
}

// MARK: - Inputs

private let engagementHeader = "municipality,date,participant_id\n"
private let accessHeader = "request_id,municipality,received,answered,outcome\n"
private let surveyHeader = "municipality,year,q1,q2,weight\n"

private func text(_ s: String) -> Data { Data(s.utf8) }

/// `apen ingest` of `in.csv` (bytes as given) with the rejected rows written to `rejected.csv`.
private func ingest(
    _ name: String, kind: String = "engagement", _ bytes: @autoclosure @escaping @Sendable () -> Data,
    options: [String] = [], exit: Int32, stderr: [String] = [], stdout: [String] = [], rejected: [String]?
) -> BadInputMatrixTests.Case {
    BadInputMatrixTests.Case(
        name: name, files: { ["in.csv": bytes()] },
        args: ["ingest", "--kind", kind, "in.csv", "--rejected", "rejected.csv"] + options,
        exit: exit, stderr: stderr, stdout: stdout,
        rejected: rejected.map { .rows("rejected.csv", $0) } ?? .absent("rejected.csv"))
}

/// The counts `apen ingest` prints on standard output.
private func counts(read: Int, accepted: Int, rejected: Int) -> [String] {
    ["rows read: \(read)", "accepted:  \(accepted)", "rejected:  \(rejected)"]
}

/// The last line of a failed `apen ingest`: the rejected share against `--max-rejected`.
private func overLimit(_ share: String, _ limit: String) -> String {
    "error: \(share) % of rows rejected, more than --max-rejected \(limit) %"
}

// MARK: - Files that are not tables, headers, dialects, encodings (engagement)

extension BadInputMatrixTests {
    static let ingestCases: [Case] = [
        // METHODS §7: an empty file cannot be read as a table: exit 2, line 1, no rejected-rows file.
        ingest(
            "empty file", text(""), exit: 2, stderr: ["in.csv:1: the file is empty: there is no header line"],
            rejected: nil),
        // Only line breaks (LF, CRLF, LF): empty lines are skipped, so there is no header either.
        ingest(
            "blank lines only", text("\n\r\n\n"), exit: 2,
            stderr: ["in.csv:1: the file is empty: there is no header line"], rejected: nil),
        // A header and nothing else: a valid, empty table.
        ingest(
            "header only", text(engagementHeader), exit: 0, stdout: counts(read: 0, accepted: 0, rejected: 0),
            rejected: []),
        // The first line is data: none of the required columns is in the "header" (METHODS §1:
        // an error for the whole source naming the columns and listing the header found).
        ingest(
            "no header", text("5001,2024-01-02,p1\n5001,2024-01-03,p2\n"), exit: 2,
            stderr: [
                "in.csv:1: required columns 'municipality', 'date', 'participant_id' are neither in the file nor fixed; "
                    + "the header is: '5001', '2024-01-02', 'p1'"
            ], rejected: nil),
        ingest(
            "duplicate canonical header",
            text("municipality,date,participant_id,date\n5001,2024-01-02,p1,2024-01-02\n"),
            exit: 2,
            stderr: [
                "in.csv:1: the header names column 'date' twice (fields 2 and 4); "
                    + "the header is: 'municipality', 'date', 'participant_id', 'date'"
            ], rejected: nil),
        // Columns that are not canonical are ignored (METHODS §1), even when named twice.
        ingest(
            "duplicate ignored header", text("note,municipality,note,date,participant_id\na,5001,b,2024-01-02,p1\n"),
            exit: 0, stdout: counts(read: 1, accepted: 1, rejected: 0), rejected: []),
        // A byte-order mark is dropped at the start of the file only; in the middle of the header
        // it is part of the name, so 'date' is missing. The message shows it escaped, since an
        // invisible character in a listing would read as 'date' and puzzle the user.
        ingest(
            "BOM in the middle of the header", text("municipality,\u{FEFF}date,participant_id\n5001,2024-01-02,p1\n"),
            exit: 2,
            stderr: [
                "in.csv:1: required column 'date' is neither in the file nor fixed; "
                    + "the header is: 'municipality', '\\u{FEFF}date', 'participant_id'"
            ], rejected: nil),
        ingest(
            "BOM at the start", text("\u{FEFF}" + engagementHeader + "5001,2024-01-02,p1\n"), exit: 0,
            stdout: counts(read: 1, accepted: 1, rejected: 0), rejected: []),
        // Ragged rows are rejected whole (no field), with the physical line; the rest is read.
        ingest(
            "too few fields", text(engagementHeader + "5001,2024-01-02,p1\n5001,2024-01-03\n5001,2024-01-04,p3\n"),
            exit: 1,
            stderr: ["in.csv:3: has 2 fields, the header has 3", overLimit("33.33", "0.00")],
            stdout: counts(read: 3, accepted: 2, rejected: 1),
            rejected: ["3||has 2 fields, the header has 3"]),
        ingest(
            "too many fields", text(engagementHeader + "5001,2024-01-03,p2,extra\n5001,2024-01-04,p3\n"), exit: 1,
            stderr: ["in.csv:2: has 4 fields, the header has 3"], stdout: counts(read: 2, accepted: 1, rejected: 1),
            rejected: ["2||has 4 fields, the header has 3"]),
        ingest(
            "one field only", text(engagementHeader + "5001\n"), exit: 1,
            stderr: ["in.csv:2: has 1 field, the header has 3"], rejected: ["2||has 1 field, the header has 3"]),
        // METHODS §7: a quote left open at the end of the file fails the source, naming the line
        // the unfinished record starts on (3); nothing is listed as a rejected row.
        ingest(
            "unterminated quote at EOF",
            text(engagementHeader + "5001,2024-01-02,p1\n5001,\"2024-01-03,p2\n5001,x,p3\n"),
            exit: 2,
            stderr: [
                "in.csv:3: a quoted field that starts in the record on this line is never closed "
                    + "(the file ends inside quotes)"
            ], rejected: nil),
        // Text after a closing quote ("p"x): lenient parsing would reopen the field and swallow
        // lines 4–5 into participant_id, silently losing two rows. The source fails instead (exit 2).
        ingest(
            "text after a closing quote",
            text(
                engagementHeader
                    + "5001,2024-01-02,p1\n5001,2024-01-02,\"p\"x\n5001,2024-01-03,p3\n5001,2024-01-04,\"p4\"\n"),
            exit: 2,
            stderr: [
                "in.csv:3: a quoted field in the record that starts on this line is followed by more text after its "
                    + "closing quote (a quote inside a quoted field must be doubled: \"\")"
            ], rejected: nil),
        // A quote inside an unquoted field is kept as a character, as spreadsheets do.
        ingest(
            "quote inside an unquoted field",
            text(engagementHeader + "5001,2024-01-02,p\"1\n5001,2024-01-03,\"p\"\"2\"\n"),
            exit: 0, stdout: counts(read: 2, accepted: 2, rejected: 0), rejected: []),
        // A 10 MB participant id is text like any other: accepted, memory stays bounded.
        ingest(
            "10 MB single field (valid)",
            text(engagementHeader + "5001,2024-01-02," + String(repeating: "x", count: 10 << 20) + "\n"), exit: 0,
            stdout: counts(read: 1, accepted: 1, rejected: 0), rejected: []),
        // A 10 MB date that does not parse: rejected with the physical line and the value quoted.
        ingest(
            "10 MB single field (bad date)",
            text(engagementHeader + "5001," + String(repeating: "9", count: 10 << 20) + ",p1\n"), exit: 1,
            stdout: counts(read: 1, accepted: 0, rejected: 1),
            rejected: [
                "2|date|\"" + String(repeating: "9", count: 10 << 20) + "\" is not a date in the format yyyy-MM-dd"
            ]),
        // NUL is a valid UTF-8 byte: in text it is kept (its own participant); in a date it is not a date.
        ingest(
            "NUL byte in a date", text(engagementHeader + "5001,2024-01-02\u{0},p1\n5001,2024-01-02,p2\n"), exit: 1,
            stdout: counts(read: 2, accepted: 1, rejected: 1),
            rejected: ["2|date|\"2024-01-02\u{0}\" is not a date in the format yyyy-MM-dd"]),
        // Invalid UTF-8 in a cell rejects the row (METHODS §7); the reason shows U+FFFD for the byte.
        ingest(
            "invalid UTF-8 in a cell",
            Data(Array(engagementHeader.utf8) + Array("5001,2024-01-02,p".utf8) + [0xFF, 0x0A]),
            exit: 1, stdout: counts(read: 1, accepted: 0, rejected: 1),
            rejected: ["2|participant_id|\"p\u{FFFD}\" has bytes that are not valid utf-8"]),
        // Only the columns Åpen reads are decoded: bad bytes in an ignored column do not reject the row.
        ingest(
            "invalid UTF-8 in an ignored column",
            Data(Array("municipality,date,participant_id,note\n5001,2024-01-02,p,Bod".utf8) + [0xF8, 0x0A]), exit: 0,
            stdout: counts(read: 1, accepted: 1, rejected: 0), rejected: []),
        // In the header it fails the source: no column can be trusted.
        ingest(
            "invalid UTF-8 in the header",
            Data(Array("municipality,date,participant_".utf8) + [0xC3, 0x28] + Array("\n5001,2024-01-02,p1\n".utf8)),
            exit: 2, stderr: ["in.csv:1: header field 3 \"participant_\u{FFFD}(\" has bytes that are not valid utf-8"],
            rejected: nil),
        // '|' is not sniffed (only , ; tab are): the whole header is one name, and the listing shows it.
        ingest(
            "pipe-separated file without --delimiter", text("municipality|date|participant_id\n5001|2024-01-02|a\n"),
            exit: 2,
            stderr: [
                "in.csv:1: required columns 'municipality', 'date', 'participant_id' are neither in the file nor fixed; "
                    + "the header is: 'municipality|date|participant_id'"
            ], rejected: nil),
        // Declared, it reads (as `delimiter: "|"` does in a pipeline).
        ingest(
            "pipe-separated file with --delimiter '|'", text("municipality|date|participant_id\n5001|2024-01-02|a\n"),
            options: ["--delimiter", "|"], exit: 0, stdout: counts(read: 1, accepted: 1, rejected: 0), rejected: []),
        ingest(
            "unknown delimiter", text(engagementHeader), options: ["--delimiter", ":"], exit: 2,
            stderr: [
                "Error: The value ':' is invalid for '--delimiter <delimiter>'. Please provide one of ',', ';', '|' or 'tab'."
            ],
            rejected: nil),
        // Lines are physical lines whatever the line ends: CRLF, LF, an empty CRLF line (4) all count.
        ingest(
            "mixed CRLF and LF",
            text(
                "municipality,date,participant_id\r\n5001,2024-01-02,p1\n5001,2024-01-03,p2\r\n\r\n5001,2024-02-30,p3\n"
            ),
            exit: 1, stderr: ["in.csv:5: field 'date': \"2024-02-30\" is an impossible date"],
            rejected: ["5|date|\"2024-02-30\" is an impossible date"]),
        ingest(
            "lone CR line ends", text("municipality,date,participant_id\r5001,2024-01-02,p1\r5001,x,p2\r"), exit: 1,
            rejected: ["3|date|\"x\" is not a date in the format yyyy-MM-dd"]),
        // 60 000 CRLF rows (about 1.7 MB, past the reader's first 1 MiB block) with one bad row on
        // line 50 001 (header = line 1, data row k on line k + 1): the line number survives block borders.
        ingest(
            "bad row after the first read block",
            text(
                "municipality,date,participant_id\r\n"
                    + (1...60_000).map { $0 == 50_000 ? "5001,2024-13-01,p\($0)\r\n" : "5001,2024-01-02,p\($0)\r\n" }
                    .joined()),
            exit: 1, stdout: counts(read: 60_000, accepted: 59_999, rejected: 1),
            rejected: ["50001|date|\"2024-13-01\" is an impossible date"]),
        // A quoted field spanning lines 2–3: the next record starts on line 4.
        ingest(
            "line break inside quotes", text(engagementHeader + "5001,2024-01-02,\"p\n1\"\n5001,x,p2\n"), exit: 1,
            rejected: ["4|date|\"x\" is not a date in the format yyyy-MM-dd"]),
        // Latin-1 'Bodø' (ø = F8) read as UTF-8: the byte is invalid, the row rejected, never guessed.
        ingest(
            "Latin-1 file declared UTF-8",
            Data(Array(engagementHeader.utf8) + Array("5001,2024-01-02,Bod".utf8) + [0xF8, 0x0A]), exit: 1,
            rejected: ["2|participant_id|\"Bod\u{FFFD}\" has bytes that are not valid utf-8"]),
        ingest(
            "Latin-1 file declared iso-8859-1",
            Data(Array(engagementHeader.utf8) + Array("5001,2024-01-02,Bod".utf8) + [0xF8, 0x0A]),
            options: ["--encoding", "iso-8859-1"], exit: 0, stdout: counts(read: 1, accepted: 1, rejected: 0),
            rejected: []),
        // METHODS §1/§7: a date that does not exist rejects the row.
        ingest(
            "31.02.2019", text(engagementHeader + "5001,28.02.2019,p1\n5001,31.02.2019,p2\n"),
            options: ["--date-format", "dd.MM.yyyy"], exit: 1,
            stderr: ["in.csv:3: field 'date': \"31.02.2019\" is an impossible date"],
            rejected: ["3|date|\"31.02.2019\" is an impossible date"]),
        ingest(
            "29.02 of a leap year and not", text(engagementHeader + "5001,29.02.2024,p1\n5001,29.02.2023,p2\n"),
            options: ["--date-format", "dd.MM.yyyy"], exit: 1, stdout: counts(read: 2, accepted: 1, rejected: 1),
            rejected: ["3|date|\"29.02.2023\" is an impossible date"]),
        ingest(
            "ISO date in a dd.MM.yyyy file", text(engagementHeader + "5001,2019-02-28,p1\n"),
            options: ["--date-format", "dd.MM.yyyy"], exit: 1,
            rejected: ["2|date|\"2019-02-28\" is not a date in the format dd.MM.yyyy"]),
        // Epoch times beyond Int64 or beyond year 9999 (253402300800 s = 10000-01-01) are not a day
        // in years 1–9999, not a trap; 253402300799 s is 9999-12-31; 1e10 is not an integer.
        ingest(
            "epoch seconds out of range",
            text(
                engagementHeader
                    + "5001,99999999999999999999,a\n5001,253402300800,b\n5001,253402300799,c\n5001,1e10,d\n"),
            options: ["--date-format", "epoch_s"], exit: 1, stdout: counts(read: 4, accepted: 1, rejected: 3),
            rejected: [
                "2|date|\"99999999999999999999\" as epoch seconds is not a day in the years 1…9999",
                "3|date|\"253402300800\" as epoch seconds is not a day in the years 1…9999",
                "5|date|\"1e10\" is not a date in the format epoch seconds",
            ]),
        // ISO years run 0001–9999: year 0 does not exist, five digits are not the format.
        ingest(
            "ISO year 0000 and 10000",
            text(engagementHeader + "5001,0000-01-01,a\n5001,10000-01-01,b\n5001,0001-01-01,c\n"),
            exit: 1, stdout: counts(read: 3, accepted: 1, rejected: 2),
            rejected: [
                "2|date|\"0000-01-01\" is an impossible date",
                "3|date|\"10000-01-01\" is not a date in the format yyyy-MM-dd",
            ]),
        ingest(
            "decimal comma in a comma-separated file", kind: "survey",
            text("municipality,year,q1,weight\n5001,2019,3,\"1,5\"\n"),
            options: ["--items", "q1", "--decimal", ","], exit: 2,
            stderr: [
                "in.csv:1: the header is separated by ',' but a decimal comma is declared; use ';' or tab as the delimiter"
            ],
            rejected: nil),
        ingest(
            "survey item not in the header", kind: "survey", text("municipality,year,q1,weight\n5001,2019,3,1\n"),
            options: ["--items", "q1,q9"], exit: 2,
            stderr: [
                "in.csv:1: required column 'q9' is neither in the file nor fixed; the header is: 'municipality', 'year', 'q1', 'weight'"
            ],
            rejected: nil),
        // An empty required cell rejects the row (METHODS §1 missing values).
        ingest(
            "empty required cell", text(engagementHeader + "5001,2024-01-02,\n"), exit: 1,
            rejected: ["2|participant_id|required value is empty"]),
        // METHODS §1: a required column neither in the file nor fixed fails the source.
        ingest(
            "missing required column", text("municipality,date\n5001,2024-01-02\n"), exit: 2,
            stderr: [
                "in.csv:1: required column 'participant_id' is neither in the file nor fixed; "
                    + "the header is: 'municipality', 'date'"
            ], rejected: nil),
        ingest(
            "column mapped to a header that does not exist", text(engagementHeader + "5001,2024-01-02,p1\n"),
            options: ["--column", "participant_id=deltaker"], exit: 2,
            stderr: [
                "in.csv:1: required column 'deltaker' (for 'participant_id') is neither in the file nor fixed; "
                    + "the header is: 'municipality', 'date', 'participant_id'"
            ], rejected: nil),
        // max_rejected (METHODS §7): the source fails when the share is GREATER than the limit.
        // 1 of 4 rows bad = 0.25.
        ingest(
            "max_rejected above the share",
            text(engagementHeader + "5001,2024-01-02,p1\n5001,x,p2\n5001,2024-01-03,p3\n5001,2024-01-04,p4\n"),
            options: ["--max-rejected", "0.5"], exit: 0, stdout: counts(read: 4, accepted: 3, rejected: 1),
            rejected: ["3|date|\"x\" is not a date in the format yyyy-MM-dd"]),
        ingest(
            "max_rejected equal to the share",
            text(engagementHeader + "5001,2024-01-02,p1\n5001,x,p2\n5001,2024-01-03,p3\n5001,2024-01-04,p4\n"),
            options: ["--max-rejected", "0.25"], exit: 0, stdout: counts(read: 4, accepted: 3, rejected: 1),
            rejected: ["3|date|\"x\" is not a date in the format yyyy-MM-dd"]),
        // 2 of 4 = 50 % > 25 %: exit 1 after listing both rows.
        ingest(
            "max_rejected below the share",
            text(engagementHeader + "5001,2024-01-02,p1\n5001,x,p2\n5001,2024-01-03\n5001,2024-01-04,p4\n"),
            options: ["--max-rejected", "0.25"], exit: 1,
            stderr: [
                "in.csv:3: field 'date': \"x\" is not a date in the format yyyy-MM-dd",
                "in.csv:4: has 2 fields, the header has 3", overLimit("50.00", "25.00"),
            ],
            stdout: counts(read: 4, accepted: 2, rejected: 2),
            rejected: ["3|date|\"x\" is not a date in the format yyyy-MM-dd", "4||has 2 fields, the header has 3"]),
        ingest(
            "max_rejected outside 0…1", text(engagementHeader), options: ["--max-rejected", "1.5"], exit: 2,
            stderr: ["--max-rejected is a share between 0 and 1"], rejected: nil),
        Case(
            name: "file that does not exist", files: { [:] },
            args: ["ingest", "--kind", "engagement", "missing.csv", "--rejected", "rejected.csv"], exit: 2,
            stderr: ["missing.csv: cannot read file information: No such file or directory"],
            rejected: .absent("rejected.csv")),
    ]
}

// MARK: - Survey cells (METHODS §2, §7)

/// `apen ingest --kind survey` with items q1, q2 on a 1–5 scale, missing code 9.
private func survey(
    _ name: String, _ rows: String, exit: Int32, stderr: [String] = [], stdout: [String] = [], rejected: [String]
) -> BadInputMatrixTests.Case {
    ingest(
        name, kind: "survey", text(surveyHeader + rows), options: ["--items", "q1,q2"], exit: exit, stderr: stderr,
        stdout: stdout, rejected: rejected)
}

extension BadInputMatrixTests {
    static let surveyCases: [Case] = [
        survey(
            "year 0", "5001,2019,3,4,1\n5001,0,3,4,1\n", exit: 1,
            stderr: ["in.csv:3: field 'year': \"0\" is not a whole year in 1…9999"],
            rejected: ["3|year|\"0\" is not a whole year in 1…9999"]),
        survey(
            "year 2019.5", "5001,2019.5,3,4,1\n", exit: 1, rejected: ["2|year|\"2019.5\" is not a whole year in 1…9999"]
        ),
        survey(
            "year 10000", "5001,10000,3,4,1\n", exit: 1, rejected: ["2|year|\"10000\" is not a whole year in 1…9999"]),
        survey(
            "negative weight", "5001,2019,3,4,-1\n", exit: 1, rejected: ["2|weight|\"-1\" is not a positive weight"]),
        survey("zero weight", "5001,2019,3,4,0\n", exit: 1, rejected: ["2|weight|\"0\" is not a positive weight"]),
        survey(
            "minus zero weight", "5001,2019,3,4,-0\n", exit: 1, rejected: ["2|weight|\"-0\" is not a positive weight"]),
        survey("hexadecimal weight", "5001,2019,3,4,0x10\n", exit: 1, rejected: ["2|weight|\"0x10\" is not a number"]),
        // Spaces around a number are not part of it; +1, .5 and 3e0 are numbers.
        survey(
            "number spellings", "5001,2019, 4 ,4,+1\n5001,2019,4,4,.5\n5001,2019,3e0,4,1\n", exit: 0,
            stdout: counts(read: 3, accepted: 3, rejected: 0), rejected: []),
        survey("NaN weight", "5001,2019,3,4,NaN\n", exit: 1, rejected: ["2|weight|\"NaN\" is not a number"]),
        survey("inf weight", "5001,2019,3,4,inf\n", exit: 1, rejected: ["2|weight|\"inf\" is not a number"]),
        // 1e400 parses but overflows to infinity: METHODS §7 non-finite weight.
        survey(
            "overflowing weight", "5001,2019,3,4,1e400\n", exit: 1,
            rejected: ["2|weight|\"1e400\" is not a finite number"]),
        survey(
            "empty weight", "5001,2019,3,4,\n", exit: 1,
            rejected: ["2|weight|weight is empty (with a weight column every row needs one)"]),
        survey(
            "Likert 6 on 1–5", "5001,2019,3,4,1\n5001,2019,6,4,1\n", exit: 1,
            stderr: ["in.csv:3: field 'q1': \"6\" is outside the Likert range [1, 5] and not a missing code"],
            rejected: ["3|q1|\"6\" is outside the Likert range [1, 5] and not a missing code"]),
        survey(
            "Likert 0 on 1–5", "5001,2019,3,0,1\n", exit: 1,
            rejected: ["2|q2|\"0\" is outside the Likert range [1, 5] and not a missing code"]),
        // 9 is the default missing code and an empty item is missing: both rows are accepted.
        survey(
            "missing code and empty item", "5001,2019,9,4,1\n5001,2019,,4,1\n", exit: 0,
            stdout: counts(read: 2, accepted: 2, rejected: 0), rejected: []),
        // Municipality codes are text: "0301" keeps its zero (checked by value in the run cases).
        survey(
            "municipality with leading zero", "0301,2019,3,4,1\n301,2019,3,4,1\n", exit: 0,
            stdout: counts(read: 2, accepted: 2, rejected: 0), rejected: []),
    ]
}

// MARK: - Records with sets and date order (METHODS §4, §5, §7)

extension BadInputMatrixTests {
    static let recordCases: [Case] = [
        ingest(
            "answered before received", kind: "access_requests",
            text(accessHeader + "r1,5001,2024-03-04,2024-03-05,granted\nr2,5001,2024-03-04,2024-03-01,granted\n"),
            exit: 1,
            stderr: ["in.csv:3: field 'answered': answered 2024-03-01 is before received 2024-03-04"],
            rejected: ["3|answered|answered 2024-03-01 is before received 2024-03-04"]),
        // The allowed values are listed in byte order.
        ingest(
            "outcome outside its set", kind: "access_requests",
            text(accessHeader + "r1,5001,2024-03-04,2024-03-05,maybe\n"),
            exit: 1, rejected: ["2|outcome|\"maybe\" is not one of denied, granted, partial"]),
        ingest(
            "outcome in another case", kind: "access_requests",
            text(accessHeader + "r1,5001,2024-03-04,2024-03-05,Granted\n"),
            exit: 1, rejected: ["2|outcome|\"Granted\" is not one of denied, granted, partial"]),
        ingest(
            "published before registered", kind: "publications",
            text("municipality,registered,access,published\n5001,2024-03-04,open,2024-03-03\n"), exit: 1,
            rejected: ["2|published|published 2024-03-03 is before registered 2024-03-04"]),
        ingest(
            "access outside its set", kind: "publications",
            text("municipality,registered,access\n5001,2024-03-04,secret\n5001,2024-03-04,open\n"), exit: 1,
            rejected: ["2|access|\"secret\" is not one of exempt, open, partial"]),
        ingest(
            "negative population", kind: "population", text("municipality,year,population\n5001,2024,-5\n"), exit: 1,
            rejected: ["2|population|\"-5\" is not a positive number"]),
    ]
}

// MARK: - Runs: no indicator from a bad row

/// A pipeline `p` with one engagement source `e.csv` (and `extra` source settings).
private func engagementPipeline(_ extra: String = "") -> String {
    """
    pipeline: p
    language: en
    sources:
      e:
        kind: engagement
        path: e.csv\(extra)
    indicators: [engagement.participants, engagement.actions_per_participant]

    """
}

extension BadInputMatrixTests {
    static let runCases: [Case] = [
        // "0301" (Oslo) and "301" are different municipalities (METHODS §1): 2 and 1 participants.
        Case(
            name: "0301 and 301 stay apart",
            files: {
                [
                    "p.yaml": text(engagementPipeline()),
                    "e.csv": text(engagementHeader + "0301,2024-01-02,a\n0301,2024-01-03,b\n301,2024-01-02,a\n"),
                ]
            },
            args: ["run", "p.yaml", "--quiet"], exit: 0, rejected: .rows("reports/p/rejected-rows.csv", []),
            values: ["engagement.participants|0301|2024": "2.0 2", "engagement.participants|301|2024": "1.0 1"]),
        // A fixed municipality keeps its leading zero too (docs/pipeline.md "Text values").
        Case(
            name: "fixed municipality 0301",
            files: {
                [
                    "p.yaml": text(engagementPipeline("\n    fixed: {municipality: 0301}")),
                    "e.csv": text("date,participant_id\n2024-01-02,a\n2024-01-03,b\n"),
                ]
            },
            args: ["run", "p.yaml", "--quiet"], exit: 0,
            values: ["engagement.participants|0301|2024": "2.0 2", "engagement.participants|301|2024": nil]),
        // A NUL inside a participant id is kept as text: "a\0x" and "a\0y" are two people, not "a".
        Case(
            name: "NUL bytes in participant ids",
            files: {
                [
                    "p.yaml": text(engagementPipeline()),
                    "e.csv": text(engagementHeader + "5001,2024-01-02,a\u{0}x\n5001,2024-01-03,a\u{0}y\n"),
                ]
            },
            args: ["run", "p.yaml", "--quiet"], exit: 0, values: ["engagement.participants|5001|2024": "2.0 2"]),
        // max_rejected 0.5 with 2 bad of 5 rows: the run succeeds and the bad rows count nowhere.
        // 5001: rows a, a, b are good → participants 2, actions 3/2 = 1.5. The bad rows were a new
        // participant c (impossible date) and 5006's only row (ragged): 5006 has no row at all.
        Case(
            name: "max_rejected above the share: values from good rows only",
            files: {
                [
                    "p.yaml": text(engagementPipeline("\n    max_rejected: 0.5")),
                    "e.csv": text(
                        engagementHeader
                            + "5001,2024-01-02,a\n5001,2024-01-03,a\n5001,2024-02-31,c\n5001,2024-01-04,b\n5006,2024-01-02\n"
                    ),
                ]
            },
            args: ["run", "p.yaml", "--quiet"], exit: 0,
            rejected: .rows(
                "reports/p/rejected-rows.csv",
                ["4|date|\"2024-02-31\" is an impossible date", "6||has 2 fields, the header has 3"]),
            values: [
                "engagement.participants|5001|2024": "2.0 2", "engagement.actions_per_participant|5001|2024": "1.5 2",
                "engagement.participants|5006|2024": nil,
            ]),
        // The same file with max_rejected 0.2: 2/5 = 0.4 > 0.2 fails the run (exit 1), lists both rows,
        // and writes no indicators.
        Case(
            name: "max_rejected below the share: run fails, no indicators",
            files: {
                [
                    "p.yaml": text(engagementPipeline("\n    max_rejected: 0.2")),
                    "e.csv": text(
                        engagementHeader
                            + "5001,2024-01-02,a\n5001,2024-01-03,a\n5001,2024-02-31,c\n5001,2024-01-04,b\n5006,2024-01-02\n"
                    ),
                ]
            },
            args: ["run", "p.yaml", "--quiet"], exit: 1,
            stderr: [
                "rows read in this run: 5, rejected: 2 (listed in reports/p/rejected-rows.csv)",
                "error: ingest.e: e.csv: 2 of 5 rows rejected (40.00 %), more than max_rejected 20.00 %; "
                    + "every bad row is listed in reports/p/rejected-rows.csv",
            ],
            rejected: .rows(
                "reports/p/rejected-rows.csv",
                ["4|date|\"2024-02-31\" is an impossible date", "6||has 2 fields, the header has 3"]),
            noIndicatorsFile: true),
        // Two population values for one group (METHODS §3 needs one): the population is unknown,
        // so participants_per_1000 has no row for 5001/2024 and the run warns, naming the group —
        // neither value, nor their sum, is used. participants itself is unaffected (2).
        Case(
            name: "conflicting population rows",
            files: {
                [
                    "p.yaml": text(
                        """
                        pipeline: p
                        language: en
                        sources:
                          e: {kind: engagement, path: e.csv}
                          pop: {kind: population, path: pop.csv}
                        indicators: [engagement.participants, engagement.participants_per_1000]

                        """),
                    "e.csv": text(engagementHeader + "5001,2024-01-02,a\n5001,2024-01-03,b\n5006,2024-01-03,c\n"),
                    "pop.csv": text("municipality,year,population\n5001,2024,1000\n5001,2024,4000\n5006,2024,500\n"),
                ]
            },
            args: ["run", "p.yaml"], exit: 0,
            stderr: [
                "warning: pop: conflicting population values, treated as unknown, for 5001/2024",
                "warning: e: engagement.participants_per_1000: no value (population not positive or conflicting) for 5001/2024",
            ],
            values: [
                "engagement.participants_per_1000|5001|2024": nil, "engagement.participants|5001|2024": "2.0 2",
                // 5006: 1 participant / 500 × 1000 = 2.
                "engagement.participants_per_1000|5006|2024": "2.0 1",
            ]),
        // Publications (METHODS §4), max_rejected 0.25 with 1 bad row of 4 (share = limit: passes).
        // Good rows: lag 3 (open), lag 1 (exempt), unpublished (open). The bad row (published before
        // registered, lag −3) counts nowhere: open_share = 1 open-and-published / 3 records, exempt 1/3,
        // lag median over the 2 published = type-7 median of [1, 3] = 2.
        Case(
            name: "published before registered excluded from publication indicators",
            files: {
                [
                    "p.yaml": text(
                        """
                        pipeline: p
                        language: en
                        sources:
                          j:
                            kind: publications
                            path: j.csv
                            max_rejected: 0.25
                        indicators: [publication.open_share, publication.exempt_share, publication.lag_median_days]

                        """),
                    "j.csv": text(
                        "municipality,registered,published,access\n5001,2024-03-01,2024-03-04,open\n"
                            + "5001,2024-03-05,2024-03-02,open\n5001,2024-03-10,2024-03-11,exempt\n5001,2024-03-12,,open\n"
                    ),
                ]
            },
            args: ["run", "p.yaml", "--quiet"], exit: 0,
            rejected: .rows(
                "reports/p/rejected-rows.csv", ["3|published|published 2024-03-02 is before registered 2024-03-05"]),
            values: [
                "publication.open_share|5001|2024": "0.3333333333333333 3",
                "publication.exempt_share|5001|2024": "0.3333333333333333 3",
                "publication.lag_median_days|5001|2024": "2.0 2",
            ]),
        // The output folder is a file: the report stage fails (exit 1) naming it, and the file is left alone.
        Case(
            name: "output folder is a file",
            files: {
                [
                    "p.yaml": text(engagementPipeline()), "e.csv": text(engagementHeader + "5001,2024-01-02,a\n"),
                    "reports/p": text("not a folder\n"),
                ]
            },
            args: ["run", "p.yaml", "--quiet"], exit: 1,
            stderr: ["error: report: reports/p: is a file, not a folder: the outputs cannot be written into it"]),
        // A survey row with a Likert 6 never reaches the index: 5001 keeps n = 2 respondents
        // (scores (3+4)/2 = 3.5 and (5+5)/2 = 5 → y = 62.5, 100 → mean 81.25, METHODS §2 y = 100·(s−lo)/(hi−lo)).
        Case(
            name: "Likert 6 row excluded from the survey index",
            files: {
                [
                    "p.yaml": text(
                        """
                        pipeline: p
                        language: en
                        sources:
                          s:
                            kind: survey
                            path: s.csv
                            max_rejected: 0.5
                            scales:
                              t: {items: [q1, q2]}
                        indicators: [survey.t.index, survey.responses]

                        """),
                    "s.csv": text(surveyHeader + "5001,2019,3,4,1\n5001,2019,6,1,1\n5001,2019,5,5,1\n"),
                ]
            },
            args: ["run", "p.yaml", "--quiet"], exit: 0,
            rejected: .rows(
                "reports/p/rejected-rows.csv", ["3|q1|\"6\" is outside the Likert range [1, 5] and not a missing code"]),
            values: ["survey.t.index|5001|2019": "81.25 2", "survey.responses|5001|2019": "2.0 2"]),
        // FOI: the answer before its request is rejected; 5001 has r1 (1 working day, granted) and r3
        // (unanswered) → granted share 1/1 over answered, within-3 share 1/2 over all requests.
        Case(
            name: "answer before request excluded from FOI shares",
            files: {
                [
                    "p.yaml": text(
                        """
                        pipeline: p
                        language: en
                        sources:
                          a:
                            kind: access_requests
                            path: a.csv
                            max_rejected: 0.5
                        indicators: [foi.granted_share, foi.within_3_workdays_share]

                        """),
                    "a.csv": text(
                        accessHeader
                            + "r1,5001,2024-03-04,2024-03-05,granted\nr2,5001,2024-03-04,2024-03-01,denied\nr3,5001,2024-03-06,,\n"
                    ),
                ]
            },
            args: ["run", "p.yaml", "--quiet"], exit: 0,
            rejected: .rows(
                "reports/p/rejected-rows.csv", ["3|answered|answered 2024-03-01 is before received 2024-03-04"]),
            values: ["foi.granted_share|5001|2024": "1.0 1", "foi.within_3_workdays_share|5001|2024": "0.5 2"]),
    ]
}

// MARK: - Pipeline files (docs/pipeline.md): exit 2, every problem with file:line:column

/// `apen validate p.yaml` with `p.yaml` = `yaml` and an engagement file `e.csv`.
private func validate(_ name: String, _ yaml: String, exit: Int32 = 2, stderr: [String]) -> BadInputMatrixTests.Case {
    BadInputMatrixTests.Case(
        name: name, files: { ["p.yaml": text(yaml), "e.csv": text(engagementHeader + "5001,2024-01-02,a\n")] },
        args: ["validate", "p.yaml"], exit: exit, stderr: stderr)
}

extension BadInputMatrixTests {
    static let pipelineCases: [Case] = [
        // suppress_below is a count ≥ 1; "  suppress_below: " is 18 characters, so the value is at column 19.
        validate(
            "suppress_below below 1",
            "pipeline: p\nsources:\n  e: {kind: engagement, path: e.csv}\nindicators: []\nreport:\n  suppress_below: 0\n",
            stderr: [
                "p.yaml:6:19: report.suppress_below: 0 is not a count; give a whole number ≥ 1 (values with a smaller n are shown as «:»)"
            ]),
        validate(
            "suppress_below not an integer",
            "pipeline: p\nsources:\n  e: {kind: engagement, path: e.csv}\nindicators: []\nreport:\n  suppress_below: 2.5\n",
            stderr: ["p.yaml:6:19: report.suppress_below: expected a whole number, found '2.5'"]),
        // The report languages are nb, nn and en; "language: " is 10 characters, so the value is at column 11.
        validate(
            "unknown language",
            "pipeline: p\nlanguage: se\nsources:\n  e: {kind: engagement, path: e.csv}\nindicators: []\n",
            stderr: ["p.yaml:2:11: language: unknown value 'se' (expected one of 'nb', 'nn', 'en')"]),
        validate(
            "unknown key, did you mean",
            "pipeline: p\nlangauge: en\nsources:\n  e: {kind: engagement, path: e.csv}\nindicators: []\n",
            stderr: ["p.yaml:2:1: unknown key 'langauge'; did you mean 'language'?"]),
        validate(
            "unknown source key, did you mean",
            "pipeline: p\nsources:\n  e:\n    kind: engagement\n    path: e.csv\n    delimeter: \";\"\nindicators: []\n",
            stderr: ["p.yaml:6:5: sources.e: unknown key 'delimeter'; did you mean 'delimiter'?"]),
        // The header check of validate spells out invisible characters too (see the ingest case).
        BadInputMatrixTests.Case(
            name: "BOM in the middle of the header (validate)",
            files: {
                [
                    "p.yaml": text("pipeline: p\nsources:\n  e: {kind: engagement, path: e.csv}\nindicators: []\n"),
                    "e.csv": text("municipality,\u{FEFF}date,participant_id\n5001,2024-01-02,p1\n"),
                ]
            },
            args: ["validate", "p.yaml"], exit: 2,
            stderr: [
                "p.yaml:3:3: sources.e: required column 'date' is not in the header of 'e.csv', not mapped under columns "
                    + "and not fixed (header: municipality, \\u{FEFF}date, participant_id)"
            ]),
        validate(
            "wrong YAML type: number",
            "pipeline: p\nsources:\n  e:\n    kind: engagement\n    path: e.csv\n    max_rejected: abc\nindicators: []\n",
            stderr: ["p.yaml:6:19: sources.e.max_rejected: expected a number, found 'abc'"]),
        validate(
            "wrong YAML type: nan",
            "pipeline: p\nsources:\n  e:\n    kind: engagement\n    path: e.csv\n    max_rejected: .nan\nindicators: []\n",
            stderr: ["p.yaml:6:19: sources.e.max_rejected: expected a number, found '.nan'"]),
        validate(
            "wrong YAML type: list for mapping",
            "pipeline: p\nsources: [e.csv]\nindicators: []\n",
            stderr: ["p.yaml:2:10: sources: expected a mapping (key: value), found a list"]),
        validate(
            "max_rejected above 1",
            "pipeline: p\nsources:\n  e:\n    kind: engagement\n    path: e.csv\n    max_rejected: 2\nindicators: []\n",
            stderr: ["p.yaml:6:19: sources.e.max_rejected: expected a number from 0 to 1, found '2'"]),
        validate(
            "missing required column",
            "pipeline: p\nsources:\n  e:\n    kind: engagement\n    path: e.csv\n    columns: {participant_id: deltaker}\nindicators: []\n",
            stderr: [
                "p.yaml:6:31: sources.e: column 'deltaker' (for participant_id) is not in the header of 'e.csv' "
                    + "(header: municipality, date, participant_id)"
            ]),
        // The "billion laughs": refused at the first alias, before Yams builds the tree.
        BadInputMatrixTests.Case(
            name: "YAML anchor bomb", files: { [:] }, args: ["validate", "billion-laughs.yaml"], exit: 2,
            stderr: [
                "billion-laughs.yaml:3:8: YAML alias '*a' is not allowed in a pipeline file; write the value out in full",
                "billion-laughs.yaml:10:40: YAML alias '*h' is not allowed in a pipeline file; write the value out in full",
                "billion-laughs.yaml: 72 errors",  // 8 lines of 9 aliases, every one reported
            ]),
        // The pipeline file named as its own source: its first line is not a CSV header.
        validate(
            "pipeline that is its own source",
            "pipeline: p\nsources:\n  e: {kind: engagement, path: p.yaml}\nindicators: []\n",
            stderr: ["municipality", "date", "participant_id"].map {
                "p.yaml:3:3: sources.e: required column '\($0)' is not in the header of 'p.yaml', not mapped under columns "
                    + "and not fixed (header: pipeline: p)"
            }),
        // Paths are joined lexically to the pipeline's folder (docs/pipeline.md): `../../` may leave
        // the project — data often lives beside it — and messages name the resolved path.
        Case(
            name: "path that escapes the project",
            files: {
                [
                    "proj/pipelines/p.yaml": text(
                        "pipeline: p\nsources:\n  e: {kind: engagement, path: ../../data/e.csv}\nindicators: []\n"),
                    "data/e.csv": text(engagementHeader + "5001,2024-01-02,a\n"),
                ]
            },
            args: ["validate", "pipelines/p.yaml"], directory: "proj", exit: 0,
            stdout: ["pipelines/p.yaml: ok (1 source, 0 indicators)"]),
        Case(
            name: "path that escapes the project to a missing file",
            files: {
                [
                    "proj/pipelines/p.yaml": text(
                        "pipeline: p\nsources:\n  e: {kind: engagement, path: ../../data/x.csv}\nindicators: []\n")
                ]
            },
            args: ["validate", "pipelines/p.yaml"], directory: "proj", exit: 2,
            stderr: [
                "pipelines/p.yaml:3:31: sources.e.path: no file at '../../data/x.csv' (resolved to '../data/x.csv')"
            ]),
        // Fixed values are checked like cells; every problem of the file is reported at once.
        BadInputMatrixTests.Case(
            name: "survey settings: fixed year 0, missing code in range, unknown item",
            files: {
                [
                    "p.yaml": text(
                        "pipeline: p\nsources:\n  s:\n    kind: survey\n    path: s.csv\n    fixed: {year: 0}\n    missing: [3]\n"
                            + "    scales:\n      t: {items: [q1, q9]}\nindicators: []\n"),
                    "s.csv": text("municipality,q1\n5001,3\n"),
                ]
            },
            args: ["validate", "p.yaml"], exit: 2,
            stderr: [
                "p.yaml:6:19: sources.s.fixed.year: expected a whole year from 1 to 9999, found '0'",
                "p.yaml:7:15: sources.s.missing[0]: the missing code 3 is inside the Likert range [1, 5]",
                "p.yaml:9:23: sources.s.scales.t: item 'q9' is not a column of 's.csv'; did you mean 'q1'? (header: municipality, q1)",
                "p.yaml: 3 errors",
            ]),
        // Duplicate keys are a YAML error; the first duplicate is reported, at its first occurrence.
        validate(
            "duplicate key",
            "pipeline: p\nsources:\n  e: {kind: engagement, path: e.csv, path: x.csv}\nindicators: []\n",
            stderr: [
                "p.yaml:3:25: duplicate key 'path' in the same mapping (each source, key and id must be given once)"
            ]),
        // Several files: each is reported; one bad file makes the exit status 2.
        BadInputMatrixTests.Case(
            name: "validate a good and a bad file",
            files: {
                [
                    "good.yaml": text(
                        "pipeline: g\nsources:\n  e: {kind: engagement, path: e.csv}\nindicators: [engagement.gini]\n"),
                    "bad.yaml": text(
                        "pipeline: b\nsources:\n  e: {kind: engagement, path: e.csv}\nindicators: [engagement.ginni]\n"),
                    "e.csv": text(engagementHeader + "5001,2024-01-02,a\n"),
                ]
            },
            args: ["validate", "good.yaml", "bad.yaml"], exit: 2,
            stderr: [
                "bad.yaml:4:14: indicators[0]: unknown indicator 'engagement.ginni'; did you mean 'engagement.gini'?",
                "bad.yaml: 1 error",
            ],
            stdout: ["good.yaml: ok (1 source, 1 indicator)"]),
        validate(
            "empty pipeline file", "",
            stderr: ["p.yaml:1:1: the pipeline file is empty; it needs at least 'pipeline', 'sources' and 'indicators'"]
        ),
        // 100 000 nested lists: libyaml stops at its nesting limit (1000) instead of overflowing the stack;
        // the position is libyaml's.
        validate(
            "deeply nested flow list", "pipeline: p\nx: " + String(repeating: "[", count: 100_000) + "\n",
            stderr: [
                "p.yaml:2:5: YAML syntax error: Maximum nesting level reached, set with yaml_set_max_nest_level()) "
                    + "(while parsing at line 2, column 5)"
            ]),
        BadInputMatrixTests.Case(
            name: "pipeline not UTF-8",
            files: {
                [
                    "p.yaml": Data(
                        Array("pipeline: p\ntitle: Bod".utf8) + [0xF8] + Array("\nsources: {}\nindicators: []\n".utf8))
                ]
            },
            args: ["validate", "p.yaml"], exit: 2, stderr: ["p.yaml: the pipeline file is not valid UTF-8 text"]),
        validate(
            "source path is a folder", "pipeline: p\nsources:\n  e: {kind: engagement, path: .}\nindicators: []\n",
            stderr: ["p.yaml:3:31: sources.e.path: '.' is a folder, not a file (resolved to '.')"]),
        validate(
            "tab indentation", "pipeline: p\nsources:\n\te: {kind: engagement, path: e.csv}\nindicators: []\n",
            stderr: [
                "p.yaml:3:1: YAML syntax error: found character that cannot start any token "
                    + "(while scanning for the next token at line 3, column 1)"
            ]),
        validate(
            "unknown indicator, did you mean",
            "pipeline: p\nsources:\n  e: {kind: engagement, path: e.csv}\nindicators: [engagement.participant]\n",
            stderr: [
                "p.yaml:4:14: indicators[0]: unknown indicator 'engagement.participant'; did you mean 'engagement.participants'?"
            ]),
        // `run` refuses an invalid pipeline with 2 too, before touching the store.
        BadInputMatrixTests.Case(
            name: "run of an invalid pipeline",
            files: { ["p.yaml": text("pipeline: p\nsources:\n  e: {kind: engagment, path: e.csv}\nindicators: []\n")] },
            args: ["run", "p.yaml"], exit: 2,
            stderr: [
                "p.yaml:3:13: sources.e.kind: unknown value 'engagment'; did you mean 'engagement'? "
                    + "(expected one of 'survey', 'engagement', 'publications', 'access_requests', 'population', 'table')"
            ],
            rejected: .absent(".apen/store.sqlite")),  // (the store is not even created)
    ]
}

// MARK: - Helpers

/// The `pipeline:` name of a pipeline file's text.
private func pipelineName(_ yaml: String) -> String {
    for line in yaml.split(separator: "\n") where line.hasPrefix("pipeline:") {
        return line.dropFirst("pipeline:".count).trimmingCharacters(in: .whitespaces)
    }
    return ""
}

/// RFC 4180 rows (quoted fields may hold commas, quotes and line breaks).
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" {
                    chars.removeFirst()
                    field.unicodeScalars.append("\"")
                } else {
                    quoted = false
                }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(field)
            field = ""
        } else if c == "\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty {
        row.append(field)
        rows.append(row)
    }
    return rows
}
