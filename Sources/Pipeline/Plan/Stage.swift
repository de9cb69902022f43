import ApenCore

/// One step of a pipeline run, derived from the pipeline file.
///
/// Stage ids are stable and readable, since `apen plan`, `--only` and the store use them:
/// `ingest.<source>`, `indicators.<family>`, `custom.<id>`, `composite.<id>`, `report`, `check`.
public struct Stage: Sendable, Hashable, Identifiable {
    public enum Kind: Sendable, Hashable {
        case ingest(source: String)
        case indicators(family: String)
        case custom(id: String)
        case composite(id: String)
        case report
        case check
    }

    public var id: String
    public var kind: Kind
    /// Ids of the stages whose outputs this stage reads.
    public var dependencies: [String]
    /// What the content key is made of, besides the upstream keys.
    public var manifest: StageManifest

    public init(id: String, kind: Kind, dependencies: [String], manifest: StageManifest) {
        self.id = id
        self.kind = kind
        self.dependencies = dependencies
        self.manifest = manifest
    }

    /// Whether the stage reads the in-memory tables of its ingest dependencies (the report
    /// reads only their stored summaries, so it does not make an ingest stage run).
    public var readsTables: Bool {
        switch kind {
        case .indicators, .custom: return true
        default: return false
        }
    }

    /// Ingest stages keep their table in memory only, so they run whenever a stage that
    /// reads them runs, and are otherwise skipped with their dependents.
    public var isIngest: Bool {
        if case .ingest = kind { return true }
        return false
    }
}
