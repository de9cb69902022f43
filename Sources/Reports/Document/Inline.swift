/// Inline text: plain, code (ids, hashes, paths) or a relative link.
enum Inline: Sendable, Hashable {
    case text(String)
    case code(String)
    case link(String, href: String)
    case strong(String)
}
