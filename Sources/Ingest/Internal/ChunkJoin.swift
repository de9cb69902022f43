import ApenCore

/// Builds the table of a parallel read from its ranges' pieces, in file order, giving exactly
/// the table a single read builds.
///
/// Text cells arrive as bytes (`RawTextColumn`) and are interned here, in file order, with
/// one `ByteInterner` per column kept across all ranges — the same interning, by bytes and in
/// first-seen order, that `RowProcessor` does in a single read. Fixed text columns arrive as
/// ordinary `TextColumn`s and are re-coded through the same interner. Columns are independent,
/// so each `append` works on up to `jobs` columns at once.
struct ChunkJoin {
    /// One column being built.
    struct Builder {
        var type: ColumnType
        var interner = ByteInterner()
        var codes: [Int32] = []
        var numbers: [Double] = []
        var dates: [Int32] = []

        mutating func append(_ piece: Column, raw: RawTextColumn?, decode: (UnsafeBufferPointer<UInt8>) -> String) {
            switch piece {
            case .number(let v): numbers.append(contentsOf: v)
            case .date(let v): dates.append(contentsOf: v)
            case .text(let t):
                if let raw {
                    // Reserved geometrically: an exact reservation per range would copy every
                    // code so far each time (quadratic in the number of ranges).
                    let needed = codes.count + raw.lengths.count
                    if codes.capacity < needed { codes.reserveCapacity(max(needed, 2 * codes.capacity)) }
                    var interner = self.interner
                    self.interner = ByteInterner()  // moved out, so it stays uniquely referenced
                    var local: [Int32] = []
                    local.reserveCapacity(raw.lengths.count)
                    raw.forEach { cell in
                        local.append(cell.map { interner.code($0, decode: decode) } ?? -1)
                    }
                    self.interner = interner
                    codes.append(contentsOf: local)
                } else {
                    var remap: [Int32] = []
                    for value in t.dictionary {
                        var bytes = value
                        remap.append(bytes.withUTF8 { interner.code($0, decode: { _ in value }) })
                    }
                    for c in t.codes { codes.append(c < 0 ? -1 : remap[Int(c)]) }
                }
            }
        }

        func finish() -> Column {
            switch type {
            case .number: return .number(numbers)
            case .date: return .date(dates)
            case .text: return .text(TextColumn(codes: codes, dictionary: interner.dictionary))
            }
        }
    }

    let source: String
    let kind: SourceKind
    let codec: TextCodec
    private(set) var rowCount = 0
    private var started = false
    private var names: [String] = []
    /// One box per column: a worker appends to its columns in place, under each box's lock
    /// (uncontended: each column is one worker's in an `append`).
    private var builders: [Locked<Builder>] = []

    init(source: String, kind: SourceKind, codec: TextCodec) {
        self.source = source
        self.kind = kind
        self.codec = codec
    }

    /// Appends a range's rows: its table, whose file text columns are empty, and their bytes.
    /// - Precondition: every piece has the first piece's columns and types.
    mutating func append(_ piece: Table, raw: [String: RawTextColumn], jobs: Int) {
        if !started {
            started = true
            names = piece.columns.keys.sorted()
            builders = names.map { Locked(Builder(type: piece.columns[$0]!.type)) }
        }
        precondition(Set(piece.columns.keys) == Set(names), "joining tables with other columns")
        rowCount += piece.rowCount
        let builders = self.builders
        let names = self.names
        let codec = self.codec
        _ = Parallel.map(count: names.count, jobs: jobs) { i in
            builders[i].withLock { $0.append(piece.columns[names[i]]!, raw: raw[names[i]], decode: codec.decode) }
        }
    }

    /// The joined table.
    func finish() -> Table {
        var table = Table(source: source, kind: kind, rowCount: rowCount)
        for (name, builder) in zip(names, builders) { table.columns[name] = builder.withLock { $0.finish() } }
        return table
    }
}
