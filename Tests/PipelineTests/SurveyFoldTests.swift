import ApenCore
import Foundation
import Testing

@testable import Indicators
@testable import Ingest

/// A survey file folded into a `SurveyPartial` by `Ingestor.fold` — cut into many byte ranges
/// parsed on workers, each in small chunks — gives the rows, warnings and errors of the
/// table `readTable` builds, and the same rejected rows and coverage counts.
struct SurveyFoldTests {
    /// A survey file with strata, PSUs, an fpc, a breakdown, missing cells and codes, rows
    /// without a municipality or year, and a few rows Ingest rejects (a year that is no number).
    static func file(seed: UInt64, rows: Int) -> (csv: String, bad: Int) {
        var rng = SplitMix64(seed: seed)
        func pick(_ xs: [String]) -> String { xs[Int(rng.next() % UInt64(xs.count))] }
        var lines = ["municipality,year,stratum,psu,fpc,weight,q1,q2,q3,q4,grp"]
        var bad = 0
        for i in 0..<rows {
            let s = pick(["A", "B", "C", "C"])
            var year = pick(["2023", "2024", "2024", ""])
            if i % 97 == 50 {
                year = "tjue"
                bad += 1
            }
            let q = (0..<4).map { _ in pick(["1", "2", "3", "4", "5", "9", ""]) }
            let fields =
                [pick(["5001", "0301", "1103", ""]), year, s, pick(["1", "2", "3", "4"]), s == "B" ? "0.2" : "60"]
                + [pick(["1", "0.5", "2.25"])] + q + [pick(["ung", "eldre", ""])]
            lines.append(fields.joined(separator: ","))
        }
        return (lines.joined(separator: "\n") + "\n", bad)
    }

    @Test(arguments: [(jobs: 2, rangeBytes: 64, chunkRows: 7), (jobs: 3, rangeBytes: 1000, chunkRows: 100)])
    func foldEqualsTable(jobs: Int, rangeBytes: Int, chunkRows: Int) throws {
        let (csv, bad) = Self.file(seed: 11, rows: 2000)
        let path = NSTemporaryDirectory() + "survey-fold-\(UUID().uuidString).csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = IngestOptions(source: "survey", kind: .survey, path: path)
        options.maxRejected = 0.5
        options.extra = ["grp": ExtraColumn(header: "grp", type: .text)]
        for lonely in [LonelyPSU.fail, .adjust] {
            options.survey = SurveySettings(
                likert: 1...5, missingCodes: [9],
                scales: [
                    ScaleSpec(name: "trust", items: ["q1", "q2", "q3"], reverse: ["q2"]),
                    ScaleSpec(name: "voice", items: ["q4", "q1"]),
                ], hasStrata: true, hasPSU: true, hasFPC: true, lonelyPSU: lonely)
            options.survey.breakdowns = ["grp"]
            let (table, summary) = try Ingestor.readTable(options)
            #expect(summary.rejected.count >= bad)
            let expected = SurveyPartialTestsSupport.outcome {
                try BuiltinIndicators.compute(
                    .survey, inputs: IndicatorInputs(surveys: [SurveyInput(table: table, settings: options.survey)]))
            }
            #expect(expected.contains("survey.trust.index"))
            let settings = options.survey
            // The parallel path itself (`Ingestor.fold` falls back to `read` when it gives up).
            let (partial, folded) = try #require(
                try ParallelReader.fold(
                    options, jobs: jobs, rangeBytes: rangeBytes, chunkRows: chunkRows,
                    initial: { SurveyPartial(source: "survey", settings: settings) }, fold: { try $0.fold($1) },
                    merge: { $0.merge($1, sameSource: true) }))
            #expect(folded == summary)
            #expect(
                SurveyPartialTestsSupport.outcome { try BuiltinIndicators.survey(partial: partial, jobs: jobs) }
                    == expected)
            // The coverage of the ingest stage: rows per (municipality, year) with a finite year.
            let muni = try #require(table.text("municipality"))
            let years = try #require(table.numbers("year"))
            var coverage: [SurveyPartial.GroupKey: Int] = [:]
            for r in 0..<table.rowCount where muni.codes[r] >= 0 && years[r].isFinite {
                coverage[.init(municipality: muni.dictionary[Int(muni.codes[r])], year: Int(years[r])), default: 0] += 1
            }
            #expect(partial.coverage == coverage)
        }
    }
}

enum SurveyPartialTestsSupport {
    /// Everything a caller sees of a computation: rows, warnings, or the error.
    static func outcome(_ compute: () throws -> IndicatorOutput) -> String {
        do {
            let out = try compute()
            return IndicatorCSV.render(out.rows)
                + out.warnings.map { "\($0)|\(String(describing: $0.warning))" }.joined(separator: "\n")
        } catch {
            return "error: \(error)"
        }
    }
}
