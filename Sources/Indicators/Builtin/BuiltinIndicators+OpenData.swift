import ApenCore

/// METHODS.md §4: opendata.open_licence_share and opendata.stars_mean, over the records of
/// type `dataset` in publications sources (levels from `OpenData`).
extension BuiltinIndicators {
    /// The family on tables: folded into a `PublicationsPartial` and finished, the one computation.
    static func opendata(_ tables: [Table], wanted: Set<String>, jobs: Int) throws -> IndicatorOutput {
        try opendata(PublicationsPartial.of(tables, jobs: jobs), wanted: wanted, jobs: jobs)
    }

    static func opendata(_ partial: PublicationsPartial, wanted: Set<String>, jobs: Int) throws -> IndicatorOutput {
        var wanted = wanted
        var extra: [Diagnostic] = []
        if partial.noSourceHas(\.hasLicenceColumn) {
            extra = dropAbsent(
                "licence", needs: ["opendata.open_licence_share", "opendata.stars_mean"], path: partial.path,
                wanted: &wanted)
        }
        guard !wanted.isEmpty else { return IndicatorOutput(warnings: extra) }
        // The family reads municipality and registered, not access.
        if let missing = partial.sources.lazy.compactMap(\.missing).first(where: { $0.column != "access" }) {
            throw missing.error
        }
        for source in partial.sources where !source.hasRecordType {
            extra.append(
                Diagnostic(
                    SourceLocation(path: source.name, field: "record_type"),
                    "no record_type column: no record counts as a dataset", severity: .warning,
                    warning: RunWarning(.noRecordType, source: source.name, column: "record_type")))
        }
        let index = partial.index
        let results = Parallel.map(count: index.count, jobs: jobs) { [wanted] g -> GroupResult in
            let group = partial.group(g, of: index)
            var result = GroupResult()
            guard group.datasets > 0 else {
                for id in wanted.sorted() { result.skip(id, .noDatasetRecord) }
                return result
            }
            // A group with records from a source without `licence` cannot say which are open.
            if group.rowWithoutLicence {
                for id in wanted.sorted() { result.skip(id, .sourceWithout("licence")) }
                return result
            }
            if wanted.contains("opendata.open_licence_share") {
                result.add(
                    row(
                        "opendata.open_licence_share", index, g,
                        value: Double(group.openLicence) / Double(group.datasets), n: group.datasets))
            }
            if wanted.contains("opendata.stars_mean") {
                result.add(
                    row(
                        "opendata.stars_mean", index, g,
                        value: Double(group.stars) / Double(group.datasets), n: group.datasets))
            }
            return result
        }
        return try merge(results, index: index, path: partial.path, extra: extra)
    }
}
