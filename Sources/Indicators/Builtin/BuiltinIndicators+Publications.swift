import ApenCore

/// METHODS.md §4: publication.open_share, exempt_share, lag_median_days, lag_p90_days.
extension BuiltinIndicators {
    /// The family on tables: folded into a `PublicationsPartial` and finished, the one computation.
    static func publication(_ tables: [Table], wanted: Set<String>, jobs: Int) throws -> IndicatorOutput {
        try publication(PublicationsPartial.of(tables, jobs: jobs), wanted: wanted, jobs: jobs)
    }

    static func publication(_ partial: PublicationsPartial, wanted: Set<String>, jobs: Int) throws
        -> IndicatorOutput
    {
        var wanted = wanted
        var extra: [Diagnostic] = []
        if partial.noSourceHas(\.hasPublishedColumn) {
            extra = dropAbsent(
                "published",
                needs: ["publication.open_share", "publication.lag_median_days", "publication.lag_p90_days"],
                path: partial.path, wanted: &wanted)
        }
        if let missing = partial.sources.lazy.compactMap(\.missing).first { throw missing.error }
        let index = partial.index
        let results = Parallel.map(count: index.count, jobs: jobs) { [wanted] g -> GroupResult in
            let group = partial.group(g, of: index)
            // A group with rows from a source without `published` cannot say what was published.
            let publishedKnown = !group.rowWithoutPublished
            var result = GroupResult()
            let n = group.rows
            if wanted.contains("publication.open_share"), !publishedKnown {
                result.skip("publication.open_share", .sourceWithout("published"))
            } else if wanted.contains("publication.open_share") {
                result.add(
                    row("publication.open_share", index, g, value: Double(group.openPublished) / Double(n), n: n))
            }
            if wanted.contains("publication.exempt_share") {
                result.add(row("publication.exempt_share", index, g, value: Double(group.exempt) / Double(n), n: n))
            }
            let wantLags = ["publication.lag_median_days", "publication.lag_p90_days"].contains(where: wanted.contains)
            let lags = wantLags && publishedKnown ? group.lags.sortedValues() : []
            for (id, p) in [("publication.lag_median_days", 0.5), ("publication.lag_p90_days", 0.9)]
            where wanted.contains(id) {
                if !publishedKnown {
                    result.skip(id, .sourceWithout("published"))
                } else if let q = Quantile.type7(sorted: lags, p: p) {
                    result.add(row(id, index, g, value: q, n: lags.count))
                } else {
                    result.skip(id, .noPublishedRecord)
                }
            }
            return result
        }
        return try merge(results, index: index, path: partial.path, extra: extra)
    }
}
