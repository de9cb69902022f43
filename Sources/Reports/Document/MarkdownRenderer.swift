/// Renders blocks to CommonMark/GFM: pipe tables, figures as image links to `charts/*.svg`.
enum MarkdownRenderer {
    static func render(blocks: [Block]) -> String {
        var out: [String] = []
        for b in blocks { out += block(b) }
        return out.joined(separator: "\n\n") + "\n"
    }

    static func block(_ b: Block) -> [String] {
        switch b {
        case .heading(let level, let text, _):
            return [String(repeating: "#", count: level) + " " + escape(text)]
        case .paragraph(let parts):
            return [inline(parts)]
        case .note(let parts):
            return ["*" + inline(parts) + "*"]
        case .list(let items):
            return [items.map { "- " + inline($0) }.joined(separator: "\n")]
        case .figure(let chart):
            return ["![\(escape(chart.title))](charts/\(chart.slug).svg)\n\n*\(escape(chart.description))*"]
        case .section(_, let blocks):
            return blocks.flatMap(block)
        case .contents:
            return []
        case .table(let t):
            var lines: [String] = []
            if let c = t.caption { lines.append("**" + escape(c) + "**\n") }
            lines.append("| " + t.header.map(cell).joined(separator: " | ") + " |")
            lines.append(
                "|"
                    + t.header.indices.map { j in j < t.numeric.count && t.numeric[j] ? "---:" : ":---" }.joined(
                        separator: "|") + "|")
            for (i, row) in t.rows.enumerated() {
                let cells = row.enumerated().map { j, c -> String in
                    var s = cell(c)
                    if let href = t.links[TableModel.Cell(row: i, column: j)] { s = "[\(s)](\(href))" }
                    return t.emphasised.contains(i) && !s.isEmpty ? "**\(s)**" : s
                }
                lines.append("| " + cells.joined(separator: " | ") + " |")
            }
            return [lines.joined(separator: "\n")]
        }
    }

    static func inline(_ parts: [Inline]) -> String {
        parts.map { p in
            switch p {
            case .text(let s): return escape(s)
            case .strong(let s): return "**" + escape(s) + "**"
            case .code(let s): return "`" + s.replacingOccurrences("`", "'") + "`"
            case .link(let s, let href): return "[\(escape(s))](\(href.replacingOccurrences(" ", "%20")))"
            }
        }.joined()
    }

    /// Escapes characters Markdown would read as markup.
    ///
    /// Works on Unicode scalars: `"\r\n"` is one `Character`, and so is `|` followed by a
    /// combining mark, so a character loop let both through and broke table rows.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "#", "|": out += "\\" + String(ch)
            case "\n", "\r": out += " "
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// A table cell: escaped, on one line.
    static func cell(_ s: String) -> String { escape(s) }
}
