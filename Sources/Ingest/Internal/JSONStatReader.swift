import ApenCore
import Foundation

/// Turns a JSON-stat 2.0 dataset (what Statistics Norway's statistikkbank API returns) into
/// population records `municipality, year, population` for `RowProcessor`.
///
/// `id` and `size` give the dimensions in the order of `value` (row-major: the last dimension
/// varies fastest). The municipality and year dimensions become the group columns (their
/// category ids, e.g. `"5001"`, `"2019"`); every dimension listed under `sum` is added up;
/// every other dimension must have a single category in the response. A cell is missing when
/// its value is `null` or its `status` is one of the `na` symbols (by default Statistics
/// Norway's `.`, `..`, `...` and `:`); a sum with a missing cell is missing, and the group's
/// population is then unknown (the row is skipped with a warning, not rejected).
///
/// The document is parsed with `JSONSerialization` (a statistikkbank response is a few MB at
/// most). Records carry line 1: a cell of `value` has no line of its own worth naming; the
/// rejected row's record names the categories.
enum JSONStatReader {
    static let defaultSymbols = [".", "..", "...", ":"]

    /// The records of the dataset, in the order of the municipality and year categories.
    /// - Throws: a `Diagnostic` naming the file: not JSON, not a JSON-stat dataset, a dimension
    ///   with several categories that is not summed, a declared dimension that is missing.
    static func records(path: String, layout: IngestOptions.JSONStatLayout, na: [String]) throws -> [[String]] {
        let location = SourceLocation(path: path, line: 1)
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Diagnostic(SourceLocation(path: path), "cannot read the file: \(error.localizedDescription)")
        }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            // Our own scanner says where the syntax goes wrong.
            let bytes = [UInt8](data)
            let position = bytes.withUnsafeBufferPointer { b -> JSONSyntaxError? in
                var s = JSONScanner(b)
                do {
                    s.skipWhitespace()
                    try s.skipValue()
                    s.skipWhitespace()
                    return s.atEnd ? nil : s.error("text after the JSON value")
                } catch let e as JSONSyntaxError { return e } catch { return nil }
            }
            if let p = position {
                throw Diagnostic(
                    SourceLocation(path: path, line: p.line, column: p.column), "JSON syntax error: \(p.message)")
            }
            throw Diagnostic(location, "not a JSON document")
        }
        guard var dataset = root as? [String: Any] else {
            throw Diagnostic(location, "not a JSON-stat dataset (no object)")
        }
        if dataset["id"] == nil, let inner = dataset["dataset"] as? [String: Any] { dataset = inner }
        guard let ids = dataset["id"] as? [String], let sizes = (dataset["size"] as? [Any])?.compactMap(int),
            ids.count == sizes.count, let dimensions = dataset["dimension"] as? [String: Any]
        else {
            throw Diagnostic(location, "not a JSON-stat 2.0 dataset: it needs 'id', 'size' and 'dimension'")
        }
        var categories: [[String]] = []
        for (k, id) in ids.enumerated() {
            guard let dimension = dimensions[id] as? [String: Any], let cats = categoryIDs(dimension),
                cats.count == sizes[k]
            else {
                throw Diagnostic(location, "JSON-stat dimension '\(id)': its categories do not match size \(sizes[k])")
            }
            categories.append(cats)
        }
        let listing = ids.map { "'\($0)'" }.joined(separator: ", ")
        for (role, name) in [("municipality", layout.municipality), ("year", layout.year)] where !ids.contains(name) {
            throw Diagnostic(
                location,
                "the dataset has no dimension '\(name)' for \(role) (dimensions: \(listing)); set dimensions: {\(role): …}"
            )
        }
        for name in layout.sum where !ids.contains(name) {
            throw Diagnostic(location, "sum: the dataset has no dimension '\(name)' (dimensions: \(listing))")
        }
        for (k, id) in ids.enumerated()
        where id != layout.municipality && id != layout.year && !layout.sum.contains(id) && sizes[k] != 1 {
            let cats = categories[k].map { "'\($0)'" }.joined(separator: ", ")
            throw Diagnostic(
                location,
                "JSON-stat dimension '\(id)' has \(sizes[k]) categories (\(cats)); list it under sum: (--sum) to add them up, or ask for one"
            )
        }
        let total = sizes.reduce(1, *)
        let values = try cellValues(dataset["value"], count: total, location: location)
        let status = cellStatus(dataset["status"], count: total)
        let symbols = Set(na.isEmpty ? defaultSymbols : na)

        let mk = ids.firstIndex(of: layout.municipality)!
        let yk = ids.firstIndex(of: layout.year)!
        var strides = Array(repeating: 1, count: ids.count)
        for k in stride(from: ids.count - 2, through: 0, by: -1) { strides[k] = strides[k + 1] * sizes[k + 1] }
        var sums = Array(repeating: 0.0, count: sizes[mk] * sizes[yk])
        var missing = Array(repeating: false, count: sizes[mk] * sizes[yk])
        for cell in 0..<total {
            let g = (cell / strides[mk]) % sizes[mk] * sizes[yk] + (cell / strides[yk]) % sizes[yk]
            if let v = values[cell], !(status[cell].map(symbols.contains) ?? false) {
                sums[g] += v
            } else {
                missing[g] = true
            }
        }
        var out: [[String]] = []
        for m in 0..<sizes[mk] {
            for y in 0..<sizes[yk] {
                let g = m * sizes[yk] + y
                out.append([categories[mk][m], categories[yk][y], missing[g] ? "" : NumberText.shortest(sums[g])])
            }
        }
        return out
    }

    private static func int(_ x: Any) -> Int? { (x as? NSNumber)?.intValue }

    /// Category ids in index order (`index` as a list or an object, else the `label` keys).
    private static func categoryIDs(_ dimension: [String: Any]) -> [String]? {
        guard let category = dimension["category"] as? [String: Any] else { return nil }
        if let list = category["index"] as? [String] { return list }
        if let map = category["index"] as? [String: Any] {
            var ids = [String?](repeating: nil, count: map.count)
            for (id, position) in map {
                guard let p = int(position), p >= 0, p < ids.count else { return nil }
                ids[p] = id
            }
            return ids.allSatisfy { $0 != nil } ? ids.map { $0! } : nil
        }
        if let labels = category["label"] as? [String: Any], labels.count == 1 { return Array(labels.keys) }
        return nil
    }

    private static func cellValues(_ value: Any?, count: Int, location: SourceLocation) throws -> [Double?] {
        if let list = value as? [Any] {
            guard list.count == count else {
                throw Diagnostic(location, "JSON-stat 'value' has \(list.count) cells, the dimensions give \(count)")
            }
            return list.map { ($0 as? NSNumber)?.doubleValue }
        }
        if let sparse = value as? [String: Any] {
            var out = [Double?](repeating: nil, count: count)
            for (k, v) in sparse { if let i = Int(k), i >= 0, i < count { out[i] = (v as? NSNumber)?.doubleValue } }
            return out
        }
        throw Diagnostic(location, "JSON-stat dataset without 'value'")
    }

    private static func cellStatus(_ status: Any?, count: Int) -> [String?] {
        if let list = status as? [Any] {
            if list.count == 1, let s = list[0] as? String { return Array(repeating: s, count: count) }
            return (0..<count).map { $0 < list.count ? list[$0] as? String : nil }
        }
        if let sparse = status as? [String: Any] {
            var out = [String?](repeating: nil, count: count)
            for (k, v) in sparse { if let i = Int(k), i >= 0, i < count { out[i] = v as? String } }
            return out
        }
        if let s = status as? String { return Array(repeating: s, count: count) }
        return Array(repeating: nil, count: count)
    }
}
