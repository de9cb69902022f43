import Foundation
import Testing

@testable import Store

/// Opening, migrating and checking a store.
struct StoreTests {
    @Test func migratesAnEmptyFileToTheCurrentSchema() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("nested/.apen/store.sqlite")  // folders are created
        let store = try Store(path: path)
        #expect(Store.schemaVersion == 2)
        #expect(try store.currentSchemaVersion() == 2)
        let tables = try store.withDatabase { db in
            let s = try db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            var names: [String] = []
            while try s.step() { names.append(s.text(0)) }
            return names
        }
        #expect(
            tables == [
                "file_hashes", "kept_tables", "rejected_rows", "results", "run_inputs", "run_stages", "runs",
                "schema_version", "stage_outputs",
            ])
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func reopeningDoesNotMigrateAgain() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("store.sqlite")
        let id = try Store(path: path).beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        let again = try Store(path: path)
        #expect(try again.currentSchemaVersion() == 2)
        #expect(try again.run(id: id)?.status == .running)
        let rows = try again.withDatabase { try $0.scalarInt("SELECT count(*) FROM schema_version") }
        #expect(rows == 2)
    }

    @Test func refusesAStoreFromANewerApen() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("store.sqlite")
        try Store(path: path).withDatabase { db in
            try db.execute("INSERT INTO schema_version(version, description) VALUES (99, 'from the future')")
        }
        #expect {
            _ = try Store(path: path)
        } throws: { error in
            "\(error)".contains("schema version 99, newer than this apen understands (2)")
        }
    }

    @Test func readOnlyCommandsDoNotCreateAStore() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("typo/store.sqlite")
        #expect {
            _ = try Store(path: path, createIfMissing: false)
        } throws: { error in
            "\(error)" == path + ": no store here (it is created by the first `apen run`)"
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        _ = try Store(path: path)
        #expect(try Store(path: path, createIfMissing: false).currentSchemaVersion() == 2)
    }

    /// Two connections (two processes, in effect) writing at once: BEGIN IMMEDIATE plus the busy
    /// timeout serialise them, and no write is lost.
    @Test func twoConnectionsWriteWithoutLosingRuns() async throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("store.sqlite")
        let stores = [try Store(path: path), try Store(path: path)]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (i, store) in stores.enumerated() {
                group.addTask {
                    for _ in 0..<25 {
                        _ = try store.beginRun(pipeline: "p\(i)", started: Sample.started, toolVersion: "v")
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try stores[0].history(pipeline: "p0").count == 25)
        #expect(try stores[0].history(pipeline: "p1").count == 25)
        #expect(try stores[1].integrityCheck() == ["ok"])
    }

    /// Opening a current store needs no write lock: it works while another connection holds one.
    @Test func openingACurrentStoreDoesNotWaitForWriters() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("store.sqlite")
        let id = try Store(path: path).beginRun(pipeline: "p", started: Sample.started, toolVersion: "v")
        let writer = try Database(path: path, busyTimeoutMilliseconds: 0)
        try writer.execute("BEGIN IMMEDIATE")
        try writer.execute("DELETE FROM runs")
        let started = Date()
        let reader = try Store(path: path)
        #expect(Date().timeIntervalSince(started) < 5)  // not the 10 s busy timeout
        #expect(try reader.run(id: id)?.pipeline == "p")  // the uncommitted delete is not visible
        try writer.execute("ROLLBACK")
    }
}
