/// A table with a header row; columns are left- or right-aligned (numbers right).
struct TableModel: Sendable {
    var caption: String?
    var header: [String]
    var rows: [[String]]
    /// `true` = right-aligned (numeric) column.
    var numeric: [Bool]
    /// Rows to emphasise (focus municipalities), by index.
    var emphasised: Set<Int> = []
    /// Cells that are links: (row, column) → href.
    var links: [Cell: String] = [:]

    struct Cell: Hashable, Sendable {
        var row: Int
        var column: Int
    }

    init(caption: String? = nil, header: [String], rows: [[String]], numeric: [Bool]? = nil) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.numeric = numeric ?? header.indices.map { $0 > 0 }
    }
}
