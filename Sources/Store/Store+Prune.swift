extension Store {
    /// Deletes old runs and the stage outputs nothing refers to any more, in one transaction.
    ///
    /// Every changed key adds a stage output, so a store used daily grows; this keeps the
    /// newest `keepingRuns` finished runs of each pipeline and always its newest succeeded run
    /// (whose outputs the next run reuses; runs still `running` are never touched), then
    /// deletes every stage output that no remaining run lists in `run_stages`.
    /// The file does not shrink until `VACUUM`; pass `vacuum: true` to run it afterwards.
    /// With `dryRun: true` the same statements run in a transaction that is rolled back, so the
    /// summary says exactly what a real prune would delete, and nothing changes.
    ///
    /// ```swift
    /// let removed = try store.prune(keepingRuns: 20)   // apen prune --keep 20
    /// ```
    /// - Precondition: `keepingRuns >= 1`, so every pipeline keeps the results of its last run.
    /// - Throws: `StoreError`. Call it under the run lock, as a run would.
    @discardableResult
    package func prune(keepingRuns: Int, vacuum: Bool = false, dryRun: Bool = false) throws -> PruneSummary {
        precondition(keepingRuns >= 1, "prune must keep at least the newest run of each pipeline")
        /// Carries a dry run's summary out of the transaction it rolls back.
        struct RolledBack: Error { var summary: PruneSummary }
        let summary = try withDatabase { db in
            do {
                return try db.transaction {
                    let summary = try Self.deleteUnused(db, keepingRuns: keepingRuns)
                    if dryRun { throw RolledBack(summary: summary) }
                    return summary
                }
            } catch let rolledBack as RolledBack {
                return rolledBack.summary
            }
        }
        if vacuum, !dryRun { try withDatabase { try $0.execute("VACUUM") } }
        return summary
    }

    /// The deletes of `prune`, inside the caller's transaction.
    private static func deleteUnused(_ db: Database, keepingRuns: Int) throws -> PruneSummary {
        let runs = try db.prepare(
            """
            DELETE FROM runs WHERE status <> 'running' AND id IN (
                SELECT id FROM (
                    SELECT id, row_number() OVER (PARTITION BY pipeline ORDER BY id DESC) AS age
                    FROM runs WHERE status <> 'running')
                WHERE age > ?)
            AND id NOT IN (SELECT max(id) FROM runs WHERE status = 'succeeded' GROUP BY pipeline)
            """)
        try runs.bind(1, keepingRuns)
        try runs.run()
        let deletedRuns = db.changes
        try db.execute(
            """
            DELETE FROM stage_outputs WHERE NOT EXISTS (
                SELECT 1 FROM run_stages s WHERE s.stage = stage_outputs.stage AND s.key = stage_outputs.key)
            """)
        let deletedOutputs = db.changes
        return PruneSummary(
            runs: deletedRuns, outputs: deletedOutputs, keptRuns: try count(db, "runs"),
            keptOutputs: try count(db, "stage_outputs"))
    }

    private static func count(_ db: Database, _ table: String) throws -> Int {
        let s = try db.prepare("SELECT count(*) FROM \(table)")
        _ = try s.step()
        return s.int(0)
    }
}
