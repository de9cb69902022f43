import ApenCore
import Foundation

extension Store {
    /// The name of the table that keeps the rows of `source`: `rows_<source>`.
    package static func keptTableName(source: String) -> String { "rows_" + source }

    /// Keeps the validated rows of one source in the typed table `rows_<source>`, replacing
    /// what an earlier run kept, in its own transaction.
    ///
    /// Text columns become TEXT, numbers REAL, dates ISO `yyyy-MM-dd` TEXT (readable in the
    /// `sqlite3` shell and sortable as text); missing cells are NULL. Columns come in the
    /// source kind's canonical order, then the other columns (survey items) by name. The
    /// pipeline normally passes kept tables to `commitRun(kept:)` instead, so they change only
    /// when the run succeeds.
    ///
    /// ```swift
    /// try store.keepRows(surveyTable, source: "survey", runID: run)
    /// // sqlite3 .apen/store.sqlite 'SELECT municipality, count(*) FROM rows_survey GROUP BY 1'
    /// ```
    /// - Throws: `StoreError` when the table's columns differ in length or SQLite fails.
    /// - Complexity: O(rows × columns), with one prepared INSERT reused for every row.
    package func keepRows(_ table: Table, source: String, runID: Int64?) throws {
        var named = table
        named.source = source
        try withDatabase { db in
            try db.transaction { try writeKept(named, runID: runID, db) }
        }
    }

    /// Column order of a kept table: canonical columns of the kind first, then the rest by name.
    static func keptColumnOrder(_ table: Table) -> [String] {
        let canonical = table.kind.requiredColumns + table.kind.optionalColumns
        let present = canonical.filter { table.columns[$0] != nil }
        let others = table.columns.keys.filter { !canonical.contains($0) }.sorted {
            $0.utf8.lexicographicallyPrecedes($1.utf8)
        }
        return present + others
    }

    /// Writes `table` (under its `source` name) as `rows_<source>` inside the caller's transaction.
    func writeKept(_ table: Table, runID: Int64?, _ db: Database) throws {
        let names = Self.keptColumnOrder(table)
        for name in names where table.columns[name]!.count != table.rowCount {
            throw StoreError(
                path: path,
                message:
                    "source '\(table.source)': column '\(name)' has \(table.columns[name]!.count) cells for \(table.rowCount) rows"
            )
        }
        let tableName = Self.keptTableName(source: table.source)
        let quotedTable = quoteIdentifier(tableName)
        let definitions = names.map { name -> String in
            let type: String
            switch table.columns[name]! {
            case .text, .date: type = "TEXT"
            case .number: type = "REAL"
            }
            return "\(quoteIdentifier(name)) \(type)"
        }
        try db.execute("DROP TABLE IF EXISTS \(quotedTable)")
        try db.execute("CREATE TABLE \(quotedTable)(\(definitions.joined(separator: ", ")))")
        if !names.isEmpty {
            let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
            let insert = try db.prepare(
                "INSERT INTO \(quotedTable)(\(names.map(quoteIdentifier).joined(separator: ", "))) VALUES (\(placeholders))"
            )
            let columns = names.map { table.columns[$0]! }
            // Each date is formatted once per distinct day value seen (dates repeat a lot).
            var dayText: [Int32: String] = [:]
            for row in 0..<table.rowCount {
                for (i, column) in columns.enumerated() {
                    let index = Int32(i + 1)
                    switch column {
                    case .text(let t):
                        try insert.bind(index, t[row])
                    case .number(let v):
                        try insert.bind(index, v[row].isNaN ? nil : v[row])
                    case .date(let d):
                        let raw = d[row]
                        if raw == Column.missingDay {
                            try insert.bind(index, nil as String?)
                        } else {
                            if dayText[raw] == nil { dayText[raw] = Day(raw: raw).description }
                            try insert.bind(index, dayText[raw])
                        }
                    }
                }
                try insert.run()
            }
        }
        let record = try db.cached(
            "INSERT OR REPLACE INTO kept_tables(source, table_name, run_id, row_count) VALUES (?, ?, ?, ?)")
        try record.bind(1, table.source)
        try record.bind(2, tableName)
        try record.bind(3, runID)
        try record.bind(4, table.rowCount)
        try record.run()
    }

    /// `"name"` with inner quotes doubled: safe for any source or column name.
    private func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
