/// A problem with the store, kept as a value with its context.
///
/// ``kind`` is what code branches on: SQLite failures keep SQLite's (extended) result code and
/// the SQL that failed, as GRDB's `DatabaseError` does; a run lock held by another run carries
/// the holder's pid; a lock file that cannot be opened or locked is a case of its own, so it is
/// never mistaken for a held lock. ``message`` is for people.
///
/// Rendered as `.apen/store.sqlite: database is locked (SQLite 5) in: BEGIN IMMEDIATE`.
package struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is.
    package enum Kind: Sendable, Hashable {
        /// SQLite reported it: the extended result code, and the statement when there was one.
        case sqlite(code: Int32, sql: String?)
        /// Another run holds the store's run lock; its pid as written in the lock file, if readable.
        case lockHeld(pid: Int32?)
        /// The run lock's file could not be opened or locked (`errno`): permissions, a full disk, ….
        case lockUnavailable(errno: Int32)
        /// No store file where one must already exist (a command that only reads).
        case missing
        /// The file was written by a newer Åpen (its schema version).
        case newerSchema(version: Int)
        /// Any other problem: a run that is not running, a value the store refuses, ….
        case other
    }

    /// The store file (or its lock file) the error is about.
    package var path: String
    /// What went wrong, for people.
    package var message: String
    package var kind: Kind

    package init(path: String, message: String, kind: Kind = .other) {
        self.path = path
        self.message = message
        self.kind = kind
    }

    /// SQLite's extended result code, when SQLite reported the error.
    package var sqliteCode: Int32? {
        if case .sqlite(let code, _) = kind { return code }
        return nil
    }

    /// The statement that failed, when there was one.
    package var sql: String? {
        if case .sqlite(_, let sql) = kind { return sql }
        return nil
    }

    package var description: String {
        var s = "\(path): \(message)"
        if let code = sqliteCode { s += " (SQLite \(code))" }
        if let sql { s += " in: \(sql)" }
        return s
    }
}
