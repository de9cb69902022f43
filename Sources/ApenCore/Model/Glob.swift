/// Glob patterns over indicator ids: `*` matches any run of characters (dots included),
/// `?` one character; everything else matches itself. `survey.*` selects every survey indicator.
package struct Glob: Sendable, Hashable, CustomStringConvertible {
    package let pattern: String
    private let chars: [Character]

    package init(_ pattern: String) {
        self.pattern = pattern
        self.chars = Array(pattern)
    }

    package var description: String { pattern }

    /// True when the pattern has no wildcard.
    package var isLiteral: Bool { !chars.contains("*") && !chars.contains("?") }

    /// Number of literal (non-wildcard) characters: a longer literal part is more specific.
    package var specificity: Int { chars.filter { $0 != "*" && $0 != "?" }.count }

    /// Whether `text` matches the whole pattern.
    /// - Complexity: O(pattern × text) worst case (iterative backtracking on the last `*`).
    package func matches(_ text: String) -> Bool {
        let t = Array(text)
        var p = 0
        var s = 0
        var star = -1
        var mark = 0
        while s < t.count {
            if p < chars.count, chars[p] == "?" || chars[p] == t[s] {
                p += 1
                s += 1
            } else if p < chars.count, chars[p] == "*" {
                star = p
                mark = s
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                s = mark
            } else {
                return false
            }
        }
        while p < chars.count, chars[p] == "*" { p += 1 }
        return p == chars.count
    }
}
