/// A rejected input row (METHODS.md §7): where it was, which field, why, and its raw text.
///
/// Store does not depend on Ingest; the pipeline converts Ingest's rejected rows to these.
public struct RejectedRecord: Sendable, Hashable, Codable {
    /// The pipeline's source name.
    public var source: String
    /// The file's path as the pipeline resolved it.
    public var file: String
    /// The physical line on which the record starts (header = line 1).
    public var line: Int
    /// The canonical column at fault, when one is.
    public var field: String?
    /// Why, for people (`"abc" is not a number`).
    public var reason: String
    /// The record as read (raw text).
    public var record: String

    public init(source: String, file: String, line: Int, field: String? = nil, reason: String, record: String) {
        self.source = source
        self.file = file
        self.line = line
        self.field = field
        self.reason = reason
        self.record = record
    }
}
