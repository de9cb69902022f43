import ApenCore
import Foundation

/// The project's memory: every run, its inputs and stages, stage results by content key,
/// rejected rows, a file-hash cache and kept input rows, in one SQLite file.
///
/// Stage results are content-addressed: a stage's output is stored once under
/// `(stage, key)`, where the key is a digest of everything the stage depends on. A rerun whose
/// keys are unchanged records the stage as `skipped` and reads the stored rows back, so a
/// no-op rerun copies nothing. Everything a run produces is written by `commitRun` in one
/// transaction: a failed or killed run leaves earlier data and results as they were.
///
/// ```swift
/// let store = try Store(path: ".apen/store.sqlite")
/// let lock = try store.acquireRunLock(wait: false)
/// defer { lock.release() }
/// try store.markInterruptedRuns(finished: now)
/// let run = try store.beginRun(pipeline: "trondheim", started: now, toolVersion: ApenVersion.string)
/// if try store.lastSuccessfulKey(pipeline: "trondheim", stage: "indicators") == key,
///    try store.hasOutput(stage: "indicators", key: key) {
///     rows = try store.results(stage: "indicators", key: key)       // skipped
/// }
/// try store.commitRun(run, finished: later, stages: stages, outputs: outputs,
///                     inputs: inputs, rejected: rejected, counts: counts)
/// ```
///
/// The schema is described in docs/store.md.
// @unchecked Sendable: the one SQLite connection and the counters are only touched under `lock`.
package final class Store: @unchecked Sendable {
    /// The schema version this build writes; a store at a higher version is refused.
    package static let schemaVersion: Int = Migrations.all.last!.version

    /// The store file's path, as given.
    package let path: String

    let lock = NSLock()
    let database: Database
    /// How many files `sha256(ofFile:)` actually read (cache misses); guarded by `lock`.
    var hashComputationCount = 0

    /// How many files `sha256(ofFile:)` actually read (cache misses), e.g. for `--verbose`.
    package var hashComputations: Int {
        lock.lock()
        defer { lock.unlock() }
        return hashComputationCount
    }

    /// Opens the store at `path`, creating its folder and file, and migrates it to `schemaVersion`.
    ///
    /// - Parameter createIfMissing: `false` for commands that only read (`apen history`), so a
    ///   mistyped `--store` path is an error instead of a new empty store.
    /// - Throws: `StoreError` when the file is missing (and `createIfMissing` is false), cannot
    ///   be created or opened, is not an SQLite database, or was written by a newer Åpen (its
    ///   schema version is higher than ours).
    package init(path: String, createIfMissing: Bool = true) throws {
        self.path = path
        if !createIfMissing, !FileManager.default.fileExists(atPath: path) {
            throw StoreError(
                path: path, message: "no store here (it is created by the first `apen run`)", kind: .missing)
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError(
                path: path, message: "cannot create the store's folder \(folder): \(error.localizedDescription)")
        }
        database = try Database(path: path)
        try migrate()
    }

    /// Runs `body` with the connection, holding the store's lock.
    func withDatabase<T>(_ body: (Database) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(database)
    }

    /// The schema version the file is at (0 for a file without the `schema_version` table).
    package func currentSchemaVersion() throws -> Int {
        try withDatabase { db in try Self.version(of: db) }
    }

    static func version(of db: Database) throws -> Int {
        let exists =
            try db.scalarInt(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'") ?? 0
        guard exists > 0 else { return 0 }
        return Int(try db.scalarInt("SELECT max(version) FROM schema_version") ?? 0)
    }

    /// Applies the migrations the file lacks, in order, in one `BEGIN IMMEDIATE` transaction
    /// (two processes opening a new store at once apply them once).
    ///
    /// A store already at the current version is only read, so opening it never waits for the
    /// write lock of a run that is committing (`apen history` during `apen run`).
    private func migrate() throws {
        try withDatabase { db in
            let found = try Self.version(of: db)
            if found == Self.schemaVersion { return }
            if found > Self.schemaVersion { throw newerSchema(found) }
            try db.transaction {
                try db.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER PRIMARY KEY, description TEXT NOT NULL)")
                let current = try Self.version(of: db)
                if current > Self.schemaVersion { throw newerSchema(current) }
                for migration in Migrations.all where migration.version > current {
                    try db.execute(migration.sql)
                    let record = try db.prepare("INSERT INTO schema_version(version, description) VALUES (?, ?)")
                    try record.bind(1, migration.version)
                    try record.bind(2, migration.description)
                    try record.run()
                }
            }
        }
    }

    private func newerSchema(_ version: Int) -> StoreError {
        StoreError(
            path: path,
            message:
                "the store is at schema version \(version), newer than this apen understands (\(Self.schemaVersion)); use a newer apen or another store",
            kind: .newerSchema(version: version))
    }

    /// SQLite's `PRAGMA integrity_check`: `["ok"]` for a sound file, otherwise the problems found.
    package func integrityCheck() throws -> [String] {
        try withDatabase { db in
            let s = try db.prepare("PRAGMA integrity_check")
            var lines: [String] = []
            while try s.step() { lines.append(s.text(0)) }
            return lines
        }
    }
}
