import ApenCore

extension Table {
    /// This table followed by the rows of `other` (same source kind and columns).
    ///
    /// Text dictionaries are merged deterministically: this table's codes are kept, and values
    /// new in `other` get the next codes in `other`'s dictionary order. Appending the chunks
    /// `Ingestor.read` delivers, in order, therefore gives exactly the `Table` that one
    /// whole-file read builds (codes in first-seen order).
    ///
    /// ```swift
    /// var whole: Table?
    /// _ = try Ingestor.read(options, chunkRows: 10_000) { whole = whole?.appending($0) ?? $0 }
    /// ```
    /// - Precondition: both tables have the same column names and types.
    /// - Complexity: O(rows of `other` + dictionary of `other`).
    public func appending(_ other: Table) -> Table {
        precondition(Set(columns.keys) == Set(other.columns.keys), "appending a table with other columns")
        var result = self
        result.rowCount = rowCount + other.rowCount
        for (name, column) in columns {
            switch (column, other.columns[name]!) {
            case (.number(var a), .number(let b)):
                a.append(contentsOf: b)
                result.columns[name] = .number(a)
            case (.date(var a), .date(let b)):
                a.append(contentsOf: b)
                result.columns[name] = .date(a)
            case (.text(var a), .text(let b)):
                var index: [String: Int32] = [:]
                index.reserveCapacity(a.dictionary.count)
                for (code, value) in a.dictionary.enumerated() { index[value] = Int32(code) }
                var remap = [Int32](repeating: -1, count: b.dictionary.count)
                for (code, value) in b.dictionary.enumerated() {
                    if let existing = index[value] {
                        remap[code] = existing
                    } else {
                        let new = Int32(a.dictionary.count)
                        a.dictionary.append(value)
                        index[value] = new
                        remap[code] = new
                    }
                }
                a.codes.reserveCapacity(a.codes.count + b.codes.count)
                for c in b.codes { a.codes.append(c < 0 ? -1 : remap[Int(c)]) }
                result.columns[name] = .text(a)
            default:
                preconditionFailure("column '\(name)' has different types")
            }
        }
        return result
    }
}
