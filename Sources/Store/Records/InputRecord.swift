/// One input file a run read: the pipeline's source name, the path, its SHA-256 and size.
package struct InputRecord: Sendable, Hashable, Codable {
    /// The pipeline's source name.
    package var source: String
    /// The file's path as the pipeline resolved it.
    package var path: String
    /// Lower-case hex SHA-256 of the file's bytes.
    package var sha256: String
    /// Size in bytes.
    package var size: Int64

    package init(source: String, path: String, sha256: String, size: Int64) {
        self.source = source
        self.path = path
        self.sha256 = sha256
        self.size = size
    }
}
