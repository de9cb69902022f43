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
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a)
        let y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }
}
