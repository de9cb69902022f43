/// The ordered schema history of the store (documented in docs/store.md).
enum Migrations {
    static let all: [Migration] = [
        Migration(
            version: 1,
            description:
                "runs, inputs, stages, content-addressed stage outputs and results, rejected rows, file-hash cache, kept tables",
            sql: """
                CREATE TABLE runs(
                    id INTEGER PRIMARY KEY,
                    pipeline TEXT NOT NULL,
                    started TEXT NOT NULL,
                    finished TEXT,
                    status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
                    tool_version TEXT NOT NULL,
                    message TEXT,
                    rows_read INTEGER,
                    rows_rejected INTEGER,
                    indicators INTEGER
                );
                CREATE INDEX runs_by_pipeline ON runs(pipeline, status, id);

                CREATE TABLE run_inputs(
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    path TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    PRIMARY KEY (run_id, position)
                );

                CREATE TABLE run_stages(
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    stage TEXT NOT NULL,
                    key TEXT NOT NULL,
                    action TEXT NOT NULL CHECK (action IN ('ran', 'skipped')),
                    reason TEXT NOT NULL DEFAULT '',
                    PRIMARY KEY (run_id, position),
                    UNIQUE (run_id, stage)
                );
                CREATE INDEX run_stages_by_stage ON run_stages(stage, run_id);

                CREATE TABLE stage_outputs(
                    stage TEXT NOT NULL,
                    key TEXT NOT NULL,
                    created_run INTEGER REFERENCES runs(id) ON DELETE SET NULL,
                    summary TEXT,
                    PRIMARY KEY (stage, key)
                ) WITHOUT ROWID;

                CREATE TABLE results(
                    stage TEXT NOT NULL,
                    key TEXT NOT NULL,
                    indicator TEXT NOT NULL,
                    municipality TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    breakdown TEXT NOT NULL DEFAULT '',
                    -- Doubles in untyped columns checked to be REAL: a REAL-affinity column would store
                    -- -0.0 as the integer 0 and lose its sign; these round-trip every double bit-exactly.
                    value NOT NULL CHECK (typeof(value) = 'real'),
                    n INTEGER NOT NULL,
                    se CHECK (se IS NULL OR typeof(se) = 'real'),
                    ci_low CHECK (ci_low IS NULL OR typeof(ci_low) = 'real'),
                    ci_high CHECK (ci_high IS NULL OR typeof(ci_high) = 'real'),
                    PRIMARY KEY (stage, key, indicator, municipality, year, breakdown),
                    FOREIGN KEY (stage, key) REFERENCES stage_outputs(stage, key) ON DELETE CASCADE
                ) WITHOUT ROWID;

                CREATE TABLE rejected_rows(
                    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                    source TEXT NOT NULL,
                    file TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    field TEXT,
                    reason TEXT NOT NULL,
                    record TEXT NOT NULL
                );
                CREATE INDEX rejected_rows_by_run ON rejected_rows(run_id, source, line);

                CREATE TABLE file_hashes(
                    path TEXT PRIMARY KEY,
                    size INTEGER NOT NULL,
                    mtime_ns INTEGER NOT NULL,
                    inode INTEGER NOT NULL,
                    sha256 TEXT NOT NULL
                );

                CREATE TABLE kept_tables(
                    source TEXT PRIMARY KEY,
                    table_name TEXT NOT NULL UNIQUE,
                    run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,
                    row_count INTEGER NOT NULL
                );
                """
        ),
        Migration(
            version: 2,
            description: "results gain df (t-interval degrees of freedom) and flag (reliability flags), METHODS r2 §1",
            sql: """
                ALTER TABLE results ADD COLUMN df INTEGER CHECK (df IS NULL OR (typeof(df) = 'integer' AND df >= 0));
                ALTER TABLE results ADD COLUMN flag TEXT NOT NULL DEFAULT '';
                """
        ),
    ]
}

/// One step of the store's schema history: a version number and the SQL that reaches it.
///
/// Migrations run in order, each in the same transaction as the `schema_version` row that
/// records it, so a store is always at exactly one version. Never edit a shipped migration;
/// append a new one (and describe it in docs/store.md).
struct Migration: Sendable {
    let version: Int
    let description: String
    let sql: String
}
