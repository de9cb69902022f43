import ApenCore

/// "Did you mean" suggestions by edit distance, for unknown column names.
enum CustomDidYouMean {
    /// `unknown column 'acess'; did you mean 'access'? (columns: access, municipality, …)`.
    static func unknown<S: Sequence>(_ what: String, _ name: String, among candidates: S) -> String
    where S.Element == String {
        let sorted = candidates.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var message = "unknown \(what) '\(name)'"
        if let best = suggestion(for: name, among: sorted) { message += "; did you mean '\(best)'?" }
        if !sorted.isEmpty { message += " (\(what)s: \(sorted.joined(separator: ", ")))" }
        return message
    }

    /// The closest candidate within an edit distance of max(2, ⌊length/3⌋), ties → first in order.
    static func suggestion(for name: String, among sorted: [String]) -> String? {
        let limit = max(2, name.count / 3)
        var best: (String, Int)?
        for c in sorted {
            let d = distance(name.lowercased(), c.lowercased())
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    /// Levenshtein distance over characters.

    /// Levenshtein distance (the project's one implementation, in ApenCore).
    static func distance(_ a: String, _ b: String) -> Int { EditDistance.between(a, b) }
}
