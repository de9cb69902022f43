/// How much of one source was usable (METHODS.md §7), for the report's data-quality section.
package struct SourceQuality: Sendable, Hashable {
    /// The source's name in the pipeline (`survey`).
    package var name: String
    /// The input file, as the report should show it (relative to the project is best).
    package var file: String
    /// Data rows read (header excluded).
    package var rowsRead: Int
    package var accepted: Int
    package var rejected: Int
    /// The rejected-rows file, relative to the report folder (a link); `nil` when none was written.
    package var rejectedRowsFile: String?
    /// Accepted rows per municipality and year.
    package var coverage: [Coverage]

    package init(
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
