import ApenCore
import Foundation
import Testing

@testable import Ingest

/// End-to-end reads of the fixture files through `Ingestor` (dialects, encodings, rules).
@Suite struct IngestorTests {
    // Days since 1970-01-01, from Python: (date(2019,3,4) - date(1970,1,1)).days = 17959.
    static let mar4 = Int32(17959), mar5 = Int32(17960), mar6 = Int32(17961)

    /// The same three engagement rows in every dialect give the same table.
    @Test(arguments: [
        ("engagement_basic.csv", UInt8(ascii: ",")),
        ("engagement_bom_crlf.csv", UInt8(ascii: ",")),
        ("engagement_semicolon.csv", UInt8(ascii: ";")),
        ("engagement_tab.tsv", UInt8(ascii: "\t")),
    ])
    func dialects(file: String, delimiter: UInt8) throws {
        let (table, summary) = try Ingestor.readTable(Fixture.options(file, .engagement))
        #expect(summary.delimiter == delimiter)
        #expect(summary.rowsRead == 3)
        #expect(summary.accepted == 3)
        #expect(summary.rejected.isEmpty)
        #expect(table.rowCount == 3)
        #expect(table.strings("event_id") == ["e1", "e2", "e3"])  // BOM stripped from the first name
        #expect(table.strings("municipality") == ["5001", "0301", "5001"])  // leading zero kept
        #expect(table.strings("channel") == ["web", "meeting, town hall", "web"])
        #expect(table.strings("participant_id") == ["p1", "p2", "p1"])
        #expect(table.text("participant_id")?.dictionary == ["p1", "p2"])
        // Time of day and zone after T or a space are ignored: the written day counts.
        #expect(table.days("date") == [Self.mar4, Self.mar5, Self.mar6])
        // Optional columns absent from the file are absent from the table.
        #expect(table.columns["action"] == nil)
        #expect(Set(table.columns.keys) == ["event_id", "municipality", "date", "channel", "participant_id"])
    }

    @Test func declaredDelimiterOverridesSniffing() throws {
        var options = Fixture.options("engagement_basic.csv", .engagement)
        options.delimiter = .byte(UInt8(ascii: ";"))
        // With ';' the header is one field: every required column is missing.
        #expect(throws: Diagnostic.self) { try Ingestor.readTable(options) }
    }

    @Test func quotedDelimitersQuotesAndNewlines() throws {
        let (table, summary) = try Ingestor.readTable(Fixture.options("engagement_quoted.csv", .engagement))
        #expect(summary.rejected.isEmpty)
        #expect(table.strings("channel") == ["say \"hi\"\r\nthere", "web"])
        #expect(table.strings("participant_id") == ["p1", "p,2"])
    }

    /// Three bad rows, among quoted newlines and a blank line, with their physical lines.
    @Test func exactlyThreeBadRows() throws {
        let (table, summary) = try Ingestor.readTable(Fixture.options("engagement_three_bad.csv", .engagement))
        // Lines: 1 header, 2 p1, 3–4 p2, 5 blank, 6 p3 (bad), 7 p4, 8 p5 (bad), 9–10 p6,
        // 11 empty id (bad), 12 p7. Eight data rows (the blank line is not a row).
        #expect(summary.rowsRead == 8)
        #expect(summary.accepted == 5)
        #expect(table.rowCount == 5)
        #expect(table.strings("participant_id") == ["p1", "p2", "p4", "p6", "p7"])
        let lines = summary.rejected.map(\.line)
        #expect(lines == [6, 8, 11])
        #expect(summary.rejected.map(\.field) == ["date", nil, "participant_id"])
        #expect(
            summary.rejected[0].diagnostic.description.hasSuffix(
                "engagement_three_bad.csv:6: field 'date': \"2019-02-30\" is an impossible date"))
        #expect(summary.rejected[1].reason == "has 3 fields, the header has 4")
        #expect(summary.rejected[1].record == "5001,2019-03-05,p5")
        #expect(summary.rejected[2].reason == "required value is empty")
        #expect(summary.rejectedShare == 0.375)  // 3 / 8
        #expect(!summary.withinLimit)
        #expect(summary.limitDiagnostic != nil)
    }

    @Test func maxRejectedLimit() throws {
        var options = Fixture.options("engagement_three_bad.csv", .engagement)
        options.maxRejected = 0.375  // 3 of 8 is exactly the limit: not greater, so within
        let (_, summary) = try Ingestor.readTable(options)
        #expect(summary.withinLimit)
        #expect(summary.limitDiagnostic == nil)
    }

    @Test func decimalCommaSurvey() throws {
        var options = Fixture.options("survey_decimal_comma.csv", .survey)
        options.decimalComma = true
        options.columns = ["municipality": "kommune"]
        options.survey = SurveySettings(scales: [ScaleSpec(name: "trust", items: ["q1", "q2"])])
        let (table, summary) = try Ingestor.readTable(options)
        #expect(summary.delimiter == UInt8(ascii: ";"))
        #expect(summary.rejected.isEmpty)
        #expect(table.numbers("weight") == [2.5, 0.75, 1])
        #expect(table.numbers("q1")?[0] == 4)
        #expect(table.numbers("q1")?[1].isNaN == true)  // 9 is the default missing code
        #expect(table.numbers("q1")?[2] == 1.5)
        #expect(table.numbers("q2")?[1].isNaN == true)  // empty item = missing
        #expect(table.numbers("year") == [2019, 2019, 2019])
        #expect(table.strings("municipality") == ["5001", "5001", "5001"])
        #expect(table.strings("respondent_id") == ["r1", "r2", "r3"])
    }

    @Test func decimalCommaWithCommaDelimiterIsAnOptionError() throws {
        var options = Fixture.options("engagement_basic.csv", .engagement)
        options.decimalComma = true
        options.delimiter = .byte(UInt8(ascii: ","))
        let error = try #require(throws: Diagnostic.self) { try Ingestor.readTable(options) }
        #expect(error.message.contains("decimal comma"))
        options.delimiter = .sniff
        let sniffed = try #require(throws: Diagnostic.self) { try Ingestor.readTable(options) }
        #expect(sniffed.message.contains("separated by ','"))
    }

    @Test func windows1252() throws {
        var options = Fixture.options("population_cp1252.csv", .population)
        options.encoding = .windows1252
        let (table, summary) = try Ingestor.readTable(options)
        #expect(summary.rejected.isEmpty)
        #expect(table.strings("municipality") == ["Bærum", "Tromsø", "ÆØÅ€", "Våler"])
        #expect(table.numbers("population") == [127731, 76974, 1, 3])
    }

    @Test func iso88591ReadsTheSameLettersButNotTheEuro() throws {
        var options = Fixture.options("population_cp1252.csv", .population)
        options.encoding = .iso88591
        let (table, _) = try Ingestor.readTable(options)
        // 0x80 is the C1 control U+0080 in ISO-8859-1, not €.
        #expect(table.strings("municipality") == ["Bærum", "Tromsø", "ÆØÅ\u{80}", "Våler"])
    }

    @Test func invalidUTF8RejectsTheRowNamingTheField() throws {
        let (table, summary) = try Ingestor.readTable(Fixture.options("population_bad_utf8.csv", .population))
        #expect(table.strings("municipality") == ["Bærum"])
        #expect(summary.rejected.count == 1)
        #expect(summary.rejected[0].line == 3)
        #expect(summary.rejected[0].field == "municipality")
        #expect(summary.rejected[0].reason == "\"B\u{FFFD}rum\" has bytes that are not valid utf-8")
    }

    /// Each date format reads 2019-01-31 (17927) and 2020-02-29 (18321); see make_fixtures.py.
    @Test(arguments: [
        ("dates_iso.csv", IngestOptions.DateFormat.iso),
        ("dates_dotted.csv", .pattern("dd.MM.yyyy")),
        ("dates_slash.csv", .pattern("d/M/yyyy")),
        ("dates_epoch_s.csv", .epochSeconds),
        ("dates_epoch_ms.csv", .epochMilliseconds),
    ])
    func dateFormats(file: String, format: IngestOptions.DateFormat) throws {
        var options = Fixture.options(file, .accessRequests)
        options.dateFormat = format
        let (table, summary) = try Ingestor.readTable(options)
        #expect(summary.rejected.isEmpty)
        #expect(table.days("received") == [17927, 18321])
    }

    @Test func impossibleDatesRejectRows() throws {
        var options = Fixture.options("dates_impossible.csv", .accessRequests)
        options.dateFormat = .pattern("dd.MM.yyyy")
        let (table, summary) = try Ingestor.readTable(options)
        #expect(table.rowCount == 0)
        #expect(
            summary.rejected.map(\.reason) == [
                "\"31.02.2019\" is an impossible date",
                "\"01.01.0000\" is an impossible date",
                "\"1.1.2019\" is not a date in the format dd.MM.yyyy",
            ])
        #expect(summary.rejected.map(\.line) == [2, 3, 4])
    }

    /// Milliseconds declared as seconds give days past 9999: the message names the unit.
    @Test func epochInTheWrongUnit() throws {
        var options = Fixture.options("dates_epoch_ms.csv", .accessRequests)
        options.dateFormat = .epochSeconds
        let (_, summary) = try Ingestor.readTable(options)
        #expect(
            summary.rejected.map(\.reason) == [
                "\"1548932400000\" as epoch seconds is not a day in the years 1…9999",
                "\"1582934400000\" as epoch seconds is not a day in the years 1…9999",
            ])
    }

    @Test func fixedValuesAreMaterialised() throws {
        var options = Fixture.options("survey_no_group.csv", .survey)
        options.fixed = ["municipality": "5001", "year": "2019"]
        options.columns = ["respondent_id": "id"]
        options.survey = SurveySettings(scales: [ScaleSpec(name: "trust", items: ["q1", "q2"])])
        let (table, summary) = try Ingestor.readTable(options)
        #expect(summary.rejected.isEmpty)
        #expect(table.strings("municipality") == ["5001", "5001"])
        #expect(table.numbers("year") == [2019, 2019])
        #expect(table.strings("respondent_id") == ["r1", "r2"])
        #expect(table.columns["extra"] == nil)  // extra columns are ignored
        #expect(Set(table.columns.keys) == ["municipality", "year", "respondent_id", "q1", "q2"])
    }

    @Test func badFixedValueIsAnOptionError() throws {
        var options = Fixture.options("survey_no_group.csv", .survey)
        options.fixed = ["municipality": "5001", "year": "2019.5"]
        let error = try #require(throws: Diagnostic.self) { try Ingestor.readTable(options) }
        #expect(error.location.field == "year")
        #expect(error.message == "fixed value: \"2019.5\" is not a whole year in 1…9999")
    }

    @Test func missingRequiredColumnListsTheHeader() throws {
        var options = Fixture.options("missing_column.csv", .engagement)
        options.columns = ["municipality": "kommune", "date": "dato"]
        let error = try #require(throws: Diagnostic.self) { try Ingestor.readTable(options) }
        #expect(error.location.line == 1)
        #expect(
            error.message == "required column 'participant_id' is neither in the file nor fixed; "
                + "the header is: 'kommune', 'dato', 'deltaker'")
    }

    @Test func missingSurveyItemIsAnError() throws {
        var options = Fixture.options("survey_no_group.csv", .survey)
        options.fixed = ["municipality": "5001", "year": "2019"]
        options.survey = SurveySettings(scales: [ScaleSpec(name: "trust", items: ["q1", "q3"])])
        let error = try #require(throws: Diagnostic.self) { try Ingestor.readTable(options) }
        #expect(error.message.hasPrefix("required column 'q3' is neither in the file nor fixed"))
    }

    @Test func duplicateCanonicalColumn() throws {
        let error = try #require(throws: Diagnostic.self) {
            try Ingestor.readTable(Fixture.options("duplicate_column.csv", .engagement))
        }
        #expect(error.message.hasPrefix("the header names column 'municipality' twice (fields 1 and 4)"))
    }

    @Test func openQuoteAtEndOfFile() throws {
        let error = try #require(throws: Diagnostic.self) {
            try Ingestor.readTable(Fixture.options("open_quote.csv", .engagement))
        }
        #expect(error.location.line == 3)  // the record with the unclosed quote starts on line 3
        #expect(error.description.contains("open_quote.csv:3: "))
    }

    @Test(arguments: ["empty.csv", "blank_lines_only.csv"])
    func emptyFile(file: String) throws {
        let error = try #require(throws: Diagnostic.self) {
            try Ingestor.readTable(Fixture.options(file, .engagement))
        }
        #expect(error.message == "the file is empty: there is no header line")
    }

    /// Option errors come before the file is opened: the path here does not exist.
    @Test(arguments: [
        (UInt8(ascii: "\""), false, "a quote, CR or LF cannot be the delimiter"),
        (UInt8(ascii: ","), true, "a decimal comma cannot be read from a comma-delimited file; declare ';' or tab"),
    ])
    func badDeclaredDelimiter(delimiter: UInt8, decimalComma: Bool, message: String) throws {
        var options = IngestOptions(source: "x", kind: .engagement, path: "/nonexistent/apen.csv")
        options.delimiter = .byte(delimiter)
        options.decimalComma = decimalComma
        let error = try #require(throws: Diagnostic.self) { try Ingestor.readTable(options) }
        #expect(error.message == message)
    }

    @Test func utf16FileIsNamedAsSuch() throws {
        let error = try #require(throws: Diagnostic.self) {
            try Ingestor.readTable(Fixture.options("engagement_utf16.txt", .engagement))
        }
        #expect(error.location.line == 1)
        #expect(error.message == "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 CSV")
    }

    @Test func unreadableFile() throws {
        let options = IngestOptions(source: "x", kind: .engagement, path: "/nonexistent/apen.csv")
        let error = try #require(throws: Diagnostic.self) { try Ingestor.readTable(options) }
        #expect(error.location.path == "/nonexistent/apen.csv")
    }

    /// Chunks of 1, 2, 4 rows appended in order equal the one-table read, dictionaries included.
    @Test(arguments: [1, 2, 4, 1000])
    func chunkedReadEqualsWholeRead(chunkRows: Int) throws {
        let options = Fixture.options("engagement_three_bad.csv", .engagement)
        let (whole, _) = try Ingestor.readTable(options)
        var chunks: [Table] = []
        var builder = TableBuilder()
        let summary = try Ingestor.read(options, chunkRows: chunkRows) {
            chunks.append($0)
            builder.append($0)
        }
        #expect(chunks.allSatisfy { $0.rowCount <= chunkRows && $0.rowCount > 0 })
        #expect(chunks.map(\.rowCount).reduce(0, +) == 5)
        #expect(chunks.count == (5 + chunkRows - 1) / chunkRows)
        #expect(builder.table == whole)
        let joined = chunks.dropFirst().reduce(chunks[0]) { $0.appending($1) }
        #expect(joined == whole)
        #expect(summary.rejected.count == 3)
    }

    /// The same with numbers and missing (NaN) survey items, and fixed columns in every chunk.
    @Test(arguments: [1, 3])
    func chunkedSurveyEqualsWholeRead(chunkRows: Int) throws {
        var options = Fixture.options("survey_decimal_comma.csv", .survey)
        options.decimalComma = true
        options.columns = ["municipality": "kommune"]
        options.fixed = ["year": "2020"]
        options.survey = SurveySettings(scales: [ScaleSpec(name: "trust", items: ["q1", "q2"])])
        let (whole, _) = try Ingestor.readTable(options)
        var chunks: [Table] = []
        _ = try Ingestor.read(options, chunkRows: chunkRows) { chunks.append($0) }
        let joined = chunks.dropFirst().reduce(chunks[0]) { $0.appending($1) }
        #expect(whole.numbers("q2")?[1].isNaN == true)
        #expect(joined.isIdentical(to: whole))
        #expect(joined.numbers("year") == [2020, 2020, 2020])
    }

    @Test func noAcceptedRowsStillGivesTheColumns() throws {
        var options = Fixture.options("dates_impossible.csv", .accessRequests)
        options.dateFormat = .pattern("dd.MM.yyyy")
        var chunks: [Table] = []
        _ = try Ingestor.read(options) { chunks.append($0) }
        #expect(chunks.count == 1)
        #expect(chunks[0].rowCount == 0)
        #expect(Set(chunks[0].columns.keys) == ["municipality", "received"])
    }

    @Test func chunkErrorStopsTheRead() throws {
        struct Stop: Error {}
        var calls = 0
        #expect(throws: Stop.self) {
            try Ingestor.read(Fixture.options("engagement_basic.csv", .engagement), chunkRows: 1) { _ in
                calls += 1
                throw Stop()
            }
        }
        #expect(calls == 1)
    }
}

extension IngestorTests {
    @Test func fixedValueWinsOverTheFileColumn() throws {
        var options = Fixture.options("survey_with_municipality.csv", .survey)
        options.fixed = ["municipality": "5001"]
        options.survey = SurveySettings(scales: [ScaleSpec(name: "s", items: ["q1"])])
        let (table, _) = try Ingestor.readTable(options)
        #expect(table.strings("municipality") == ["5001"])
    }

    @Test func declaredStrataAreRequired() throws {
        var options = Fixture.options("survey_with_municipality.csv", .survey)
        options.survey = SurveySettings(scales: [ScaleSpec(name: "s", items: ["q1"])], hasStrata: true)
        let error = try #require(throws: Diagnostic.self) { try Ingestor.readTable(options) }
        #expect(error.message.hasPrefix("required column 'stratum' is neither in the file nor fixed"))
    }

    @Test func invalidBytesInTheHeaderFailTheSource() throws {
        let error = try #require(throws: Diagnostic.self) {
            try Ingestor.readTable(Fixture.options("header_bad_utf8.csv", .engagement))
        }
        #expect(error.location.line == 1)
        #expect(error.message == "header field 2 \"d\u{FFFD}te\" has bytes that are not valid utf-8")
    }

    @Test func undefinedWindows1252ByteRejectsTheRow() throws {
        var options = Fixture.options("population_cp1252_undefined.csv", .population)
        options.encoding = .windows1252
        let (table, summary) = try Ingestor.readTable(options)
        #expect(table.strings("municipality") == ["B"])
        #expect(summary.rejected.map(\.line) == [2])
        #expect(summary.rejected.first?.reason == "\"A\u{FFFD}\" has bytes that are not valid windows-1252")
    }

    /// The separator not declared is not a decimal separator: no guessing (METHODS §7).
    @Test(arguments: [
        (true, 3, "\"2.5\" is not a number (decimal comma declared)", 2.5), (false, 2, "\"2,5\" is not a number", 2.5),
    ])
    func otherDecimalSeparatorIsRejected(decimalComma: Bool, line: Int, reason: String, value: Double) throws {
        var options = Fixture.options("population_decimal_mixed.csv", .population)
        options.decimalComma = decimalComma
        let (table, summary) = try Ingestor.readTable(options)
        #expect(table.numbers("population") == [value])
        #expect(summary.rejected.map(\.line) == [line])
        #expect(summary.rejected.map(\.reason) == [reason])
    }

    /// Rejected records are the fields re-joined with the file's delimiter, re-quoted per RFC 4180.
    @Test func rejectedRecordIsRequoted() throws {
        let (_, summary) = try Ingestor.readTable(Fixture.options("engagement_requote.csv", .engagement))
        #expect(summary.delimiter == UInt8(ascii: ";"))
        #expect(summary.rejected.map(\.record) == ["5001;2019-03-04;\"p;1\";extra"])
        #expect(summary.accepted == 1)
    }
}
