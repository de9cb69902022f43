import ApenCore

extension Store {
    /// The key `stage` had in the newest succeeded run of `pipeline`, or `nil` if none ran it.
    ///
    /// "Newest" is the highest run id, not the latest timestamp, so an injected clock cannot
    /// reorder runs.
    package func lastSuccessfulKey(pipeline: String, stage: String) throws -> String? {
        try withDatabase { db in
            let s = try db.cached(
                """
                SELECT s.key FROM run_stages s JOIN runs r ON r.id = s.run_id
                WHERE r.pipeline = ? AND r.status = 'succeeded' AND s.stage = ?
                ORDER BY r.id DESC LIMIT 1
                """)
            try s.bind(1, pipeline)
            try s.bind(2, stage)
            defer { s.reset() }
            return try s.step() ? s.text(0) : nil
        }
    }

    /// Whether an output of `stage` is stored under `key` (so the stage can be skipped).
    package func hasOutput(stage: String, key: String) throws -> Bool {
        try withDatabase { db in
            let s = try db.cached("SELECT 1 FROM stage_outputs WHERE stage = ? AND key = ?")
            try s.bind(1, stage)
            try s.bind(2, key)
            defer { s.reset() }
            return try s.step()
        }
    }

    /// The summary text stored with the output of `stage` under `key`, or `nil`.
    package func stageSummary(stage: String, key: String) throws -> String? {
        try withDatabase { db in
            let s = try db.cached("SELECT summary FROM stage_outputs WHERE stage = ? AND key = ?")
            try s.bind(1, stage)
            try s.bind(2, key)
            defer { s.reset() }
            return try s.step() ? s.optionalText(0) : nil
        }
    }

    /// The result rows stored for `stage` under `key`, in the METHODS §1 order (empty if none).
    ///
    /// Doubles come back bit-identical: SQLite's REAL is an IEEE-754 binary64.
    package func results(stage: String, key: String) throws -> [IndicatorRow] {
        try withDatabase { db in
            let s = try db.cached(
                """
                SELECT indicator, municipality, year, breakdown, value, n, se, ci_low, ci_high, df, flag
                FROM results WHERE stage = ? AND key = ?
                """)
            try s.bind(1, stage)
            try s.bind(2, key)
            return try Self.readRows(s)
        }
    }

    /// The results of every stage of run `id` (ran or reused), in the METHODS §1 order.
    package func runResults(_ id: Int64) throws -> [IndicatorRow] {
        try withDatabase { db in
            let s = try db.cached(
                """
                SELECT r.indicator, r.municipality, r.year, r.breakdown, r.value, r.n, r.se, r.ci_low, r.ci_high, r.df, r.flag
                FROM run_stages s JOIN results r ON r.stage = s.stage AND r.key = s.key
                WHERE s.run_id = ?
                """)
            try s.bind(1, id)
            return try Self.readRows(s)
        }
    }

    private static func readRows(_ s: Statement) throws -> [IndicatorRow] {
        defer { s.reset() }
        var rows: [IndicatorRow] = []
        while try s.step() {
            rows.append(
                IndicatorRow(
                    indicator: s.text(0), municipality: s.text(1), year: s.int(2), breakdown: s.text(3),
                    value: s.double(4), n: s.int(5), se: s.optionalDouble(6), ciLow: s.optionalDouble(7),
                    ciHigh: s.optionalDouble(8), df: s.optionalInt(9), flags: IndicatorFlags(text: s.text(10)) ?? []))
        }
        return rows.canonicallySorted()
    }

    private static let runColumns =
        "id, pipeline, started, finished, status, tool_version, message, rows_read, rows_rejected, indicators"

    private func readRuns(_ s: Statement) throws -> [RunRecord] {
        defer { s.reset() }
        var runs: [RunRecord] = []
        while try s.step() {
            let statusText = s.text(4)
            guard let status = RunStatus(rawValue: statusText) else {
                throw StoreError(path: path, message: "run \(s.int64(0)) has an unknown status '\(statusText)'")
            }
            var counts: RunCounts?
            if !s.isNull(7) || !s.isNull(8) || !s.isNull(9) {
                counts = RunCounts(rowsRead: s.int(7), rowsRejected: s.int(8), indicators: s.int(9))
            }
            runs.append(
                RunRecord(
                    id: s.int64(0), pipeline: s.text(1), started: s.text(2), finished: s.optionalText(3),
                    status: status,
                    toolVersion: s.text(5), message: s.optionalText(6), counts: counts))
        }
        return runs
    }

    /// Runs, newest first (highest id first), of one pipeline or of all.
    /// - Parameter limit: At most this many runs; `nil` for all.
    package func history(pipeline: String?, limit: Int? = nil) throws -> [RunRecord] {
        try withDatabase { db in
            let s = try db.cached(
                """
                SELECT \(Self.runColumns) FROM runs
                WHERE ?1 IS NULL OR pipeline = ?1 ORDER BY id DESC LIMIT ?2
                """)
            try s.bind(1, pipeline)
            try s.bind(2, limit ?? -1)
            return try readRuns(s)
        }
    }

    /// The run with this id, or `nil`.
    package func run(id: Int64) throws -> RunRecord? {
        try withDatabase { db in
            let s = try db.cached("SELECT \(Self.runColumns) FROM runs WHERE id = ?")
            try s.bind(1, id)
            return try readRuns(s).first
        }
    }

    /// The newest run of `pipeline`, optionally only among runs with `status`.
    package func latestRun(pipeline: String, status: RunStatus? = nil) throws -> RunRecord? {
        try withDatabase { db in
            let s = try db.cached(
                """
                SELECT \(Self.runColumns) FROM runs
                WHERE pipeline = ?1 AND (?2 IS NULL OR status = ?2) ORDER BY id DESC LIMIT 1
                """)
            try s.bind(1, pipeline)
            try s.bind(2, status?.rawValue)
            return try readRuns(s).first
        }
    }

    /// The stages of run `id` in the order they were recorded.
    package func runStages(_ id: Int64) throws -> [StageRecord] {
        try withDatabase { db in
            let s = try db.cached(
                "SELECT stage, key, action, reason FROM run_stages WHERE run_id = ? ORDER BY position")
            try s.bind(1, id)
            defer { s.reset() }
            var stages: [StageRecord] = []
            while try s.step() {
                stages.append(
                    StageRecord(
                        stage: s.text(0), key: s.text(1), action: StageAction(rawValue: s.text(2)) ?? .ran,
                        reason: s.text(3)))
            }
            return stages
        }
    }

    /// The input files of run `id` in the order they were recorded.
    package func runInputs(_ id: Int64) throws -> [InputRecord] {
        try withDatabase { db in
            let s = try db.cached(
                "SELECT source, path, sha256, size FROM run_inputs WHERE run_id = ? ORDER BY position")
            try s.bind(1, id)
            defer { s.reset() }
            var inputs: [InputRecord] = []
            while try s.step() {
                inputs.append(InputRecord(source: s.text(0), path: s.text(1), sha256: s.text(2), size: s.int64(3)))
            }
            return inputs
        }
    }

    /// The rejected rows of run `id`, by source, then line.
    package func rejectedRows(_ id: Int64) throws -> [RejectedRow] {
        try withDatabase { db in
            let s = try db.cached(
                """
                SELECT source, file, line, field, reason, record FROM rejected_rows
                WHERE run_id = ? ORDER BY source, file, line, rowid
                """)
            try s.bind(1, id)
            defer { s.reset() }
            var rows: [RejectedRow] = []
            while try s.step() {
                rows.append(
                    RejectedRow(
                        source: s.text(0), file: s.text(1), line: s.int(2), field: s.optionalText(3),
                        reason: s.text(4), record: s.text(5)))
            }
            return rows
        }
    }
}
