import CSQLite
import Foundation

/// One SQLite connection: open, execute, prepare (with a statement cache), transactions.
///
/// Not thread-safe by itself: `Store` serialises every use behind its lock, so the connection
/// is opened in SQLite's multi-thread mode (`SQLITE_OPEN_NOMUTEX`).
///
/// ```swift
/// let db = try Database(path: "store.sqlite")
/// try db.transaction {
///     let insert = try db.cached("INSERT INTO t(v) VALUES (?)")
///     for v in values { try insert.bind(1, v); try insert.run() }
/// }
/// ```
final class Database {
    let path: String
    private(set) var handle: OpaquePointer?
    private var cache: [String: Statement] = [:]

    /// Opens (creating if needed) the database file and sets the connection's pragmas:
    /// WAL journal, `synchronous=NORMAL` (durable against a killed process; a power cut may
    /// lose the last commit but never corrupts), foreign keys on, a busy timeout.
    /// - Throws: `StoreError` when the file cannot be opened or is not a database.
    init(path: String, busyTimeoutMilliseconds: Int32 = 10_000) throws {
        self.path = path
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            sqlite3_close_v2(db)
            throw StoreError(
                path: path, message: "cannot open the store: \(message)", kind: .sqlite(code: rc, sql: nil))
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        do {
            // journal_mode returns a row; it stays "memory" for in-memory databases.
            let mode = try scalarText("PRAGMA journal_mode=WAL")
            if mode != "wal" && path != ":memory:" {
                throw StoreError(path: path, message: "cannot switch the store to WAL mode (got \(mode ?? "nothing"))")
            }
            try execute("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Finalises cached statements and closes the connection. An open transaction is rolled back.
    func close() {
        cache.removeAll()
        if let handle {
            sqlite3_close_v2(handle)
            self.handle = nil
        }
    }

    /// Runs one or more statements that return no rows.
    /// - Throws: `StoreError` with SQLite's code, message and the SQL.
    func execute(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errorMessage)
            throw StoreError(
                path: path, message: message, kind: .sqlite(code: sqlite3_extended_errcode(handle), sql: sql))
        }
    }

    /// A new prepared statement, finalised when released.
    func prepare(_ sql: String) throws -> Statement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw error(rc, sql: sql)
        }
        return Statement(database: self, handle: stmt, sql: sql)
    }

    /// A prepared statement kept for reuse, reset and with its bindings cleared.
    ///
    /// Loops that insert many rows call this once and rebind per row.
    func cached(_ sql: String) throws -> Statement {
        if let s = cache[sql] {
            s.reset()
            return s
        }
        let s = try prepare(sql)
        cache[sql] = s
        return s
    }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`; rolls back and rethrows if it throws.
    ///
    /// `IMMEDIATE` takes the write lock at the start, so two writers never both read and then
    /// fail to upgrade; a second writer waits up to the busy timeout.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        let value: T
        do {
            value = try body()
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        do {
            try execute("COMMIT")
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        return value
    }

    /// Whether a transaction is open (SQLite is not in autocommit mode).
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` inside the transaction already open (see `isInTransaction`), or inside a
    /// new `BEGIN IMMEDIATE`, then commits; rolls back and rethrows if anything throws.
    func finishTransaction<T>(_ body: () throws -> T) throws -> T {
        guard isInTransaction else { return try transaction(body) }
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int { Int(sqlite3_changes(handle)) }

    /// The rowid of the last inserted row.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// The first column of the first row as text, or `nil` when there is no row or it is NULL.
    func scalarText(_ sql: String) throws -> String? {
        let s = try prepare(sql)
        return try s.step() ? s.text(0) : nil
    }

    /// The first column of the first row as an integer, or `nil`.
    func scalarInt(_ sql: String) throws -> Int64? {
        let s = try prepare(sql)
        return try s.step() ? s.int64(0) : nil
    }

    /// A `StoreError` for result code `rc` with the connection's current message.
    func error(_ rc: Int32, sql: String?) -> StoreError {
        let code = handle.map { sqlite3_extended_errcode($0) } ?? rc
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
        return StoreError(path: path, message: message, kind: .sqlite(code: code, sql: sql))
    }
}
