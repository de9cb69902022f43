import ApenCore

extension Store {
    /// Records the start of a run (status `running`) in its own transaction and returns its id.
    ///
    /// - Parameters:
    ///   - started: ISO-8601 UTC timestamp from the caller's clock (injected, so tests pin it).
    /// - Throws: `StoreError`.
    package func beginRun(pipeline: String, started: String, toolVersion: String) throws -> Int64 {
        try withDatabase { db in
            try db.transaction {
                let s = try db.cached(
                    "INSERT INTO runs(pipeline, started, status, tool_version) VALUES (?, ?, 'running', ?)")
                try s.bind(1, pipeline)
                try s.bind(2, started)
                try s.bind(3, toolVersion)
                try s.run()
                return db.lastInsertRowID
            }
        }
    }

    /// Writes everything a run produced and marks it `succeeded`, in one transaction.
    ///
    /// Stage outputs (with their results) are stored under `(stage, key)`, replacing an
    /// earlier output with the same key; `run_stages` gets every stage, ran or skipped, in the
    /// given order; inputs, rejected rows and kept tables are recorded; the run row gets
    /// `finished`, the counts and status `succeeded`. If anything throws, nothing of it is kept
    /// and the run stays `running` (call `failRun`).
    ///
    /// - Throws: `StoreError` when the run is not `running`, a skipped stage names a key with no
    ///   stored output, a result holds a non-finite number (METHODS §1: never NaN or infinity
    ///   in an output), two results of one output share indicator/municipality/year/breakdown,
    ///   or SQLite fails.
    /// - Complexity: O(rows written); one prepared statement per table, reused for every row.
    package func commitRun(
        _ id: Int64, finished: String, stages: [StageRecord], outputs: [StageOutput], inputs: [InputRecord],
        rejected: [RejectedRow], counts: RunCounts, kept: [Table] = []
    ) throws {
        try withDatabase { db in
            try db.finishTransaction {
                try requireRunning(id, db)
                for output in outputs { try writeOutput(output, runID: id, db) }
                try writeStages(stages, runID: id, db)
                try writeInputs(inputs, runID: id, db)
                try writeRejected(rejected, runID: id, db)
                for table in kept { try writeKept(table, runID: id, db) }
                let s = try db.cached(
                    """
                    UPDATE runs SET status = 'succeeded', finished = ?, rows_read = ?, rows_rejected = ?, indicators = ?
                    WHERE id = ?
                    """)
                try s.bind(1, finished)
                try s.bind(2, counts.rowsRead)
                try s.bind(3, counts.rowsRejected)
                try s.bind(4, counts.indicators)
                try s.bind(5, id)
                try s.run()
            }
        }
    }

    /// Writes some of a running run's stage outputs ahead of `commitRun`, inside the
    /// transaction `commitRun` then finishes (opened by the first call): a pipeline run writes
    /// each stage's results while later stages compute, instead of all of them at the end.
    ///
    /// Nothing is visible to other connections, or kept after a crash, until `commitRun`
    /// commits; `abandonRun` rolls it back. While it is open the store's write lock is held
    /// (other writers wait, readers do not).
    /// - Throws: `StoreError` as `commitRun` for these outputs; the transaction stays open.
    package func writeAhead(_ outputs: [StageOutput], runID id: Int64) throws {
        try withDatabase { db in
            if !db.isInTransaction {
                try db.execute("BEGIN IMMEDIATE")
                do { try requireRunning(id, db) } catch {
                    try? db.execute("ROLLBACK")
                    throw error
                }
            }
            for output in outputs { try writeOutput(output, runID: id, db) }
        }
    }

    /// Rolls back what `writeAhead` wrote (a run that failed, or whose writes failed).
    package func abandonWritesAhead() {
        try? withDatabase { db in
            if db.isInTransaction { try? db.execute("ROLLBACK") }
        }
    }

    /// Marks a run `failed` with a message; earlier runs' data and results are not touched.
    ///
    /// The inputs and rejected rows of the failed run may be recorded too, so `apen history`
    /// can show why (e.g. the rejected share exceeded `max_rejected`). Stage outputs of a
    /// failed run are never stored.
    /// - Throws: `StoreError` when the run does not exist or is not `running`.
    package func failRun(
        _ id: Int64, finished: String, message: String, inputs: [InputRecord] = [], rejected: [RejectedRow] = []
    ) throws {
        try withDatabase { db in
            // Outputs written ahead (`writeAhead`) are never kept for a failed run.
            if db.isInTransaction { try db.execute("ROLLBACK") }
            try db.transaction {
                try requireRunning(id, db)
                try writeInputs(inputs, runID: id, db)
                try writeRejected(rejected, runID: id, db)
                let s = try db.cached("UPDATE runs SET status = 'failed', finished = ?, message = ? WHERE id = ?")
                try s.bind(1, finished)
                try s.bind(2, message)
                try s.bind(3, id)
                try s.run()
            }
        }
    }

    /// Marks every run still `running` as `failed` ("interrupted"): those processes were killed.
    ///
    /// Call it only while holding the run lock (`acquireRunLock`), otherwise a run in progress
    /// in another process would be marked too.
    /// - Returns: How many runs were marked.
    @discardableResult
    package func markInterruptedRuns(finished: String) throws -> Int {
        try withDatabase { db in
            try db.transaction {
                let s = try db.cached(
                    "UPDATE runs SET status = 'failed', finished = ?, message = ? WHERE status = 'running'")
                try s.bind(1, finished)
                try s.bind(2, "interrupted: the process ended before the run finished")
                try s.run()
                return db.changes
            }
        }
    }

    private func requireRunning(_ id: Int64, _ db: Database) throws {
        let s = try db.cached("SELECT status FROM runs WHERE id = ?")
        try s.bind(1, id)
        guard try s.step() else {
            throw StoreError(path: path, message: "run \(id) does not exist")
        }
        let status = s.text(0)
        s.reset()
        guard status == RunStatus.running.rawValue else {
            throw StoreError(path: path, message: "run \(id) is already \(status); only a running run can be finished")
        }
    }

    private func writeOutput(_ output: StageOutput, runID: Int64, _ db: Database) throws {
        // Replacing an output (a forced rerun): its old results first, as one range of the
        // primary key — three times faster than leaving them to ON DELETE CASCADE, which looks
        // each row up again (0.17 against 0.5 s for the national scale-10 results, 89 k rows).
        let deleteResults = try db.cached("DELETE FROM results WHERE stage = ? AND key = ?")
        try deleteResults.bind(1, output.stage)
        try deleteResults.bind(2, output.key)
        try deleteResults.run()
        let delete = try db.cached("DELETE FROM stage_outputs WHERE stage = ? AND key = ?")
        try delete.bind(1, output.stage)
        try delete.bind(2, output.key)
        try delete.run()
        let insert = try db.cached("INSERT INTO stage_outputs(stage, key, created_run, summary) VALUES (?, ?, ?, ?)")
        try insert.bind(1, output.stage)
        try insert.bind(2, output.key)
        try insert.bind(3, runID)
        try insert.bind(4, output.summary)
        try insert.run()
        let row = try db.cached(
            """
            INSERT INTO results(stage, key, indicator, municipality, year, breakdown, value, n, se, ci_low, ci_high, df, flag)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try row.bind(1, output.stage)
        try row.bind(2, output.key)
        for r in output.results {
            for (name, v) in [("value", r.value), ("se", r.se), ("ci_low", r.ciLow), ("ci_high", r.ciHigh)] {
                if let v, !v.isFinite {
                    throw StoreError(
                        path: path,
                        message:
                            "stage '\(output.stage)': \(r.indicator) \(r.municipality) \(r.year): \(name) is \(v); outputs never hold NaN or infinity (METHODS §1)"
                    )
                }
            }
            try row.bind(3, r.indicator)
            try row.bind(4, r.municipality)
            try row.bind(5, r.year)
            try row.bind(6, r.breakdown)
            try row.bind(7, r.value)
            try row.bind(8, r.n)
            try row.bind(9, r.se)
            try row.bind(10, r.ciLow)
            try row.bind(11, r.ciHigh)
            try row.bind(12, r.df)
            try row.bind(13, r.flags.text)
            try row.run()
        }
    }

    private func writeStages(_ stages: [StageRecord], runID: Int64, _ db: Database) throws {
        let insert = try db.cached(
            "INSERT INTO run_stages(run_id, position, stage, key, action, reason) VALUES (?, ?, ?, ?, ?, ?)")
        let exists = try db.cached("SELECT 1 FROM stage_outputs WHERE stage = ? AND key = ?")
        for (position, stage) in stages.enumerated() {
            if stage.action == .skipped {
                exists.reset()
                try exists.bind(1, stage.stage)
                try exists.bind(2, stage.key)
                let found = try exists.step()
                exists.reset()
                guard found else {
                    throw StoreError(
                        path: path,
                        message:
                            "stage '\(stage.stage)' is recorded as skipped, but no output is stored under key \(stage.key)"
                    )
                }
            }
            try insert.bind(1, runID)
            try insert.bind(2, position)
            try insert.bind(3, stage.stage)
            try insert.bind(4, stage.key)
            try insert.bind(5, stage.action.rawValue)
            try insert.bind(6, stage.reason)
            try insert.run()
        }
    }

    private func writeInputs(_ inputs: [InputRecord], runID: Int64, _ db: Database) throws {
        guard !inputs.isEmpty else { return }
        // Positions continue after any inputs already recorded for the run.
        let next = try db.cached("SELECT coalesce(max(position) + 1, 0) FROM run_inputs WHERE run_id = ?")
        try next.bind(1, runID)
        _ = try next.step()
        let start = next.int(0)
        next.reset()
        let insert = try db.cached(
            "INSERT INTO run_inputs(run_id, position, source, path, sha256, size) VALUES (?, ?, ?, ?, ?, ?)")
        for (i, input) in inputs.enumerated() {
            try insert.bind(1, runID)
            try insert.bind(2, start + i)
            try insert.bind(3, input.source)
            try insert.bind(4, input.path)
            try insert.bind(5, input.sha256)
            try insert.bind(6, input.size)
            try insert.run()
        }
    }

    private func writeRejected(_ rejected: [RejectedRow], runID: Int64, _ db: Database) throws {
        guard !rejected.isEmpty else { return }
        let insert = try db.cached(
            "INSERT INTO rejected_rows(run_id, source, file, line, field, reason, record) VALUES (?, ?, ?, ?, ?, ?, ?)")
        for r in rejected {
            try insert.bind(1, runID)
            try insert.bind(2, r.source)
            try insert.bind(3, r.file)
            try insert.bind(4, r.line)
            try insert.bind(5, r.field)
            try insert.bind(6, r.reason)
            try insert.bind(7, r.record)
            try insert.run()
        }
    }
}
