import ApenCore
import Foundation
import Testing

@testable import Indicators

/// The partial state of the survey family against the table path: the same rows, warnings
/// and errors, whatever the chunking and the grouping of merges. The table path's values are
/// checked by hand (BuiltinIndicatorsFamilyTests) and against R `survey` (SurveyReferenceRTests).
struct SurveyPartialTests {
    /// Everything a caller sees of a computation: rows, warnings, or the error.
    static func outcome(_ compute: () throws -> IndicatorOutput) -> String {
        do {
            let out = try compute()
            return IndicatorCSV.render(out.rows)
                + out.warnings.map { "\($0)|\(String(describing: $0.warning))" }
                .joined(separator: "\n")
        } catch {
            return "error: \(error)"
        }
    }

    static let items: Set<String> = ["q1", "q2", "q3", "q4"]

    /// Chunk tables of `size` data rows each (each with its own dictionaries, as `Ingestor.read` gives).
    static func chunks(_ csv: String, size: Int, source: String) -> [Table] {
        let lines = csv.split(separator: "\n").map(String.init)
        let body = Array(lines.dropFirst())
        return stride(from: 0, to: max(body.count, 1), by: size).map { start in
            let part = body[start..<min(start + size, body.count)]
            return FixtureTables.table(
                ([lines[0]] + part).joined(separator: "\n"), kind: .survey, source: source, numbers: items)
        }
    }

    /// One state per chunk, merged left to right, or pairwise as a tree (the same records either way).
    static func partial(_ csv: String, size: Int, source: String, settings: SurveySettings, tree: Bool) throws
        -> SurveyPartial
    {
        var states = try chunks(csv, size: size, source: source).map { t in
            var s = SurveyPartial(source: source, settings: settings)
            try s.fold(t)
            return s
        }
        if tree {
            while states.count > 1 {
                var next: [SurveyPartial] = []
                for i in stride(from: 0, to: states.count, by: 2) {
                    var s = states[i]
                    if i + 1 < states.count { s.merge(states[i + 1], sameSource: true) }
                    next.append(s)
                }
                states = next
            }
            return states[0]
        }
        var total = states[0]
        for s in states.dropFirst() { total.merge(s, sameSource: true) }
        return total
    }

    /// A random survey file: two municipalities and two years (some cells missing), strata
    /// A–C, PSUs 1–3 (few, so lonely PSUs happen), an fpc that is mostly constant per stratum,
    /// items 1–5 with missing code 9 and empty cells, a breakdown with missing values.
    static func randomSurvey(seed: UInt64, rows: Int) -> String {
        var rng = SplitMix64(seed: seed)
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        var lines = ["municipality,year,stratum,psu,fpc,weight,q1,q2,q3,q4,grp"]
        for _ in 0..<rows {
            let m = pick(["5001", "5001", "0301", "0301", "1103", ""])
            let y = pick(["2023", "2024", "2024", ""])
            let s = pick(["A", "A", "B", "B", "C", ""])
            let p = pick(["1", "2", "3", "2", ""])
            let fpc = seed % 5 == 0 && rng.next() % 50 == 0 ? "77" : (s == "B" ? "0.25" : "40")
            let w = pick(["1", "0.5", "2.25", "1.1", "3"])
            let q = (0..<4).map { _ in pick(["1", "2", "3", "4", "5", "5", "9", ""]) }
            let g = pick(["ung", "eldre", "midt", ""])
            lines.append(([m, y, s, p, fpc, w] + q + [g]).joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    static func settings(_ variant: Int) -> SurveySettings {
        var s = SurveySettings(
            likert: 1...5, missingCodes: [9],
            scales: [
                ScaleSpec(name: "trust", items: ["q1", "q2", "q3"], reverse: ["q3"]),
                ScaleSpec(name: "voice", items: ["q3", "q4"]),
            ],
            hasStrata: variant % 2 == 0, hasPSU: variant % 3 != 2, hasFPC: variant % 4 == 0,
            lonelyPSU: [LonelyPSU.fail, .remove, .adjust][variant % 3])
        if variant % 5 != 4 { s.breakdowns = ["grp"] }
        return s
    }

    @Test(arguments: 0..<24)
    func randomFileInAnyChunking(variant: Int) throws {
        let csv = Self.randomSurvey(seed: UInt64(variant + 1), rows: 40 + variant * 7)
        let settings = Self.settings(variant)
        let whole = FixtureTables.table(csv, kind: .survey, source: "survey", numbers: Self.items)
        let selections: [(String) -> Bool] = [{ _ in true }, { $0.hasSuffix(".alpha") || $0 == "survey.responses" }]
        for select in selections {
            let table = Self.outcome {
                try BuiltinIndicators.compute(
                    .survey, inputs: IndicatorInputs(surveys: [SurveyInput(table: whole, settings: settings)]),
                    select: select)
            }
            #expect(!table.isEmpty)
            for size in [1, 3, 16, 1000] {
                for tree in [false, true] {
                    let state = try Self.partial(csv, size: size, source: "survey", settings: settings, tree: tree)
                    let out = Self.outcome { try BuiltinIndicators.survey(partial: state, select: select, jobs: 2) }
                    #expect(out == table, "variant \(variant), size \(size), tree \(tree)")
                }
            }
        }
    }

    // Two sources pooled: the second's strata, PSUs and breakdown values share the ranks of the first's.
    @Test(arguments: [0, 1, 3, 5])
    func twoSourcesPooled(variant: Int) throws {
        let a = Self.randomSurvey(seed: 100 + UInt64(variant), rows: 60)
        let b = Self.randomSurvey(seed: 200 + UInt64(variant), rows: 50)
        let settingsA = Self.settings(variant)
        var settingsB = Self.settings(variant + 1)
        settingsB.scales = [ScaleSpec(name: "trust", items: ["q2", "q4"])]
        let table = Self.outcome {
            try BuiltinIndicators.compute(
                .survey,
                inputs: IndicatorInputs(surveys: [
                    SurveyInput(
                        table: FixtureTables.table(a, kind: .survey, source: "a", numbers: Self.items),
                        settings: settingsA),
                    SurveyInput(
                        table: FixtureTables.table(b, kind: .survey, source: "b", numbers: Self.items),
                        settings: settingsB),
                ]))
        }
        for size in [2, 7] {
            var state = try Self.partial(a, size: size, source: "a", settings: settingsA, tree: false)
            state.merge(
                try Self.partial(b, size: size, source: "b", settings: settingsB, tree: true), sameSource: false)
            #expect(Self.outcome { try BuiltinIndicators.survey(partial: state) } == table)
        }
    }

    // A value a byte cannot hold exactly makes the compact state refuse (the caller reads the table).
    @Test func notCompact() throws {
        for value in ["2.5", "255", "-1", "300"] {
            let csv = "municipality,year,q1,q2\n5001,2024,\(value),3\n"
            let settings = SurveySettings(scales: [ScaleSpec(name: "trust", items: ["q1", "q2"])])
            var state = SurveyPartial(source: "s", settings: settings)
            #expect(throws: SurveyPartial.NotCompact.self) {
                try state.fold(FixtureTables.table(csv, kind: .survey, source: "s", numbers: ["q1", "q2"]))
            }
        }
        // A missing item column too: the table path names it.
        let settings = SurveySettings(scales: [ScaleSpec(name: "trust", items: ["q1", "q9"])])
        var state = SurveyPartial(source: "s", settings: settings)
        #expect(throws: SurveyPartial.NotCompact.self) {
            try state.fold(
                FixtureTables.table("municipality,year,q1\n5001,2024,3\n", kind: .survey, source: "s", numbers: ["q1"]))
        }
    }

    // 0 and 254 are bytes; 255 marks a missing item.
    @Test func byteBounds() {
        #expect(SurveyPartial.byte(0) == 0)
        #expect(SurveyPartial.byte(254) == 254)
        #expect(SurveyPartial.byte(.nan) == SurveyPartial.missingItem)
        #expect(SurveyPartial.byte(-0.0) == nil)
        #expect(SurveyPartial.byte(254.5) == nil)
    }

    // Errors from a missing design column come in the table path's order, with its text.
    @Test func missingColumnsInTheTablePathsOrder() throws {
        let csv = "municipality,year,q1,q2\n5001,2024,3,4\n5001,2024,2,5\n"
        var settings = SurveySettings(scales: [ScaleSpec(name: "trust", items: ["q1", "q9"])])
        settings.hasPSU = true
        let table = FixtureTables.table(csv, kind: .survey, source: "s", numbers: ["q1", "q2"])
        let out = Self.outcome {
            try BuiltinIndicators.compute(
                .survey, inputs: IndicatorInputs(surveys: [SurveyInput(table: table, settings: settings)]))
        }
        // The PSU column is checked before the items (the design comes first).
        #expect(
            out.contains(
                "required survey column 'psu' is missing or has the wrong type (columns: municipality, q1, q2, year)"))
    }

    // The national pipeline's shape: 12 items, strata and PSUs → 12 + 8 + 4 + 4 = 28 bytes a respondent.
    @Test func twentyEightBytesARespondentAtTwelveItems() throws {
        let items = (1...12).map { "q\($0)" }
        var csv = "municipality,year,stratum,psu,weight," + items.joined(separator: ",") + "\n"
        for r in 0..<50 {
            csv += "5001,\(2020 + r % 3),\(r % 2 == 0 ? "A" : "B"),\(r % 5),1.5,"
            csv += items.indices.map { j in j == r % 12 ? "" : "\(1 + (r + j) % 5)" }.joined(separator: ",") + "\n"
        }
        let settings = SurveySettings(
            scales: [
                ScaleSpec(name: "a", items: Array(items[0..<4])), ScaleSpec(name: "b", items: Array(items[4..<8])),
                ScaleSpec(name: "c", items: Array(items[8..<12])),
            ], hasStrata: true, hasPSU: true)
        var state = SurveyPartial(source: "s", settings: settings)
        try state.fold(FixtureTables.table(csv, kind: .survey, source: "s", numbers: Set(items)))
        let size = state.recordSize
        #expect(size.respondents == 50)
        #expect(size.bytes == 50 * 28)
    }
}
