import ApenCore

/// Every ingested table a run computes built-in indicators from, by source kind.
///
/// Several tables of one kind are pooled: a group `(municipality, year)` gathers the rows of
/// all of them (METHODS.md §1).
///
/// ```swift
/// let inputs = IndicatorInputs(engagement: [events], population: [population])
/// let out = try BuiltinIndicators.compute(.engagement, inputs: inputs)
/// ```
package struct IndicatorInputs: Sendable, Equatable {
    package var surveys: [SurveyInput]
    package var engagement: [Table]
    package var publications: [Table]
    package var accessRequests: [Table]
    package var population: [Table]
    /// Per access-request table (by `Table.source`): the day its log was extracted
    /// (`extracted:`, METHODS.md §5), as days since 1970. Requests still undecided then are
    /// left out of the working-day shares.
    package var extracted: [String: Int32]
    /// `min_n:` of the pipeline: rows with n below it carry the `low_n` flag (METHODS.md §1).
    package var minN: Int

    package init(
        surveys: [SurveyInput] = [], engagement: [Table] = [], publications: [Table] = [],
        accessRequests: [Table] = [], population: [Table] = [], extracted: [String: Int32] = [:], minN: Int = 5
    ) {
        self.surveys = surveys
        self.engagement = engagement
        self.publications = publications
        self.accessRequests = accessRequests
        self.population = population
        self.extracted = extracted
        self.minN = minN
    }
}
