/// `--format`: how a check or diff is printed.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// Aligned columns for a terminal or a CI log.
    case text
    /// A GitHub-flavoured Markdown table, for a pull-request comment.
    case md
    /// One JSON object with a fixed key order, for machines.
    case json
    /// JUnit XML: one test case per indicator, for CI test-report views (GitLab, Jenkins, …).
    case junit
    /// GitHub Actions workflow commands: an error or warning annotation per row that needs one.
    case github
}
