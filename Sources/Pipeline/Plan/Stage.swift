import ApenCore
import Indicators

/// One step of a pipeline run, derived from the pipeline file.
///
/// A stage is identified by its ``Kind``, which owns the stage's id: the one place ids are
/// written. Ids are stable and readable, since `apen plan`, `--only` and the store use them:
/// `ingest.<source>`, `indicators.<family>`, `custom.<id>`, `composite.<id>`, `groups`, `report`,
/// `check`.
package struct Stage: Sendable, Hashable, Identifiable {
    package enum Kind: Sendable, Hashable, CustomStringConvertible {
        case ingest(source: String)
        case indicators(IndicatorFamily)
        case custom(id: String)
        case composite(id: String)
        /// The comparison groups (issue 16): the selected indicators on the pooled rows of each
        /// group's members. Its rows are kept in its summary, not among the results, so
        /// `indicators.csv`, baselines, check and diff never see them.
        case groups
        case report
        case check

        /// The stage id (`ingest.survey`, `indicators.foi`, `report`, …): the only place it is built.
        package var id: String {
            switch self {
            case .ingest(let source): return "ingest.\(source)"
            case .indicators(let family): return "indicators.\(family.rawValue)"
            case .custom(let id): return "custom.\(id)"
            case .composite(let id): return "composite.\(id)"
            case .groups: return "groups"
            case .report: return "report"
            case .check: return "check"
            }
        }

        package var description: String { id }

        /// Whether the stage computes indicator rows (built-in, custom or composite).
        var producesResults: Bool {
            switch self {
            case .indicators, .custom, .composite: return true
            case .ingest, .groups, .report, .check: return false
            }
        }

        /// Whether the stage reads the in-memory tables of its ingest dependencies (the report
        /// reads only their stored summaries, so it does not make an ingest stage run).
        var readsTables: Bool {
            switch self {
            case .indicators, .custom, .groups: return true
            case .ingest, .composite, .report, .check: return false
            }
        }

        /// Ingest stages keep their table in memory only, so they run whenever a stage that
        /// reads them runs, and are otherwise skipped with their dependents.
        var isIngest: Bool {
            if case .ingest = self { return true }
            return false
        }
    }

    package var kind: Kind
    /// The stages whose outputs this stage reads.
    package var dependencies: [Kind]
    /// What the content key is made of, besides the upstream keys.
    package var manifest: StageManifest

    package init(kind: Kind, dependencies: [Kind], manifest: StageManifest) {
        self.kind = kind
        self.dependencies = dependencies
        self.manifest = manifest
    }

    /// The stage id, from its kind (``Kind/id``).
    package var id: String { kind.id }
    package var readsTables: Bool { kind.readsTables }
    package var isIngest: Bool { kind.isIngest }
}
