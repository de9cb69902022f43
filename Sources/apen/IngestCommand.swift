import ApenCore
import ArgumentParser
import Foundation
import Ingest
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

    @Option(help: "Source kind: survey, engagement, publications, access_requests, population.")
    var kind: String

    @Argument(help: "The source file (CSV, JSON, JSON Lines or JSON-stat; see --format).")
    var file: String

    @Option(
        help: """
            Layout: csv (default), json (an array of records, or one at --records), jsonl (one \
            record per line), jsonstat (a JSON-stat 2.0 dataset, population only).
            """)
    var format: String = "csv"

    @Option(help: "JSON: the dotted path of the records array inside the document (e.g. data.journalposter).")
    var records: String?

    @Option(
        help: """
            JSON-stat: comma-separated dimensions whose categories are added up (e.g. Kjonn,Alder); \
            any other dimension must have one category.
            """)
    var sum: String?

    @Option(help: "CSV: delimiter ',', ';', '|' or 'tab' (default: sniffed from the header line).")
    var delimiter: String?

    @Option(help: "CSV: encoding utf-8 (default), windows-1252, iso-8859-1 (JSON is always UTF-8).")
    var encoding: String?

    @Option(help: "Decimal separator: '.' (default) or ','.")
    var decimal: String = "."

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
        do {
            let store = try Store(path: storeOptions.store)
            // Held by another run: say so (as apen run does), then wait for it.
            let lock = try store.acquireRunLock(wait: true, announce: printError)
            defer { lock.release() }
            let runID = try store.beginRun(
                pipeline: "ingest:\(options.source)", started: isoNow(), toolVersion: ApenVersion.string)
            var kept: Table?
            let sha: String
            let summary: IngestSummary
            do {
                sha = try store.sha256(ofFile: file)
                if keepRows {
                    // The rows go to the store, so they are held anyway: one table, no re-copying.
                    (kept, summary) = try Ingestor.readTable(options)
                } else {
                    // Streaming: memory follows the chunk size, not the file.
                    summary = try Ingestor.read(options) { _ in }
                }
            } catch {
                // A file that cannot be read fails this run now; left `running`, the next run
                // would mark it "interrupted", which it was not.
                try? store.failRun(runID, finished: isoNow(), message: String(describing: error))
                throw error
            }
            try RejectedRowsFile.write(summary.rejected, to: rejectedPath)
            for w in summary.warnings { printError("warning: \(w)") }
            for r in summary.rejected.prefix(50) { printError(r.diagnostic.description) }
            if summary.rejected.count > 50 { printError("… \(summary.rejected.count - 50) more in \(rejectedPath)") }
            let status = summary.withinLimit
            let records = summary.rejected.map {
                RejectedRecord(
                    source: $0.source, file: $0.file, line: $0.line, field: $0.field, reason: $0.reason,
                    record: $0.record)
            }
            if status {
                try store.commitRun(
                    runID, finished: isoNow(), stages: [], outputs: [],
                    inputs: [InputRecord(source: options.source, path: file, sha256: sha, size: Int64(fileSize(file)))],
                    rejected: records,
                    counts: RunCounts(rowsRead: summary.rowsRead, rowsRejected: summary.rejected.count, indicators: 0),
                    kept: kept.map { [$0] } ?? [])
            } else {
                try store.failRun(runID, finished: isoNow(), message: "rejected share above max_rejected")
            }
            print("rows read: \(summary.rowsRead)")
            print("accepted:  \(summary.accepted)")
            print("rejected:  \(summary.rejected.count)")
            print("rejected rows file: \(rejectedPath)")
            if !status {
                printError(
                    String(
                        format: "error: %.2f %% of rows rejected, more than --max-rejected %.2f %%",
                        summary.rejectedShare * 100, maxRejected * 100))
                throw ExitCode(1)
            }
        } catch let e as ExitCode {
            throw e
        } catch let d as Diagnostic {
            throw fail(d, usage: true)
        } catch {
            throw fail(error, usage: false)
        }
    }

    private func makeOptions() throws -> IngestOptions {
        guard let k = SourceKind(rawValue: kind) else {
            throw ValidationError(
                "unknown --kind '\(kind)'; use one of \(SourceKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var o = IngestOptions(source: k.rawValue, kind: k, path: file)
        try applyFormat(to: &o)
        switch delimiter {
        case nil: o.delimiter = .sniff
        case "tab", "\\t", "\t": o.delimiter = .byte(9)
        case ",": o.delimiter = .byte(UInt8(ascii: ","))
        case ";": o.delimiter = .byte(UInt8(ascii: ";"))
        case "|": o.delimiter = .byte(UInt8(ascii: "|"))
        case let d?: throw ValidationError("--delimiter must be ',', ';', '|' or 'tab', not '\(d)'")
        }
        let encoding = self.encoding ?? "utf-8"
        guard let enc = IngestOptions.Encoding(rawValue: encoding.lowercased()) else {
            throw ValidationError("--encoding must be utf-8, windows-1252 or iso-8859-1, not '\(encoding)'")
        }
        o.encoding = enc
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
        guard decimal == "." || decimal == "," else { throw ValidationError("--decimal must be '.' or ','") }
        o.decimalComma = decimal == ","
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
        case "csv": o.format = .csv
        case "json": o.format = .json(records: records)
        case "jsonl": o.format = .jsonLines
        case "jsonstat":
            guard o.kind == .population else {
                throw ValidationError("--format jsonstat is read for population sources only (this is --kind \(kind))")
            }
            var layout = IngestOptions.JSONStatLayout()
            layout.sum = (sum ?? "").split(separator: ",").map(String.init)
            o.format = .jsonStat(layout)
        default: throw ValidationError("--format must be csv, json, jsonl or jsonstat, not '\(format)'")
        }
        if records != nil, format != "json" { throw ValidationError("--records applies only to --format json") }
        if sum != nil, format != "jsonstat" { throw ValidationError("--sum applies only to --format jsonstat") }
        if format != "csv" {
            for (flag, value) in [("--delimiter", delimiter), ("--encoding", encoding)] where value != nil {
                throw ValidationError("\(flag) applies only to --format csv (JSON is UTF-8)")
            }
        }
        if format == "jsonstat", !columns.isEmpty {
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

    private func isoNow() -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date())
    }

    private func fileSize(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}
