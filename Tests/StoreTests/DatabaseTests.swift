import Foundation
import Testing

@testable import Store

struct DatabaseTests {
    @Test func connectionSettings() throws {
        let dir = try TemporaryDirectory()
        let db = try Database(path: dir.file("x.sqlite"))
        #expect(try db.scalarText("PRAGMA journal_mode") == "wal")
        #expect(try db.scalarInt("PRAGMA foreign_keys") == 1)
        #expect(try db.scalarInt("PRAGMA busy_timeout") == 10_000)
    }

    @Test func errorsCarryCodeMessageAndSQL() throws {
        let dir = try TemporaryDirectory()
        let db = try Database(path: dir.file("x.sqlite"))
        do {
            try db.execute("SELECT * FROM no_such_table")
            Issue.record("expected an error")
        } catch let e as StoreError {
            #expect(e.sqliteCode == 1)  // SQLITE_ERROR
            #expect(e.message.contains("no such table: no_such_table"))
            #expect(e.sql == "SELECT * FROM no_such_table")
            #expect(e.description.hasPrefix(dir.file("x.sqlite") + ": "))
        }
    }

    @Test func transactionRollsBackWhenTheBodyThrows() throws {
        struct Boom: Error {}
        let dir = try TemporaryDirectory()
        let db = try Database(path: dir.file("x.sqlite"))
        try db.execute("CREATE TABLE t(v INTEGER)")
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 0)
        try db.transaction { try db.execute("INSERT INTO t VALUES (2)") }
        #expect(try db.scalarInt("SELECT sum(v) FROM t") == 2)
    }

    /// Text binding handles the empty string (not NULL), non-ASCII text and NULL.
    @Test(arguments: [Optional(""), "Åpen kommune – Tromsø", "a\"b'c", nil])
    func textRoundTrip(value: String?) throws {
        let dir = try TemporaryDirectory()
        let db = try Database(path: dir.file("x.sqlite"))
        try db.execute("CREATE TABLE t(v TEXT)")
        let insert = try db.cached("INSERT INTO t VALUES (?)")
        try insert.bind(1, value)
        try insert.run()
        let read = try db.prepare("SELECT v FROM t")
        #expect(try read.step())
        #expect(read.optionalText(0) == value)
    }

    @Test func cachedStatementsAreReused() throws {
        let dir = try TemporaryDirectory()
        let db = try Database(path: dir.file("x.sqlite"))
        let a = try db.cached("SELECT 1")
        let b = try db.cached("SELECT 1")
        #expect(a === b)
    }

    @Test func notADatabaseIsAClearError() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("notes.sqlite")
        try Data(String(repeating: "this is not SQLite\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try Database(path: path)
        } throws: { error in
            let e = error as? StoreError
            return e?.sqliteCode == 26 && e?.path == path  // SQLITE_NOTADB
        }
    }
}
