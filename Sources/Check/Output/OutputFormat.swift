/// `--format`: how a check or diff is printed.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// Aligned columns for a terminal or a CI log.
    case text
    /// A GitHub-flavoured Markdown table, for a pull-request comment.
    case md
    /// One JSON object with a fixed key order, for machines.
    case json
}
