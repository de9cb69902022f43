import ApenCore
import ArgumentParser
import Foundation
import Ingest
import Pipeline
import Store

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read one source file, validate every row, and list the rejected ones.",
        discussion: """
            Streams the file (CSV through libcsv, JSON Lines in blocks: memory does not grow \
            with the file), prints rows read, accepted and rejected, and writes every rejected \
            row (file, line, field, reason, record) to the rejected-rows CSV. Exit 0 when the \
            rejected share is within --max-rejected, 1 otherwise, 2 for usage errors or a file \
            that is not a table (a JSON syntax error, too). The options are a source's keys in \
            a pipeline file (docs/ingest.md).
            Examples:
              apen ingest --kind survey datasets/example/survey.csv \\
                --delimiter ';' --column respondent_id=RespNr --fixed year=2023 \\
                --items q01,q02,q03 --likert 1,5
              apen ingest --kind engagement datasets/formats/engagement.jsonl \\
                --format jsonl --column municipality=kommunenr \\
                --column date=tidspunkt --column participant_id=deltaker \\
                --date-format epoch_ms --timezone Europe/Oslo
              apen ingest --kind population \\
                datasets/formats/population.jsonstat.json \\
                --format jsonstat --sum Kjonn --na '.,..,...,:'
            """)

    @Option(help: "Source kind.")
    var kind: SourceKind

    @Argument(help: "The source file (CSV, JSON, JSON Lines or JSON-stat; see --format).")
    var file: String

    @Option(
        help: """
            Layout: csv (default), json (an array of records, or one at --records), jsonl (one \
            record per line), jsonstat (a JSON-stat 2.0 dataset, population only).
            """)
    var format: IngestFormatOption = .csv

    @Option(help: "JSON: the dotted path of the records array inside the document (e.g. data.journalposter).")
    var records: String?

    @Option(
        help: """
            JSON-stat: comma-separated dimensions whose categories are added up (e.g. Kjonn,Alder); \
            any other dimension must have one category.
            """)
    var sum: String?

    @Option(help: "CSV: delimiter ',', ';', '|' or 'tab' (default: sniffed from the header line).")
    var delimiter: DelimiterOption?

    @Option(help: "CSV: encoding utf-8 (default), windows-1252, iso-8859-1 (JSON is always UTF-8).")
    var encoding: IngestOptions.Encoding?

    @Option(help: "Decimal separator: '.' (default) or ','.")
    var decimal: DecimalOption = .point

    @Option(
        name: .customLong("date-format"), help: "iso (default), dd.MM.yyyy (or another pattern), epoch_s, epoch_ms.")
    var dateFormat: String = "iso"

    @Option(
        help: """
            IANA time zone (e.g. Europe/Oslo): timestamps with an offset or Z, and epoch dates, \
            count on their calendar day there (default: the day written; an epoch's UTC day).
            """)
    var timezone: String?

    @Option(help: "Comma-separated texts that mean 'no value' (e.g. '.,..,...,:', Statistics Norway's symbols).")
    var na: String?

    @Option(
        name: .customLong("column"),
        help: "canonical=header: the file's header (JSON: the dotted path) for a canonical column (repeatable).")
    var columns: [String] = []

    @Option(
        name: .customLong("fixed"),
        help: "column=value: a value for every row, for group columns the file lacks (repeatable).")
    var fixed: [String] = []

    @Option(help: "Survey: comma-separated item columns (read as one scale named 'items').")
    var items: String?

    @Option(help: "Survey: Likert range lo,hi (default 1,5).")
    var likert: String = "1,5"

    @Option(help: "Survey: comma-separated missing codes (default 9 when 9 is outside the Likert range, else none).")
    var missing: String?

    @Option(name: .customLong("max-rejected"), help: "Share of rows that may be rejected (default 0).")
    var maxRejected: Double = 0

    @Flag(name: .customLong("keep-rows"), help: "Copy the validated rows into the store (table rows_<kind>).")
    var keepRows = false

    @Option(help: "Rejected-rows CSV (default: <file>.rejected.csv next to the store).")
    var rejected: String?

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let options: IngestOptions
        do { options = try makeOptions() } catch { throw fail(error, usage: true) }
        let rejectedPath =
            rejected ?? ((storeOptions.store as NSString).deletingLastPathComponent + "/rejected-\(options.source).csv")
        let summary: IngestSummary
        do {
            // Held by another run: say so (as apen run does), then wait for it.
            summary = try SingleIngest.run(
                options, storePath: storeOptions.store, rejectedPath: rejectedPath, announce: printError
            ).summary
        } catch let d as Diagnostic {
            throw fail(d, usage: true)
        } catch {
            throw fail(error, usage: false)
        }
        for w in summary.warnings { printError("warning: \(w)") }
        for r in summary.rejected.prefix(50) { printError(r.diagnostic.description) }
        if summary.rejected.count > 50 { printError("… \(summary.rejected.count - 50) more in \(rejectedPath)") }
        print("rows read: \(summary.rowsRead)")
        print("accepted:  \(summary.accepted)")
        print("rejected:  \(summary.rejected.count)")
        print("rejected rows file: \(rejectedPath)")
        if !summary.withinLimit {
            printError(
                String(
                    format: "error: %.2f %% of rows rejected, more than --max-rejected %.2f %%",
                    summary.rejectedShare * 100, maxRejected * 100))
            throw ExitCode(1)
        }
    }

    private func makeOptions() throws -> IngestOptions {
        let k = kind
        var o = IngestOptions(source: k.rawValue, kind: k, path: file)
        try applyFormat(to: &o)
        o.delimiter = delimiter.map { .byte($0.byte) } ?? .sniff
        o.encoding = encoding ?? .utf8
        if let timezone {
            guard TimeZone(identifier: timezone) != nil else {
                throw ValidationError(
                    "--timezone '\(timezone)' is not an IANA time zone"
                        + "\(EditDistance.hint(for: timezone, among: TimeZone.knownTimeZoneIdentifiers)) (e.g. Europe/Oslo, UTC)"
                )
            }
            o.timeZone = timezone
        }
        if let na { o.na = na.split(separator: ",").map(String.init) }
        o.decimalComma = decimal == .comma
        switch dateFormat {
        case "iso": o.dateFormat = .iso
        case "epoch_s": o.dateFormat = .epochSeconds
        case "epoch_ms": o.dateFormat = .epochMilliseconds
        default: o.dateFormat = .pattern(dateFormat)
        }
        o.columns = try pairs(columns, flag: "--column")
        o.fixed = try pairs(fixed, flag: "--fixed")
        guard (0...1).contains(maxRejected) else { throw ValidationError("--max-rejected is a share between 0 and 1") }
        o.maxRejected = maxRejected
        o.keepRows = keepRows
        if k == .survey {
            let bounds = likert.split(separator: ",").compactMap { Double($0) }
            guard bounds.count == 2, bounds[0] < bounds[1] else {
                throw ValidationError("--likert takes lo,hi, e.g. 1,5")
            }
            let range = bounds[0]...bounds[1]
            let codes = try missing.map { list in
                try list.split(separator: ",").map { s -> Double in
                    guard let v = Double(s) else { throw ValidationError("--missing takes numbers, not '\(s)'") }
                    return v
                }
            }
            if let codes, let inside = SurveySettings.codeInsideRange(codes, likert: range) {
                throw ValidationError(
                    "--missing: the missing code \(NumberText.plain(inside)) is inside the Likert range [\(NumberText.plain(range.lowerBound)), \(NumberText.plain(range.upperBound))]; an answer cannot also be missing"
                )
            }
            let itemList = (items ?? "").split(separator: ",").map(String.init)
            o.survey = SurveySettings(
                likert: range, missingCodes: codes,
                scales: itemList.isEmpty ? [] : [ScaleSpec(name: "items", items: itemList)],
                hasStrata: o.columns["stratum"] != nil, hasPSU: o.columns["psu"] != nil,
                hasFPC: o.columns["fpc"] != nil)
        }
        return o
    }

    /// `--format` and the options that belong to one format (the checks of a pipeline's
    /// `format`, `records`, `sum`, `delimiter` and `encoding` keys).
    private func applyFormat(to o: inout IngestOptions) throws {
        switch format {
        case .csv: o.format = .csv
        case .json: o.format = .json(records: records)
        case .jsonl: o.format = .jsonLines
        case .jsonstat:
            guard o.kind == .population else {
                throw ValidationError("--format jsonstat is read for population sources only (this is --kind \(kind))")
            }
            var layout = IngestOptions.JSONStatLayout()
            layout.sum = (sum ?? "").split(separator: ",").map(String.init)
            o.format = .jsonStat(layout)
        }
        if records != nil, format != .json { throw ValidationError("--records applies only to --format json") }
        if sum != nil, format != .jsonstat { throw ValidationError("--sum applies only to --format jsonstat") }
        if format != .csv {
            for (flag, given) in [("--delimiter", delimiter != nil), ("--encoding", encoding != nil)] where given {
                throw ValidationError("\(flag) applies only to --format csv (JSON is UTF-8)")
            }
        }
        if format == .jsonstat, !columns.isEmpty {
            throw ValidationError("--column does not apply to --format jsonstat (the dimensions are Region and Tid)")
        }
    }

    private func pairs(_ list: [String], flag: String) throws -> [String: String] {
        var out: [String: String] = [:]
        for item in list {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw ValidationError("\(flag) takes name=value, not '\(item)'")
            }
            out[String(item[..<eq])] = String(item[item.index(after: eq)...])
        }
        return out
    }
}
