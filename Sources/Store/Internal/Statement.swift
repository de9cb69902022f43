import CSQLite

/// A prepared SQLite statement: bind parameters (1-based), step, read columns (0-based).
///
/// ```swift
/// let s = try db.prepare("SELECT value FROM results WHERE stage = ?")
/// try s.bind(1, "indicators")
/// while try s.step() { values.append(s.double(0)) }
/// ```
final class Statement {
    unowned let database: Database
    let handle: OpaquePointer
    let sql: String

    init(database: Database, handle: OpaquePointer, sql: String) {
        self.database = database
        self.handle = handle
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Resets the statement so it can run again, and clears its bindings.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    // MARK: Binding

    func bind(_ index: Int32, _ value: Int64?) throws {
        let rc = value.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index)
        try check(rc)
    }

    func bind(_ index: Int32, _ value: Int?) throws {
        try bind(index, value.map(Int64.init))
    }

    /// Binds a double as REAL. NaN would silently become NULL in SQLite, so callers check finiteness.
    func bind(_ index: Int32, _ value: Double?) throws {
        let rc = value.map { sqlite3_bind_double(handle, index, $0) } ?? sqlite3_bind_null(handle, index)
        try check(rc)
    }

    /// Binds UTF-8 text; SQLite copies the bytes (`SQLITE_TRANSIENT`).
    func bind(_ index: Int32, _ value: String?) throws {
        guard var text = value else {
            try check(sqlite3_bind_null(handle, index))
            return
        }
        let rc = text.withUTF8 { bytes -> Int32 in
            // An empty buffer may have no base address, and a NULL pointer would bind NULL, not ''.
            guard let base = bytes.baseAddress, bytes.count > 0 else {
                return sqlite3_bind_text(handle, index, "", 0, apen_sqlite_transient())
            }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), apen_sqlite_transient())
            }
        }
        try check(rc)
    }

    // MARK: Stepping

    /// Advances to the next row: `true` when a row is available, `false` when done.
    /// - Throws: `StoreError` with the statement's SQL on any other result.
    @discardableResult
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = database.error(rc, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Runs a statement that returns no rows, then resets it (keeping bindings).
    func run() throws {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    // MARK: Columns

    /// Number of columns in the result rows.
    var columnCount: Int32 { sqlite3_column_count(handle) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }

    func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : int(column) }

    func optionalDouble(_ column: Int32) -> Double? { isNull(column) ? nil : double(column) }

    /// The column as text (`""` for NULL); see `optionalText` to tell them apart.
    func text(_ column: Int32) -> String {
        guard let p = sqlite3_column_text(handle, column) else { return "" }
        let n = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }

    private func check(_ rc: Int32) throws {
        if rc != SQLITE_OK { throw database.error(rc, sql: sql) }
    }
}
