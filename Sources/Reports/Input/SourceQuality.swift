/// How much of one source was usable (METHODS.md §7), for the report's data-quality section.
public struct SourceQuality: Sendable, Hashable {
    /// The source's name in the pipeline (`survey`).
    public var name: String
    /// The input file, as the report should show it (relative to the project is best).
    public var file: String
    /// Data rows read (header excluded).
    public var rowsRead: Int
    public var accepted: Int
    public var rejected: Int
    /// The rejected-rows file, relative to the report folder (a link); `nil` when none was written.
    public var rejectedRowsFile: String?
    /// Accepted rows per municipality and year.
    public var coverage: [Coverage]

    public init(
        name: String, file: String, rowsRead: Int, accepted: Int, rejected: Int,
        rejectedRowsFile: String? = nil, coverage: [Coverage] = []
    ) {
        self.name = name
        self.file = file
        self.rowsRead = rowsRead
        self.accepted = accepted
        self.rejected = rejected
        self.rejectedRowsFile = rejectedRowsFile
        self.coverage = coverage
    }
}
