import ApenCore

/// Computes indicators for comparison groups on the pooled rows of their members.
///
/// Every estimator is the family's own: the tables are passed to `BuiltinIndicators.compute`
/// and `CustomIndicators.compute` with the municipality column recoded to group ids, so a
/// group is one more "municipality" to them. Rows outside a group get no municipality and join
/// no group, but stay in the tables, so a survey wave's design (strata, PSUs, n_h, f_h) is the
/// same as for a single municipality and a group's estimate is a domain estimate of that design
/// (METHODS.md §2). A row belongs to several groups (its county, the country, the country
/// without Oslo, declared groups), so the recoding runs once per *layer*: the counties form one
/// layer (they do not overlap), every other group one layer of its own.
///
/// The per-1000 rate divides the pooled participants by the pooled population: the sum of the
/// populations of the members with engagement rows in the year, unknown when one of them has
/// no population for it.
///
/// ```swift
/// let out = try ComparisonGroups.compute(
///     [.country, .countryWithoutOslo], counties: true, inputs: inputs, jobs: 4)
/// // out.rows: municipality = "county:50", "country", …
/// ```
package enum ComparisonGroups {
    /// A custom indicator with the tables of its source (and the survey settings when the
    /// source is a survey), as the custom stage computes it.
    package struct CustomInput: Sendable {
        package var definition: CustomIndicator
        package var tables: [Table]
        package var survey: SurveySettings?

        package init(definition: CustomIndicator, tables: [Table], survey: SurveySettings? = nil) {
            self.definition = definition
            self.tables = tables
            self.survey = survey
        }
    }

    /// Group rows (the `municipality` field holds the group id), in METHODS.md §1 order.
    ///
    /// - Parameters:
    ///   - groups: the groups besides the counties, each computed as its own layer.
    ///   - counties: whether every county present in the data is a group (`county:<nn>`).
    ///   - families: the built-in families to compute (those the pipeline computes).
    ///   - custom: custom indicators to compute for the groups too (all of them: a pipeline
    ///     computes every custom indicator it declares, whatever `select` says).
    /// - Returns: the rows; the families' warnings about groups with no value are dropped (a
    ///   group row that is undefined is simply absent, as for a municipality).
    /// - Throws: what the families throw (a missing column, a lonely PSU under `fail`).
    package static func compute(
        _ groups: [ComparisonGroup], counties: Bool, families: [IndicatorFamily] = IndicatorFamily.allCases,
        inputs: IndicatorInputs, custom: [CustomInput] = [], select: (String) -> Bool = { _ in true }, jobs: Int = 1
    ) throws -> IndicatorOutput {
        var layers: [(String) -> String?] = []
        if counties { layers.append { ComparisonGroup.county(of: $0)?.id } }
        for g in groups { layers.append { g.membership.contains($0) ? g.id : nil } }
        var rows: [IndicatorRow] = []
        for layer in layers {
            var recoded = IndicatorInputs(extracted: inputs.extracted, minN: inputs.minN)
            recoded.surveys = inputs.surveys.map { SurveyInput(table: recode($0.table, layer), settings: $0.settings) }
            recoded.engagement = inputs.engagement.map { recode($0, layer) }
            recoded.publications = inputs.publications.map { recode($0, layer) }
            recoded.accessRequests = inputs.accessRequests.map { recode($0, layer) }
            if families.contains(.engagement), !inputs.population.isEmpty {
                recoded.population = [try pooledPopulation(inputs, layer)]
            }
            for family in families {
                rows += try BuiltinIndicators.compute(family, inputs: recoded, select: select, jobs: jobs).rows
            }
            for c in custom {
                let tables = c.tables.map { recode($0, layer) }
                rows +=
                    try CustomIndicators.compute(
                        c.definition, tables: tables, jobs: jobs, survey: c.survey, minN: inputs.minN
                    ).rows
            }
        }
        return IndicatorOutput(rows: rows.canonicallySorted())
    }

    /// The table with each municipality number replaced by its group id in `layer` (missing
    /// when the number is in no group of the layer); every other column unchanged.
    static func recode(_ table: Table, _ layer: (String) -> String?) -> Table {
        guard let column = table.text("municipality") else { return table }
        var dictionary: [String] = []
        var index: [String: Int32] = [:]
        let remap = column.dictionary.map { value -> Int32 in
            guard let id = layer(value) else { return -1 }
            if let i = index[id] { return i }
            index[id] = Int32(dictionary.count)
            dictionary.append(id)
            return Int32(dictionary.count - 1)
        }
        var result = table
        result.columns["municipality"] = .text(
            TextColumn(codes: column.codes.map { $0 < 0 ? -1 : remap[Int($0)] }, dictionary: dictionary))
        return result
    }

    /// One population table of the layer's groups: per group and year, the sum of the
    /// populations of its members with engagement rows in that year; NaN (unknown) when one of
    /// them has no population, or a conflicting one, for the year.
    static func pooledPopulation(_ inputs: IndicatorInputs, _ layer: (String) -> String?) throws -> Table {
        let (lookup, _) = try BuiltinIndicators.populationLookup(inputs.population)
        struct Key: Hashable, Comparable {
            var group: String
            var year: Int
            static func < (a: Key, b: Key) -> Bool {
                a.group != b.group ? a.group.utf8.lexicographicallyPrecedes(b.group.utf8) : a.year < b.year
            }
        }
        // The members present per (group, year), from the engagement rows.
        var present: [Key: Set<String>] = [:]
        for t in inputs.engagement {
            guard let m = t.text("municipality"), let days = t.days("date") else { continue }
            let years = GroupIndex.years(ofDays: days)
            for r in 0..<t.rowCount {
                guard let number = m[r], years[r] != GroupIndex.missingYear, let id = layer(number) else { continue }
                present[Key(group: id, year: Int(years[r])), default: []].insert(number)
            }
        }
        var groupCodes: [Int32] = []
        var yearValues: [Double] = []
        var population: [Double] = []
        var dictionary: [String] = []
        var index: [String: Int32] = [:]
        for key in present.keys.sorted() {
            var sum = 0.0
            // Members in byte order, so the sum does not depend on hashing.
            for number in present[key]!.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                guard let p = lookup[number]?[key.year], p.isFinite, p > 0 else {
                    sum = .nan
                    break
                }
                sum += p
            }
            let code: Int32
            if let c = index[key.group] {
                code = c
            } else {
                code = Int32(dictionary.count)
                index[key.group] = code
                dictionary.append(key.group)
            }
            groupCodes.append(code)
            yearValues.append(Double(key.year))
            population.append(sum)
        }
        return Table(
            source: inputs.population.first?.source ?? "population", kind: .population, rowCount: groupCodes.count,
            columns: [
                "municipality": .text(TextColumn(codes: groupCodes, dictionary: dictionary)),
                "year": .number(yearValues), "population": .number(population),
            ])
    }
}
