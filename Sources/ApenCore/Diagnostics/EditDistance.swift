/// Levenshtein distance and "did you mean" suggestions for misspelt keys and names.
///
/// The distance counts single-character insertions, deletions and substitutions
/// (Wagner–Fischer dynamic programme over two rows).
///
/// ```swift
/// EditDistance.between("delimeter", "delimiter")              // 1
/// EditDistance.suggestion(for: "kinds", among: ["kind", "path"]) // "kind"
/// ```
package enum EditDistance {
    /// The Levenshtein distance between `a` and `b`, compared by Unicode scalar.
    /// - Complexity: O(|a| × |b|).
    package static func between(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The closest candidate when it is close enough to be a likely typo, else `nil`.
    ///
    /// Close enough: at most 2 edits, or a third of the word's length for long words, and
    /// fewer edits than either word has characters (`q` is not a typo of `e`); ties go to
    /// the earlier candidate, so suggestions are deterministic.
    package static func suggestion(for word: String, among candidates: [String]) -> String? {
        let length = word.unicodeScalars.count
        let limit = max(2, length / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let d = between(word.lowercased(), candidate.lowercased())
            if d <= limit, d < length, d < candidate.unicodeScalars.count, d < (best?.distance ?? Int.max) {
                best = (candidate, d)
            }
        }
        return best?.candidate
    }

    /// `"; did you mean 'x'?"` or the empty string.
    package static func hint(for word: String, among candidates: [String]) -> String {
        suggestion(for: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
