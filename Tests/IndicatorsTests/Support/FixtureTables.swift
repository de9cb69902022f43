import ApenCore
import Foundation

/// Test support: small CSV fixtures (no quoting, comma-separated, header first) read into
/// typed `Table`s the way Ingest would deliver them: text dictionary-encoded, numbers with
/// NaN for empty cells, ISO dates as day numbers with `Column.missingDay` for empty cells.
enum FixtureTables {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    /// Parses `csv` into rows of fields (header included).
    static func records(_ csv: String) -> [[String]] {
        csv.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// A table of `kind` from CSV text; columns not typed by the kind are numbers when
    /// listed in `numbers` (survey items), otherwise text.
    static func table(
        _ csv: String, kind: SourceKind, source: String = "test", numbers: Set<String> = [],
        rowOrder: [Int]? = nil
    ) -> Table {
        let recs = records(csv)
        let header = recs[0]
        var body = Array(recs.dropFirst())
        if let rowOrder { body = rowOrder.map { body[$0] } }
        var columns: [String: Column] = [:]
        for (j, name) in header.enumerated() {
            let cells = body.map { $0[j] }
            let type = numbers.contains(name) ? .number : (kind.columnType(name) ?? .text)
            switch type {
            case .number:
                columns[name] = .number(cells.map { $0.isEmpty ? .nan : Double($0)! })
            case .date:
                columns[name] = .date(cells.map { $0.isEmpty ? Column.missingDay : day($0).raw })
            case .text:
                var dict: [String] = []
                var index: [String: Int32] = [:]
                let codes = cells.map { s -> Int32 in
                    if s.isEmpty { return -1 }
                    if let c = index[s] { return c }
                    index[s] = Int32(dict.count)
                    dict.append(s)
                    return Int32(dict.count - 1)
                }
                columns[name] = .text(TextColumn(codes: codes, dictionary: dict))
            }
        }
        return Table(source: source, kind: kind, rowCount: body.count, columns: columns)
    }

    static func fixture(_ name: String, kind: SourceKind, numbers: Set<String> = [], rowOrder: [Int]? = nil) throws
        -> Table
    {
        table(try text(name), kind: kind, source: name, numbers: numbers, rowOrder: rowOrder)
    }

    /// `yyyy-MM-dd` → Day.
    static func day(_ s: String) -> Day {
        let p = s.split(separator: "-").map { Int($0)! }
        return Day(year: p[0], month: p[1], day: p[2])!
    }

    /// Expected rows from a reference CSV with the METHODS §1 columns.
    static func expectedRows(_ name: String) throws -> [IndicatorRow] {
        let recs = records(try text(name))
        let h = Dictionary(uniqueKeysWithValues: recs[0].enumerated().map { ($1, $0) })
        return recs.dropFirst().map { f in
            func opt(_ c: String) -> Double? { f[h[c]!].isEmpty ? nil : Double(f[h[c]!])! }
            let df = h["df"].flatMap { f[$0].isEmpty ? nil : Int(f[$0])! }
            return IndicatorRow(
                indicator: f[h["indicator"]!], municipality: f[h["municipality"]!],
                year: Int(f[h["year"]!])!, value: Double(f[h["value"]!])!, n: Int(f[h["n"]!])!,
                se: opt("se"), ciLow: opt("ci_low"), ciHigh: opt("ci_high"), df: df)
        }
    }

    /// A deterministic permutation of 0..<n (an LCG shuffle), different per `seed`.
    static func permutation(_ n: Int, seed: UInt64) -> [Int] {
        var order = Array(0..<n)
        var state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        for i in stride(from: n - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let j = Int((state >> 33) % UInt64(i + 1))
            order.swapAt(i, j)
        }
        return order
    }
}

/// Relative closeness for values computed by different summation orders.
func close(_ a: Double?, _ b: Double?, rel: Double = 1e-12, abs absTol: Double = 1e-12) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let x?, let y?): return Swift.abs(x - y) <= max(absTol, rel * max(Swift.abs(x), Swift.abs(y)))
    default: return false
    }
}
