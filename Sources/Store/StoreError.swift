/// A problem with the store, kept as a value with its context.
///
/// SQLite failures keep SQLite's (extended) result code, its message and the SQL that failed,
/// as GRDB's `DatabaseError` does; logical problems (a run that is not running, a skipped
/// stage without a cached output, a lock held by another run) have no code.
///
/// Rendered as `.apen/store.sqlite: database is locked (SQLite 5) in: BEGIN IMMEDIATE`.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The store file (or its lock file) the error is about.
    public var path: String
    /// What went wrong, for people.
    public var message: String
    /// SQLite's extended result code, when SQLite reported the error.
    public var sqliteCode: Int32?
    /// The statement that failed, when there was one.
    public var sql: String?

    public init(path: String, message: String, sqliteCode: Int32? = nil, sql: String? = nil) {
        self.path = path
        self.message = message
        self.sqliteCode = sqliteCode
        self.sql = sql
    }

    public var description: String {
        var s = "\(path): \(message)"
        if let code = sqliteCode { s += " (SQLite \(code))" }
        if let sql { s += " in: \(sql)" }
        return s
    }
}
