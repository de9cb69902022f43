import ApenCore
import Foundation
import Testing

@testable import Store

/// Other processes, really killed: the lock and the database recover as the kernel and SQLite promise.
/// Skipped where the tools are missing (util-linux `flock`, the `sqlite3` shell).
struct CrossProcessTests {
    static let haveFlock = FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")
    static let haveSQLite3 = FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")

    /// Polls `condition` every 20 ms for up to 10 s.
    func eventually(_ condition: () throws -> Bool) rethrows -> Bool {
        for _ in 0..<500 {
            if try condition() { return true }
            usleep(20_000)
        }
        return false
    }

    @Test(.enabled(if: haveFlock)) func lockHeldByAnotherProcessAndFreedWhenItIsKilled() throws {
        let dir = try TemporaryDirectory()
        let store = dir.file("store.sqlite")
        // `flock` takes the lock (keeping it to itself: -o), then its child writes flock's pid into
        // the lock file as apen does, and lives only as long as flock.
        let holder = try ChildProcess([
            "/usr/bin/flock", "-o", "-x", store + ".lock", "/bin/sh", "-c",
            "echo $PPID > '\(store).lock'; while kill -0 $PPID 2>/dev/null; do sleep 0.05; done",
        ])
        defer { holder.kill() }
        let ready = eventually {
            (try? String(contentsOfFile: store + ".lock", encoding: .utf8))?.hasPrefix("\(holder.pid)") == true
        }
        #expect(ready)
        var message = ""
        let blocked: Bool
        do {
            _ = try RunLock.acquire(storePath: store, wait: false)
            blocked = false
        } catch {
            message = "\(error)"
            blocked = true
        }
        #expect(blocked)
        #expect(message.contains("in use by another apen run (pid \(holder.pid))"))
        holder.kill()
        let lock = try RunLock.acquire(storePath: store, wait: false)
        #expect(lock.isHeld)
    }

    @Test(.enabled(if: haveSQLite3)) func writerKilledMidTransaction() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("store.sqlite")
        let store = try Store(path: path)
        let run = try store.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0")
        try store.commitRun(
            run, finished: Sample.finished, stages: [StageRecord(stage: "indicators", key: "k1", action: .ran)],
            outputs: [StageOutput(stage: "indicators", key: "k1", results: Sample.indicatorRows)],
            inputs: [], rejected: [], counts: RunCounts(rowsRead: 5, rowsRejected: 0, indicators: 5))
        let before = try store.runResults(run)

        // The sqlite3 shell starts a big write and waits on stdin, never committing; then it is killed.
        let writer = try ChildProcess(["/usr/bin/sqlite3", path], withStdin: true)
        defer { writer.kill() }
        let script = """
            PRAGMA cache_size = 2;
            BEGIN IMMEDIATE;
            DELETE FROM stage_outputs;
            WITH RECURSIVE i(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM i WHERE x < 5000)
            INSERT INTO rejected_rows(run_id, source, file, line, reason, record)
            SELECT \(run), 's', 'f', x, 'r', hex(randomblob(100)) FROM i;

            """
        writer.stdin?.write(Data(script.utf8))
        let walGrew = eventually {
            ((try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0) > 500_000
        }
        #expect(walGrew, "the writer should have spilled uncommitted pages to the WAL")
        writer.kill()

        let reopened = try Store(path: path)
        #expect(try reopened.integrityCheck() == ["ok"])
        let after = try reopened.runResults(run)
        #expect(after.count == before.count)
        for (a, b) in zip(after, before) { #expect(bitIdentical(a, b)) }
        #expect(try reopened.rejectedRows(run).isEmpty)
        // And the store takes new runs.
        #expect(try reopened.beginRun(pipeline: "p", started: Sample.started, toolVersion: "0.1.0") == run + 1)
    }
}
