import ApenCore

/// Joins the chunks of `Ingestor.read`, in order, into one table — in place, so keeping the
/// rows of a large file costs O(rows) in all, not O(rows × chunks).
///
/// Text dictionaries are merged deterministically: codes already given are kept, and values
/// new in a chunk get the next codes in that chunk's dictionary order. Since every chunk's
/// dictionary is in first-seen order, the result is exactly the table `Ingestor.readTable`
/// builds (codes in first-seen order over the whole file). From the second chunk on, an index
/// of every text column's values is kept between appends, so each chunk costs O(its rows +
/// its dictionary).
///
/// ```swift
/// var builder = TableBuilder()
/// let summary = try Ingestor.read(options) { builder.append($0) }
/// let table = builder.table!   // `read` delivers at least one chunk
/// ```
package struct TableBuilder: Sendable {
    /// The rows appended so far; `nil` before the first chunk.
    package private(set) var table: Table?
    /// Per text column: value → code in `table`.
    private var indexes: [String: [String: Int32]] = [:]

    package init() {}

    /// Appends the rows of `chunk`.
    /// - Precondition: `chunk` has the same source kind, column names and types as the first.
    /// - Complexity: amortized O(rows of `chunk` + its dictionaries).
    package mutating func append(_ chunk: Table) {
        guard var table = self.table.take() else {
            // The value indexes are built when a second chunk comes: a single chunk (readTable)
            // never pays for hashing its dictionaries.
            self.table = chunk
            return
        }
        precondition(table.kind == chunk.kind, "appending a table of another kind")
        precondition(Set(table.columns.keys) == Set(chunk.columns.keys), "appending a table with other columns")
        table.rowCount += chunk.rowCount
        for (name, other) in chunk.columns {
            // Taken out of the dictionary so the arrays are uniquely referenced and grow in place.
            let column = table.columns.removeValue(forKey: name)!
            switch (column, other) {
            case (.number(var a), .number(let b)):
                a.append(contentsOf: b)
                table.columns[name] = .number(a)
            case (.date(var a), .date(let b)):
                a.append(contentsOf: b)
                table.columns[name] = .date(a)
            case (.text(var a), .text(let b)):
                var index = indexes.removeValue(forKey: name) ?? TableBuilder.index(a.dictionary)
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
                table.columns[name] = .text(a)
                indexes[name] = index
            default:
                preconditionFailure("column '\(name)' has different types")
            }
        }
        self.table = table
    }

    private static func index(_ dictionary: [String]) -> [String: Int32] {
        var index: [String: Int32] = [:]
        index.reserveCapacity(dictionary.count)
        for (code, value) in dictionary.enumerated() { index[value] = Int32(code) }
        return index
    }
}
