import ApenCore

/// Computes the built-in indicators of METHODS.md §2–§5 from ingested tables.
///
/// Each family pools every table of its source kind and reports per group
/// `(municipality, year)`. Groups are computed on `jobs` Dispatch workers and merged in
/// group order, and every sum runs over values in a canonical order, so the output is
/// bit-identical for any `jobs` and any order of input rows (METHODS.md §1).
///
/// A value that is undefined for a group (no scored respondent, n below the minimum, an
/// unknown population, a zero variance) gives no row; the groups skipped are listed in one
/// warning per indicator and reason.
///
/// ```swift
/// let out = try BuiltinIndicators.compute(.foi, inputs: IndicatorInputs(accessRequests: [requests]),
///                                         select: { _ in true }, jobs: 4)
/// print(IndicatorCSV.render(out.rows))
/// for w in out.warnings { print(w) }
/// ```
package enum BuiltinIndicators {
    /// The indicators of one family, rows in METHODS.md §1 order.
    ///
    /// - Parameters:
    ///   - family: which family to compute.
    ///   - inputs: the ingested tables; only those of the family's kind (and population) are read.
    ///   - select: whether a concrete indicator id is wanted (e.g. a glob match); unselected
    ///     indicators are not computed.
    ///   - jobs: worker threads (≥ 1); the result does not depend on it.
    /// - Throws: `Diagnostic` when a required column is missing from a table (naming it and the
    ///   columns found), or when a survey stratum has a single PSU under `lonely_psu: fail`
    ///   (naming the stratum, the indicator and the group).
    package static func compute(
        _ family: IndicatorFamily, inputs: IndicatorInputs, select: (String) -> Bool = { _ in true },
        jobs: Int = 1
    ) throws -> IndicatorOutput {
        let scales = BuiltinCatalogue.scaleNames(inputs.surveys)
        let wanted = Set(BuiltinCatalogue.ids(family: family, scales: scales).filter(select))
        guard !wanted.isEmpty else { return IndicatorOutput() }
        let jobs = max(1, jobs)
        switch family {
        case .survey: return try survey(inputs.surveys, wanted: wanted, minN: inputs.minN, jobs: jobs)
        case .engagement:
            return try engagement(
                inputs.engagement, population: inputs.population, wanted: wanted, minN: inputs.minN, jobs: jobs)
        case .publication: return try publication(inputs.publications, wanted: wanted, jobs: jobs)
        case .opendata: return try opendata(inputs.publications, wanted: wanted, jobs: jobs)
        case .foi:
            return try foi(
                inputs.accessRequests, wanted: wanted, extracted: inputs.extracted, minN: inputs.minN, jobs: jobs)
        }
    }

    /// Every family in `IndicatorFamily.allCases` order, rows merged in METHODS.md §1 order.
    /// - Throws: as `compute(_:inputs:select:jobs:)`, for the first family that fails.
    package static func computeAll(
        inputs: IndicatorInputs, select: (String) -> Bool = { _ in true }, jobs: Int = 1
    ) throws -> IndicatorOutput {
        var out = IndicatorOutput()
        for family in IndicatorFamily.allCases {
            let part = try compute(family, inputs: inputs, select: select, jobs: jobs)
            out.rows += part.rows
            out.warnings += part.warnings
        }
        out.rows = out.rows.canonicallySorted()
        return out
    }
}
