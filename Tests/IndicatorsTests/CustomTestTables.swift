import ApenCore

/// Builds small typed `Table`s for the custom-indicator and expression tests.
enum CustomTestTables {
    static func text(_ cells: [String?]) -> Column {
        var dictionary: [String] = []
        var index: [String: Int32] = [:]
        let codes = cells.map { cell -> Int32 in
            guard let cell else { return -1 }
            if let k = index[cell] { return k }
            index[cell] = Int32(dictionary.count)
            dictionary.append(cell)
            return Int32(dictionary.count - 1)
        }
        return .text(TextColumn(codes: codes, dictionary: dictionary))
    }

    static func number(_ cells: [Double?]) -> Column { .number(cells.map { $0 ?? .nan }) }

    static func date(_ cells: [String?]) -> Column {
        .date(
            cells.map { cell in
                guard let cell else { return Column.missingDay }
                let p = cell.split(separator: "-").map { Int($0)! }
                return Day(year: p[0], month: p[1], day: p[2])!.raw
            })
    }

    static func table(_ kind: SourceKind, _ columns: [String: Column], source: String = "src") -> Table {
        let n = columns.values.first?.count ?? 0
        precondition(columns.values.allSatisfy { $0.count == n }, "columns of different lengths")
        return Table(source: source, kind: kind, rowCount: n, columns: columns)
    }

    /// The same table with its rows in the order `permutation` (row i of the result = row permutation[i]).
    static func permuted(_ t: Table, _ permutation: [Int]) -> Table {
        var out = t
        for (name, column) in t.columns {
            switch column {
            case .text(let c):
                out.columns[name] = .text(TextColumn(codes: permutation.map { c.codes[$0] }, dictionary: c.dictionary))
            case .number(let v): out.columns[name] = .number(permutation.map { v[$0] })
            case .date(let v): out.columns[name] = .date(permutation.map { v[$0] })
            }
        }
        return out
    }
}
