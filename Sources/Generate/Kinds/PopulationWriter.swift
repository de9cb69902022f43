import ApenCore

/// Writes `population.csv` (`municipality, year, population`), the reference table of
/// METHODS.md §3: each municipality's 2024 population compounded back by its growth rate.
enum PopulationWriter {
    static let columns = ["municipality", "year", "population"]

    static func write(plan: GenerationPlan, dialect: Dialect, path: String) throws -> Int {
        let w = try RowWriter(path: path, dialect: dialect)
        w.header(columns)
        for m in plan.municipalities {
            let code = w.encode(m.code)
            for year in plan.years {
                w.raw(code)
                w.int(year)
                w.int(m.population(in: year))
                w.endRow()
            }
        }
        try w.finish()
        return w.rows
    }
}
