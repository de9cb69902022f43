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
public struct IndicatorInputs: Sendable, Equatable {
    public var surveys: [SurveyInput]
    public var engagement: [Table]
    public var publications: [Table]
    public var accessRequests: [Table]
    public var population: [Table]

    public init(
        surveys: [SurveyInput] = [], engagement: [Table] = [], publications: [Table] = [],
        accessRequests: [Table] = [], population: [Table] = []
    ) {
        self.surveys = surveys
        self.engagement = engagement
        self.publications = publications
        self.accessRequests = accessRequests
        self.population = population
    }
}
