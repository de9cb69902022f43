import ApenCore
import Dispatch

/// Joins the tables of consecutive ranges of one file into the table a single read builds.
///
/// Text codes are re-given in first-seen order over the ranges, by the values' bytes — the
/// way `RowProcessor` interns cells, so two values that differ in bytes stay two values even
/// when Swift's `String ==` (canonical equivalence) would call them equal. The index is a
/// `ByteInterner` (no `String` hashing, no new strings: each value keeps the range's
/// `String`). Columns are independent, so they are joined on up to `jobs` workers.
enum ChunkJoin {
    /// - Precondition: `tables` is not empty; all have the same kind, columns and types.
    static func join(_ tables: [Table], jobs: Int) -> Table {
        precondition(!tables.isEmpty, "joining no tables")
        if tables.count == 1 { return tables[0] }
        let first = tables[0]
        let names = first.columns.keys.sorted()
        for t in tables.dropFirst() {
            precondition(t.kind == first.kind && Set(t.columns.keys) == Set(names), "joining tables with other columns")
        }
        let joined = Slots<Column>(count: names.count)
        let workers = max(1, min(jobs, names.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var i = worker
            while i < names.count {
                joined.set(i, joinColumn(tables.map { $0.columns[names[i]]! }))
                i += workers
            }
        }
        var result = Table(source: first.source, kind: first.kind, rowCount: tables.reduce(0) { $0 + $1.rowCount })
        for (name, column) in zip(names, joined.values()) { result.columns[name] = column! }
        return result
    }

    /// One column's pieces, in order, as one column.
    static func joinColumn(_ pieces: [Column]) -> Column {
        let total = pieces.reduce(0) { $0 + $1.count }
        switch pieces[0] {
        case .number:
            var all: [Double] = []
            all.reserveCapacity(total)
            for case .number(let v) in pieces { all.append(contentsOf: v) }
            precondition(all.count == total, "column types differ")
            return .number(all)
        case .date:
            var all: [Int32] = []
            all.reserveCapacity(total)
            for case .date(let v) in pieces { all.append(contentsOf: v) }
            precondition(all.count == total, "column types differ")
            return .date(all)
        case .text:
            var interner = ByteInterner()
            var codes: [Int32] = []
            codes.reserveCapacity(total)
            for case .text(let piece) in pieces {
                var remap: [Int32] = []
                remap.reserveCapacity(piece.dictionary.count)
                for value in piece.dictionary {
                    var bytes = value
                    let code = bytes.withUTF8 { interner.code($0, decode: { _ in value }) }
                    remap.append(code)
                }
                remap.withUnsafeBufferPointer { map in
                    for c in piece.codes { codes.append(c < 0 ? -1 : map[Int(c)]) }
                }
            }
            precondition(codes.count == total, "column types differ")
            return .text(TextColumn(codes: codes, dictionary: interner.dictionary))
        }
    }
}
