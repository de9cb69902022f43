/// A report as a list of blocks, rendered once to HTML and once to Markdown, so the two
/// formats always say the same thing.
enum Block: Sendable {
    case heading(level: Int, text: String, anchor: String?)
    case paragraph([Inline])
    case list([[Inline]])
    case table(TableModel)
    case figure(Chart)
    /// A small print note under a table or figure.
    case note([Inline])
    /// A named group of blocks (an HTML `<section>`, nothing in Markdown).
    case section(cls: String, [Block])
}

/// Inline text: plain, code (ids, hashes, paths) or a relative link.
enum Inline: Sendable, Hashable {
    case text(String)
    case code(String)
    case link(String, href: String)
    case strong(String)
}

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
