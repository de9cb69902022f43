import ApenCore
import Foundation
import Testing

@testable import Indicators

/// The partial states of the publication, opendata and foi families (issue 15): hand-computed
/// values, the same rows and warnings in any chunking and any grouping of merges, and a
/// pseudo-random table against a naive per-row reference written here.
struct PublicationsPartialTests {
    /// Chunk tables of `size` data rows each (each with its own dictionaries, as `Ingestor.read` gives).
    static func chunks(_ csv: String, size: Int, kind: SourceKind, source: String = "test") -> [Table] {
        let lines = csv.split(separator: "\n").map(String.init)
        let body = Array(lines.dropFirst())
        return stride(from: 0, to: max(body.count, 1), by: size).map { start in
            let part = body[min(start, body.count)..<min(start + size, body.count)]
            return FixtureTables.table(([lines[0]] + part).joined(separator: "\n"), kind: kind, source: source)
        }
    }

    static func publications(_ csv: String, size: Int, source: String = "test") -> PublicationsPartial {
        var state = PublicationsPartial(source: source)
        for t in chunks(csv, size: size, kind: .publications, source: source) { state.fold(t) }
        return state
    }

    static func requests(_ csv: String, size: Int, source: String = "test", extracted: Int32? = nil)
        -> AccessRequestsPartial
    {
        var state = AccessRequestsPartial(source: source, extracted: extracted)
        for t in chunks(csv, size: size, kind: .accessRequests, source: source) { state.fold(t) }
        return state
    }

    static func same(_ a: IndicatorOutput, _ b: IndicatorOutput, _ note: Comment? = nil) {
        #expect(IndicatorCSV.render(a.rows) == IndicatorCSV.render(b.rows), note)
        #expect(a.warnings.map(\.description) == b.warnings.map(\.description), note)
        #expect(a.warnings.map(\.warning) == b.warnings.map(\.warning), note)
    }

    static func value(_ out: IndicatorOutput, _ id: String, _ muni: String, _ year: Int) -> IndicatorRow? {
        out.rows.first { $0.indicator == id && $0.municipality == muni && $0.year == year }
    }

    static func day(_ iso: String) -> Int32 {
        let p = iso.split(separator: "-").map { Int($0)! }
        return Int32(Day.daysFromCivil(year: p[0], month: p[1], day: p[2]))
    }

    // 0301/2024 is BuiltinIndicatorsFamilyTests.publications (open 2/5, exempt 1/5, lags
    // [0, 4, 10]: median 4, p90 8.8; datasets r4 3 stars and r5 5 stars, both open: mean 4).
    // 5001/2023 adds lags [1, 2, 3, 10] (registered 1 Mar 2023, published 2, 3, 4, 11 Mar):
    //   median: h = 3·0.5 = 1.5 → 2 + 0.5·(3 − 2) = 2.5; p90: h = 2.7 → 3 + 0.7·(10 − 3) = 7.9; n = 4.
    //   open_share 3/5 (three open published, one open unpublished, one exempt published); exempt 1/5.
    //   Datasets: one under cc-by-4.0 in xlsx (2 stars), one under a closed licence: share 1/2, stars 2/2 = 1.
    static let csv =
        BuiltinIndicatorsFamilyTests.publications + """

            5001,2023-03-01,2023-03-02,open,dataset,xlsx,CC-BY-4.0,
            5001,2023-03-01,2023-03-03,open,dataset,csv,proprietary,
            5001,2023-03-01,2023-03-04,open,journalpost,,,
            5001,2023-03-01,2023-03-11,exempt,journalpost,,,
            5001,2023-03-01,,open,journalpost,,,
            """

    @Test func publicationsByHandInAnyChunking() throws {
        let whole = FixtureTables.table(Self.csv, kind: .publications)
        let table = try BuiltinIndicators.compute(.publication, inputs: IndicatorInputs(publications: [whole]))
        let tableOD = try BuiltinIndicators.compute(.opendata, inputs: IndicatorInputs(publications: [whole]))
        for size in [1, 2, 3, 4, 10] {
            let state = Self.publications(Self.csv, size: size)
            let out = try BuiltinIndicators.publication(partial: state)
            let od = try BuiltinIndicators.opendata(partial: state)
            Self.same(out, table, "size \(size)")
            Self.same(od, tableOD, "size \(size)")
            #expect(close(Self.value(out, "publication.open_share", "0301", 2024)?.value, 0.4))
            #expect(Self.value(out, "publication.lag_median_days", "0301", 2024)?.value == 4)
            #expect(close(Self.value(out, "publication.lag_p90_days", "0301", 2024)?.value, 8.8))
            #expect(close(Self.value(out, "publication.open_share", "5001", 2023)?.value, 0.6))
            #expect(close(Self.value(out, "publication.exempt_share", "5001", 2023)?.value, 0.2))
            #expect(Self.value(out, "publication.lag_median_days", "5001", 2023)?.value == 2.5)
            #expect(close(Self.value(out, "publication.lag_p90_days", "5001", 2023)?.value, 7.9))
            #expect(Self.value(out, "publication.lag_p90_days", "5001", 2023)?.n == 4)
            #expect(Self.value(od, "opendata.stars_mean", "0301", 2024)?.value == 4)
            #expect(Self.value(od, "opendata.open_licence_share", "5001", 2023)?.value == 0.5)
            #expect(Self.value(od, "opendata.stars_mean", "5001", 2023)?.value == 1)
            #expect(Self.value(od, "opendata.stars_mean", "5001", 2023)?.n == 2)
        }
        // Per-row states merged left to right and right to left: the same state's results.
        let singles = Self.chunks(Self.csv, size: 1, kind: .publications).map {
            var s = PublicationsPartial(source: "test")
            s.fold($0)
            return s
        }
        var left = singles[0]
        for s in singles.dropFirst() { left.merge(s, sameSource: true) }
        var right = singles.last!
        for s in singles.dropLast().reversed() { right.merge(s, sameSource: true) }
        #expect(left.groups == right.groups)
        Self.same(try BuiltinIndicators.publication(partial: right), table)
        Self.same(try BuiltinIndicators.opendata(partial: right), tableOD)
    }

    // Source "one" has every column; "two" has no published, licence or record_type column.
    // 0301/2024 has records of both: open share and lags are unknown there, and so is the open
    // licence share of its dataset; 5001/2024 (only "one") has values. Without `published` or
    // `licence` in any source the indicators needing them are dropped with one warning each.
    @Test func absentColumnsSkipAsTheTablesDo() throws {
        let one = """
            municipality,registered,published,access,record_type,licence
            0301,2024-01-02,2024-01-05,open,dataset,cc0-1.0
            5001,2024-01-02,2024-01-03,open,dataset,cc0-1.0
            5001,2024-01-02,,exempt,journalpost,
            """
        let two = """
            municipality,registered,access
            0301,2024-02-01,open
            ,2024-02-01,open
            """
        var state = Self.publications(one, size: 2, source: "one")
        state.merge(Self.publications(two, size: 1, source: "two"), sameSource: false)
        let t1 = FixtureTables.table(one, kind: .publications, source: "one")
        let t2 = FixtureTables.table(two, kind: .publications, source: "two")
        let inputs = IndicatorInputs(publications: [t1, t2])
        let out = try BuiltinIndicators.publication(partial: state)
        Self.same(out, try BuiltinIndicators.compute(.publication, inputs: inputs))
        #expect(Self.value(out, "publication.open_share", "0301", 2024) == nil)
        #expect(Self.value(out, "publication.exempt_share", "0301", 2024)?.value == 0)
        #expect(Self.value(out, "publication.open_share", "5001", 2024)?.value == 0.5)
        #expect(Self.value(out, "publication.lag_median_days", "5001", 2024)?.value == 1)
        let skipped = out.warnings.compactMap(\.warning).filter { $0.reason == .sourceWithout("published") }
        #expect(Set(skipped.map(\.indicator)).count == 3)
        #expect(skipped.allSatisfy { $0.groups == [RunWarning.Group("0301", year: 2024)] })
        #expect(out.warnings.contains { $0.message == "1 row(s) without a municipality or year were left out" })
        let od = try BuiltinIndicators.opendata(partial: state)
        Self.same(od, try BuiltinIndicators.compute(.opendata, inputs: inputs))
        #expect(Self.value(od, "opendata.open_licence_share", "5001", 2024)?.value == 1)
        #expect(Self.value(od, "opendata.open_licence_share", "0301", 2024) == nil)
        #expect(od.warnings.contains { $0.warning?.kind == .noRecordType && $0.warning?.source == "two" })
        #expect(
            od.warnings.compactMap(\.warning).contains {
                $0.reason == .sourceWithout("licence") && $0.groups == [RunWarning.Group("0301", year: 2024)]
            })
        // No source with `published`: three indicators dropped, each named once.
        let alone = try BuiltinIndicators.publication(partial: Self.publications(two, size: 1, source: "two"))
        Self.same(alone, try BuiltinIndicators.compute(.publication, inputs: IndicatorInputs(publications: [t2])))
        #expect(alone.rows.map(\.indicator) == ["publication.exempt_share"])
        #expect(alone.warnings.compactMap(\.warning).filter { $0.kind == .columnAbsent }.count == 3)
        // A missing required column is the table path's error, from the publication family only.
        let noAccess = FixtureTables.table("municipality,registered\n5006,2024-01-01\n", kind: .publications)
        var broken = PublicationsPartial(source: "test")
        broken.fold(noAccess)
        #expect(throws: Diagnostic.self) { try BuiltinIndicators.publication(partial: broken) }
        #expect(throws: Never.self) { try BuiltinIndicators.opendata(partial: broken) }
    }

    // 5006/2024 is BuiltinIndicatorsFamilyTests.requests: q1 Wed 27 Mar → Tue 2 Apr 2024 is one
    // working day (Maundy Thursday, Good Friday and Easter Monday are holidays); within 3: 2/5,
    // within 5: 3/5, median of [0, 1, 5, 8] = 3, granted 3/4. With extracted: 2024-06-07 the
    // unanswered q5 (Wed 5 Jun) had 2 working days (6, 7 Jun) < 3: undecided for both
    // deadlines, so within 3 = 2/4 and within 5 = 3/4, n = 4.
    @Test func accessRequestsByHandInAnyChunking() throws {
        let csv = BuiltinIndicatorsFamilyTests.requests
        let whole = FixtureTables.table(csv, kind: .accessRequests)
        let extracted = Self.day("2024-06-07")
        let table = try BuiltinIndicators.compute(.foi, inputs: IndicatorInputs(accessRequests: [whole]))
        let tableEx = try BuiltinIndicators.compute(
            .foi, inputs: IndicatorInputs(accessRequests: [whole], extracted: ["test": extracted]))
        for size in [1, 2, 3, 5] {
            let out = try BuiltinIndicators.foi(partial: Self.requests(csv, size: size))
            Self.same(out, table, "size \(size)")
            #expect(close(Self.value(out, "foi.within_3_workdays_share", "5006", 2024)?.value, 0.4))
            #expect(close(Self.value(out, "foi.within_5_workdays_share", "5006", 2024)?.value, 0.6))
            #expect(Self.value(out, "foi.median_workdays", "5006", 2024)?.value == 3)
            #expect(Self.value(out, "foi.granted_share", "5006", 2024)?.value == 0.75)
            let ex = try BuiltinIndicators.foi(partial: Self.requests(csv, size: size, extracted: extracted))
            Self.same(ex, tableEx, "size \(size), extracted")
            #expect(Self.value(ex, "foi.within_3_workdays_share", "5006", 2024)?.value == 0.5)
            #expect(Self.value(ex, "foi.within_5_workdays_share", "5006", 2024)?.value == 0.75)
            #expect(Self.value(ex, "foi.within_5_workdays_share", "5006", 2024)?.n == 4)
        }
    }

    // The open end without `extracted:`. Case 1: the latest date is 17 May 2024 (an answer).
    // Unanswered: 29 Dec 2023 (another year: never counted); Wed 8 May → 17 May is 5 working
    // days (9 May Ascension Day and 17 May Constitution Day are holidays: 10, 13, 14, 15, 16
    // May), not counted; Fri 10 May → 17 May is 4 (13–16 May), counted. Case 2: the latest date
    // is Wed 3 Jan 2024; unanswered Tue 2 Jan (1 working day) counts, Fri 29 Dec 2023 (2 working
    // days: 1 Jan is a holiday) does not, being of the year before. One request each, in every
    // row order and chunking (the latest day may come after the requests it makes recent, or before).
    @Test func openEndWarningAcrossChunks() throws {
        let cases = [
            (
                ["5006,2023-12-29,,", "5006,2024-05-08,,", "5006,2024-05-10,,", "5006,2024-05-02,2024-05-17,granted"],
                "2024-05-17"
            ),
            (
                ["5006,2023-12-29,,", "5006,2024-01-02,,", "5006,2023-12-20,,", "5006,2024-01-02,2024-01-03,granted"],
                "2024-01-03"
            ),
        ]
        for (rows, latest) in cases {
            for order in [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [3, 0, 1, 2]] {
                let csv = (["municipality,received,answered,outcome"] + order.map { rows[$0] }).joined(separator: "\n")
                let table = try BuiltinIndicators.compute(
                    .foi, inputs: IndicatorInputs(accessRequests: [FixtureTables.table(csv, kind: .accessRequests)]))
                for size in [1, 2, 4] {
                    let out = try BuiltinIndicators.foi(partial: Self.requests(csv, size: size))
                    Self.same(out, table, "order \(order), size \(size)")
                    let w = out.warnings.compactMap(\.warning).filter { $0.kind == .undecidedRequests }
                    #expect(w.map(\.count) == [1], "\(latest), order \(order), size \(size)")
                    #expect(w.map(\.text) == [latest])
                    // Each chunk in a state of its own, merged left to right and right to left.
                    let states = Self.chunks(csv, size: size, kind: .accessRequests).map {
                        var state = AccessRequestsPartial(source: "test", extracted: nil)
                        state.fold($0)
                        return state
                    }
                    var left = states[0]
                    for s in states.dropFirst() { left.merge(s, sameSource: true) }
                    var right = states.last!
                    for s in states.dropLast().reversed() { right.merge(s, sameSource: true) }
                    Self.same(try BuiltinIndicators.foi(partial: left), table, "left, order \(order), size \(size)")
                    Self.same(try BuiltinIndicators.foi(partial: right), table, "right, order \(order), size \(size)")
                }
            }
        }
    }

    // A source without `outcome` beside one with it: granted share unknown where both meet.
    @Test func absentOutcomeColumn() throws {
        let one =
            "municipality,received,answered,outcome\n0301,2024-01-02,2024-01-03,granted\n5001,2024-01-02,2024-01-02,denied\n"
        let two = "municipality,received,answered\n0301,2024-02-01,2024-02-02\n"
        var state = Self.requests(one, size: 1, source: "one")
        state.merge(Self.requests(two, size: 1, source: "two"), sameSource: false)
        let inputs = IndicatorInputs(accessRequests: [
            FixtureTables.table(one, kind: .accessRequests, source: "one"),
            FixtureTables.table(two, kind: .accessRequests, source: "two"),
        ])
        let out = try BuiltinIndicators.foi(partial: state)
        Self.same(out, try BuiltinIndicators.compute(.foi, inputs: inputs))
        #expect(Self.value(out, "foi.granted_share", "0301", 2024) == nil)
        #expect(Self.value(out, "foi.granted_share", "5001", 2024)?.value == 0)
        #expect(Self.value(out, "foi.median_workdays", "0301", 2024)?.value == 1)
    }

    // Pseudo-random tables against a naive per-row reference: groups by hand, lags and working
    // days (NorwegianCalendar, not WorkdayTable) sorted, type-7 quantiles written out here.
    @Test func randomTablesAgainstANaiveReference() throws {
        var rng = SplitMix64(seed: 15)
        func iso(_ d: Int32) -> String { "\(Day(raw: d))" }
        let base = Self.day("2021-11-20")
        var pub = ["municipality,registered,published,access"]
        var req = ["municipality,received,answered,outcome"]
        for _ in 0..<4000 {
            let m = ["0301", "5001", "4601", ""][Int(rng.next() % 4)]
            let r = base + Int32(rng.next() % 500)
            let p = rng.next() % 4 == 0 ? "" : iso(r + Int32(rng.next() % 40))
            pub.append("\(m),\(iso(r)),\(p),\(["open", "partial", "exempt"][Int(rng.next() % 3)])")
            let a = rng.next() % 5 == 0 ? "" : iso(r + Int32(rng.next() % 20))
            req.append("\(m),\(iso(r)),\(a),\(a.isEmpty ? "" : ["granted", "denied", ""][Int(rng.next() % 3)])")
        }
        func type7(_ x: [Double], _ p: Double) -> Double {
            let h = Double(x.count - 1) * p
            let lo = Int(h.rounded(.down))
            return lo + 1 < x.count ? x[lo] + (h - Double(lo)) * (x[lo + 1] - x[lo]) : x[lo]
        }
        let pubRows = pub.dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        var lags: [String: [Double]] = [:]
        var open: [String: (Int, Int)] = [:]
        for f in pubRows where !f[0].isEmpty {
            let key = "\(f[0])/\(f[1].prefix(4))"
            if !f[2].isEmpty { lags[key, default: []].append(Double(Self.day(f[2]) - Self.day(f[1]))) }
            open[key, default: (0, 0)].0 += f[3] == "open" && !f[2].isEmpty ? 1 : 0
            open[key, default: (0, 0)].1 += 1
        }
        let pubCSV = pub.joined(separator: "\n")
        let out = try BuiltinIndicators.publication(partial: Self.publications(pubCSV, size: 333), jobs: 2)
        Self.same(
            out,
            try BuiltinIndicators.compute(
                .publication,
                inputs: IndicatorInputs(publications: [FixtureTables.table(pubCSV, kind: .publications)]), jobs: 2))
        #expect(out.rows.count == 4 * open.count)
        for (key, list) in lags {
            let parts = key.split(separator: "/").map(String.init)
            let sorted = list.sorted()
            #expect(
                Self.value(out, "publication.lag_median_days", parts[0], Int(parts[1])!)?.value == type7(sorted, 0.5))
            #expect(Self.value(out, "publication.lag_p90_days", parts[0], Int(parts[1])!)?.value == type7(sorted, 0.9))
            let (o, n) = open[key]!
            #expect(Self.value(out, "publication.open_share", parts[0], Int(parts[1])!)?.value == Double(o) / Double(n))
        }
        let reqRows = req.dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        var workdays: [String: [Double]] = [:]
        var requests: [String: Int] = [:]
        for f in reqRows where !f[0].isEmpty {
            let key = "\(f[0])/\(f[1].prefix(4))"
            requests[key, default: 0] += 1
            guard !f[2].isEmpty else { continue }
            let w = NorwegianCalendar.workdays(from: Day(raw: Self.day(f[1])), to: Day(raw: Self.day(f[2])))
            workdays[key, default: []].append(Double(w))
        }
        let reqCSV = req.joined(separator: "\n")
        let foi = try BuiltinIndicators.foi(partial: Self.requests(reqCSV, size: 250), jobs: 2)
        Self.same(
            foi,
            try BuiltinIndicators.compute(
                .foi, inputs: IndicatorInputs(accessRequests: [FixtureTables.table(reqCSV, kind: .accessRequests)]),
                jobs: 2))
        for (key, list) in workdays {
            let parts = key.split(separator: "/").map(String.init)
            let (m, y) = (parts[0], Int(parts[1])!)
            #expect(Self.value(foi, "foi.median_workdays", m, y)?.value == type7(list.sorted(), 0.5))
            let within5 = Double(list.filter { $0 <= 5 }.count) / Double(requests[key]!)
            #expect(Self.value(foi, "foi.within_5_workdays_share", m, y)?.value == within5)
        }
    }
}
