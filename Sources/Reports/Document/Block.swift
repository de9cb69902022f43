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
    /// Links to the level-2 sections (HTML only: Markdown viewers make their own anchors).
    case contents(title: String, [(text: String, anchor: String)])
}

/// Inline text: plain, code (ids, hashes, paths) or a relative link.
enum Inline: Sendable, Hashable {
    case text(String)
    case code(String)
    case link(String, href: String)
    case strong(String)
}
