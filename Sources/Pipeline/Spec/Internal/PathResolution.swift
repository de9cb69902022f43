/// Paths in a pipeline file are relative to the file's folder; this joins and tidies them.
///
/// The join is lexical (no file-system access, symbolic links kept): `.` parts are dropped
/// and `name/..` pairs cancel, so `pipelines/p.yaml` + `../data/s.csv` gives `data/s.csv`.
/// An absolute path is kept as written; a relative pipeline path gives a relative result.
///
/// ```swift
/// PathResolution.resolve("../data/s.csv", relativeToFile: "pipelines/p.yaml")  // "data/s.csv"
/// ```
enum PathResolution {
    static func resolve(_ path: String, relativeToFile file: String) -> String {
        if path.hasPrefix("/") { return normalise(path) }
        let folder = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        if folder.isEmpty { return normalise(file.hasPrefix("/") ? "/" + path : path) }
        return normalise(folder + "/" + path)
    }

    static func normalise(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue  // `/..` is `/`
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
