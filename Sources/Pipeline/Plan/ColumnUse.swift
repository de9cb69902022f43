import ApenCore
import Indicators
import Ingest

/// Which optional and extra columns of a source no stage reads, so ingestion can skip them.
///
/// The built-in indicators never read the id columns or free-text classifications listed in
/// `skippable`; a custom indicator over the source that names one (in `where:`, `of:`, `per:`,
/// `weight:` or `by:`) keeps it, and `keep_rows: true` keeps everything.
enum ColumnUse {
    /// Optional columns of each kind that no built-in indicator reads (METHODS §2–§5).
    static let skippable: [SourceKind: Set<String>] = [
        .survey: ["respondent_id"],
        .engagement: ["event_id", "channel", "action"],
        .publications: ["record_id", "exemption_basis"],
        .accessRequests: ["request_id"],
        .population: [],
    ]

    static func unused(_ source: SourceSpec, in spec: PipelineSpec) -> Set<String> {
        guard !source.options.keepRows else { return [] }
        // Declared extra columns are read only for the custom indicators that name them.
        var unused = (skippable[source.options.kind] ?? []).union(source.options.extra.keys)
        // A survey's breakdown columns are read by the survey family.
        unused.subtract(source.options.survey.breakdowns)
        for c in spec.custom where c.source == source.name {
            for text in [c.filter, c.of, c.per, c.weight, c.by].compactMap({ $0 }) {
                unused.subtract(identifiers(in: text))
                // An extra name may hold '-' (written in backticks): any mention keeps it.
                for name in source.options.extra.keys where text.contains(name) { unused.remove(name) }
            }
        }
        return unused
    }

    /// Every run of letters, digits and underscores: a superset of the column names an
    /// expression mentions (string literals included, which only keeps more columns).
    private static func identifiers(in text: String) -> Set<String> {
        var out: Set<String> = []
        var current = ""
        for ch in text.unicodeScalars {
            if ch.properties.isAlphabetic || ("0"..."9").contains(ch) || ch == "_" {
                current.unicodeScalars.append(ch)
            } else if !current.isEmpty {
                out.insert(current)
                current = ""
            }
        }
        if !current.isEmpty { out.insert(current) }
        return out
    }
}
