import ApenCore
import Foundation
import Testing

@testable import Store

/// Typed `rows_<source>` tables.
struct StoreKeptRowsTests {
    /// A three-row survey table: text with a missing cell, numbers with NaN, an item column.
    static func surveyTable() -> Table {
        Table(
            source: "survey", kind: .survey, rowCount: 3,
            columns: [
                "q2": .number([4, 5, .nan]),
                "municipality": .text(TextColumn(codes: [0, 1, 0], dictionary: ["5001", "0301"])),
                "year": .number([2019, 2019, 2020]),
                "respondent_id": .text(TextColumn(codes: [0, -1, 1], dictionary: ["r1", "r3"])),
                "q10": .number([1, 2, 3]),
            ])
    }

    func dump(_ store: Store, _ sql: String) throws -> [[String]] {
        try store.withDatabase { db in
            let s = try db.prepare(sql)
            var rows: [[String]] = []
            while try s.step() {
                let n = Int(s.columnCount)
                rows.append((0..<n).map { s.optionalText(Int32($0)) ?? "NULL" })
            }
            return rows
        }
    }

    @Test func survey() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        let run = try store.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        try store.keepRows(Self.surveyTable(), source: "survey", runID: run)
        // Canonical columns first (municipality, year, respondent_id), then items by name.
        let columns = try dump(store, "SELECT name, type FROM pragma_table_info('rows_survey') ORDER BY cid")
        #expect(
            columns == [
                ["municipality", "TEXT"], ["year", "REAL"], ["respondent_id", "TEXT"], ["q10", "REAL"], ["q2", "REAL"],
            ])
        let rows = try dump(
            store, "SELECT municipality, year, respondent_id, q10, q2 FROM rows_survey ORDER BY rowid")
        #expect(
            rows == [
                ["5001", "2019.0", "r1", "1.0", "4.0"],
                ["0301", "2019.0", "NULL", "2.0", "5.0"],
                ["5001", "2020.0", "r3", "3.0", "NULL"],
            ])
        #expect(
            try dump(store, "SELECT source, table_name, run_id, row_count FROM kept_tables") == [
                ["survey", "rows_survey", "\(run)", "3"]
            ])
    }

    /// Dates as ISO text; replacing drops the old rows; odd source names are quoted.
    @Test func datesAndReplacement() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        // 2019-02-28 is day 17955: 49 years × 365 + 12 leap days (1972…2016) + 31 + 27 = 17885 + 12 + 58.
        let day = Day(year: 2019, month: 2, day: 28)!
        #expect(day.raw == 17955)
        let table = Table(
            source: "x", kind: .accessRequests, rowCount: 2,
            columns: [
                "municipality": .text(TextColumn(codes: [0, 0], dictionary: ["5001"])),
                "received": .date([17955, 0]),
                "answered": .date([17957, Column.missingDay]),
            ])
        try store.keepRows(table, source: "innsyn \"2019\"", runID: nil)
        let rows = try dump(
            store, "SELECT municipality, received, answered FROM \"rows_innsyn \"\"2019\"\"\" ORDER BY rowid")
        #expect(rows == [["5001", "2019-02-28", "2019-03-02"], ["5001", "1970-01-01", "NULL"]])

        var smaller = table
        smaller.rowCount = 1
        smaller.columns = [
            "municipality": .text(TextColumn(codes: [0], dictionary: ["0301"])), "received": .date([0]),
        ]
        try store.keepRows(smaller, source: "innsyn \"2019\"", runID: nil)
        #expect(try dump(store, "SELECT * FROM \"rows_innsyn \"\"2019\"\"\"") == [["0301", "1970-01-01"]])
    }

    @Test func keptTablesCommitWithTheRunOnly() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        let run = try store.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        #expect(throws: StoreError.self) {
            try store.commitRun(
                run, finished: Sample.finished, stages: [StageRecord(stage: "s", key: "k", action: .skipped)],
                outputs: [], inputs: [], rejected: [], counts: RunCounts(rowsRead: 3, rowsRejected: 0, indicators: 0),
                kept: [Self.surveyTable()])
        }
        #expect(try dump(store, "SELECT name FROM sqlite_master WHERE name = 'rows_survey'").isEmpty)
        try store.commitRun(
            run, finished: Sample.finished, stages: [], outputs: [], inputs: [], rejected: [],
            counts: RunCounts(rowsRead: 3, rowsRejected: 0, indicators: 0), kept: [Self.surveyTable()])
        #expect(try dump(store, "SELECT count(*) FROM rows_survey") == [["3"]])
    }

    @Test func ragged() throws {
        let dir = try TemporaryDirectory()
        let store = try Store(path: dir.file("store.sqlite"))
        let table = Table(source: "p", kind: .population, rowCount: 2, columns: ["population": .number([1])])
        #expect {
            try store.keepRows(table, source: "p", runID: nil)
        } throws: { error in
            "\(error)".contains("column 'population' has 1 cells for 2 rows")
        }
    }
}
